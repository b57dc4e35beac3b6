/**
 * The published draw record (DOMAIN.md §4.4): everything an outsider needs to recompute one task batch's draw of
 * targets and inspectors, as one JSON document. Three independent verifiers read it (`ssj verify`, the portal's
 * in-browser verifier, `tools/verify.py`); this comment is the specification a fourth one would follow.
 *
 * # Record format `ssj-draw-record-v1`
 *
 * A JSON object (UTF-8). Keys not listed are ignored by verifiers. "int" is a JSON integer; "text" a JSON string.
 * ```
 * {
 *   "format": "ssj-draw-record-v1",
 *   "id": text,                               the draw's id (a re-draw points back to it via "supersedes")
 *   "algorithm": "ssj-draw-v1",
 *   "task": { "code": text, "year": int, "name": text, "batch": int (≥ 1), "ratio": text e.g. "不低于20% 1次/年" },
 *   "session": { "id": text, "witnesses": [text], "frozenAt": text, "seedAt": text },   (ISO 8601, informational)
 *   "seed": { "digits": text, "beacon": text | null, "value": text },
 *   "derivedSeeds": { "targets": text, "inspectors": text },
 *   "frame": {
 *     "algorithm": text, "ids": [text], "strata": [{ "name": text, "size": int, "allocation": int }],
 *     "sealed": text | null, "hash": text
 *   },
 *   "excluded": { "count": int, "hash": text },
 *   "targets": [{ "id": text, "ticket": text }],
 *   "inspectors": null | {
 *     "slots": [{ "department": text, "count": int }], "workloadCap": int,
 *     "teams": [{ "targetId": text, "members": [{ "inspectorId": text, "department": text, "ticket": text }] }]
 *   },
 *   "supersedes": null | { "drawId": text, "reason": text, "approvedBy": text }
 * }
 * ```
 *
 * ## Primitives (DOMAIN.md §4.3)
 * - `H(s)`: lowercase hex SHA-256 of the UTF-8 bytes of `s`.
 * - `U(s)`: `"0."` + reverse(decimal digits of `H(s)` read as an integer, left-padded with `0` to 64 digits). In
 *   Python: `'0.' + str(int(H(s), 16)).rjust(64, '0')[::-1]`. A ticket is such a string (64 to 78 digits), kept in
 *   full; tickets compare as strings (they are ASCII and "0.ddd…", so string order is numeric order).
 * - Ticket order of targets: by ticket string, then by id in code-point order (Python's `str` order).
 * - A *valid text* is non-empty, has a UTF-8 encoding (no lone surrogate) and holds no TAB, LF or CR.
 *
 * ## Fields
 * - **seed** (DOMAIN.md §4.2): `digits` are the dice digits, `^[0-9]{20,}$`; `beacon` is a pre-announced public
 *   beacon value or null (non-empty, UTF-8-encodable, no control character U+0000–U+001F or U+007F);
 *   `value` = `digits` when `beacon` is null, else `digits + "|" + beacon`. `value` is the session seed.
 * - **derivedSeeds**: `targets` = `value|code|batch|targets`, `inspectors` = `value|code|batch|inspectors` (batch in
 *   decimal, `|` literal; the task code is a valid text without `|`). Anyone can feed `derivedSeeds.targets` and the
 *   frame ids to Rivest's `consistent_sampler.sampler(ids, seed=…)` and see the same tickets.
 * - **frame** (frozen and hashed before the seed existed, DOMAIN.md §4.1): `algorithm` equals the record's; `ids` are
 *   the canonical ids (valid texts), in strictly increasing code-point order; `strata` lists every stratum with its
 *   size and allocation n_h (0 ≤ n_h ≤ size, Σ size = number of ids, names valid and distinct). A frame has at least
 *   one stratum; with more than one, `sealed` must be the hash of the sealed strata file (the membership of the strata
 *   is secret); with exactly one, `sealed` is null and that stratum holds every id. `hash` is SHA-256 of the frame
 *   text `ssj-frame-v1` defined in `sampling/frame-hash.ts` (its `sealed` line present iff `sealed` is not null).
 * - **Stratum names are opaque labels** `S1`, `S2`, …: the mapping to credit-risk classes is not public (DOMAIN.md §2
 *   "不公开"). The platform numbers the strata with {@link labelStrata}: by `H(salt + TAB + internal name)`, so only
 *   holders of the strata file (which has the salt) can tell which label is which class. A frame with one stratum
 *   labels it `S1`.
 * - **excluded**: the targets of earlier batches of the same task this year, left out of this frame (DOMAIN.md §3
 *   "at most once a year"): `count` and `hash` = `H(ids sorted in code-point order, joined by "\n")` (no trailing
 *   newline; with no ids, `H("")`). Public verifiers check its form and that `count = 0` implies `hash = H("")`.
 * - **targets**: the drawn objects in ticket order, each with `ticket` = `U(H(derivedSeeds.targets) + id)`. The
 *   target draw: in each stratum, the n_h members with the smallest tickets (bottom-k); all of them, merged in ticket
 *   order. Targets carry no stratum (that would reveal risk classes).
 * - **inspectors** (DOMAIN.md §4 "Inspector draw"), null when the record has no inspector draw: `slots` is the team
 *   composition (departments by name, distinct, each count ≥ 1); `workloadCap` ≥ 1 is the most teams one inspector
 *   joins in this draw; `teams[i]` is the team of `targets[i]`: its members listed slot by slot (the first
 *   `slots[0].count` members are of `slots[0].department`, and so on), within a department by increasing ticket;
 *   `ticket` = `U(H(derivedSeeds.inspectors) + targetId + "/" + inspectorId)`; `inspectorId` is a public code, never a
 *   name. Eligibility (certificates, regions, recusals) is not public, so verifiers check tickets, composition, order
 *   and caps, not who was eligible.
 * - **supersedes**: a re-draw (DOMAIN.md §4.4) names the draw it replaces, why, and who approved; the old record
 *   stays published.
 *
 * # Strata file `ssj-strata-file-v1` (held by auditors, never published)
 * ```
 * { "salt": text, "assignments": [{ "id": text, "stratum": text }] }
 * ```
 * one assignment per frame id, `stratum` a label of `frame.strata`. Its hash is SHA-256 of the `ssj-strata-v1` text of
 * `sampling/frame-hash.ts` (line `ssj-strata-v1`, line `salt<TAB>salt`, then `id<TAB>stratum` per id in code-point
 * order, joined by LF) and must equal `frame.sealed`. Other keys (e.g. an informational label → class map) are ignored.
 *
 * # Verification, in this order; the first failed check is reported
 * A verifier first checks the record's shape (the types above; `format` equal to `ssj-draw-record-v1`): a record
 * that fails is unreadable (the CLI exits 2), not a discrepancy. Then, each failure naming the field path:
 * 1. `algorithm` = `ssj-draw-v1`; `frame.algorithm` = `algorithm`.
 * 2. `seed.digits` matches `^[0-9]{20,}$`; `seed.beacon` is null or as above; `seed.value` = the combination.
 * 3. `task.code` is a valid text without `|`; `task.batch` ≥ 1; `derivedSeeds.targets`, then `derivedSeeds.inspectors`.
 * 4. Frame: for each `frame.ids[i]`: valid, then greater than `frame.ids[i-1]`; for each `frame.strata[s]`: name
 *    valid and not an earlier name, size and allocation ≥ 0, allocation ≤ size; then `frame.strata` (at least one;
 *    Σ size = number of ids); `frame.sealed` (null with one stratum, 64 lowercase hex digits with several);
 *    `frame.hash` = the recomputed hash.
 * 5. `excluded.count` ≥ 0; `excluded.hash` is 64 lowercase hex digits, and `H("")` when the count is 0.
 * 6. `targets` has Σ allocation entries; then for each `targets[i]`: `.id` is a frame id, `.id` is not an earlier
 *    target, `.ticket` is right, then `targets[i]` comes after `targets[i-1]` in ticket order.
 * 7. With a strata file: `frame.sealed` is not null; `strata.salt` is valid; for each `strata.assignments[k]` in file
 *    order: `.id` valid, `.stratum` valid, `.id` not an earlier one; then `frame.sealed` = the file's hash; then for
 *    each `strata.assignments[k]`: `.id` is a frame id, `.stratum` is a frame stratum name; then `strata.assignments`
 *    covers every frame id (the first missing one in frame order is named); then each `frame.strata[s].size` equals
 *    its member count in the file.
 * 8. Selection: when the frame has one stratum, or a strata file was given, the expected targets are each stratum's
 *    n_h smallest tickets, merged in ticket order; the first `targets[i].id` that differs is reported. With several
 *    strata and no file, this check is skipped and the report says "strata sealed: per-stratum selection not checked".
 * 9. Inspectors (when not null): for each `inspectors.slots[j]`: department valid and not an earlier one, count ≥ 1;
 *    `inspectors.workloadCap` ≥ 1; `inspectors.teams` has one team per target; then for each team i:
 *    `.targetId` = `targets[i].id`; `.members` has Σ count entries; for each `members[j]`: `.department` is the
 *    slot's department; `.inspectorId` valid and not earlier in the team; `.department` equal to this inspector's
 *    department in earlier teams; `.ticket` right; `members[j]` after `members[j-1]` by ticket when both are in the
 *    same department; `.inspectorId` in at most `workloadCap` teams so far.
 * Field paths are written like `targets[3].ticket`, `strata.assignments[0].id`, `inspectors.teams[2].members[1].ticket`.
 */

/** The record's format tag. */
export const DRAW_RECORD_FORMAT = 'ssj-draw-record-v1';

/** The task batch a draw belongs to (抽查任务, 批次). */
export interface DrawRecordTask {
  readonly code: string;
  readonly year: number;
  readonly name: string;
  /** 1-based batch number. */
  readonly batch: number;
  /** The plan's 抽查比例及频次 text, as published. */
  readonly ratio: string;
}

/** The draw session (抽取会) that froze the frame and made the seed; timestamps are informational. */
export interface DrawRecordSession {
  readonly id: string;
  /** Names of the witnesses who rolled the dice. */
  readonly witnesses: readonly string[];
  /** ISO 8601 time the frame was frozen (its hash published). */
  readonly frozenAt: string;
  /** ISO 8601 time the seed was entered. */
  readonly seedAt: string;
}

/** The session seed (DOMAIN.md §4.2) and how it was made. */
export interface DrawRecordSeed {
  /** ≥ 20 decimal digits from dice. */
  readonly digits: string;
  /** A pre-announced public beacon value, or null. */
  readonly beacon: string | null;
  /** `digits`, or `digits + "|" + beacon`. */
  readonly value: string;
}

/** The per-draw seeds derived from the session seed by domain separation (DOMAIN.md §4.2). */
export interface DrawRecordDerivedSeeds {
  readonly targets: string;
  readonly inspectors: string;
}

/** A stratum's public figures: opaque label, size, allocation n_h. */
export interface DrawRecordStratum {
  readonly name: string;
  readonly size: number;
  readonly allocation: number;
}

/** The frozen frame as published. */
export interface DrawRecordFrame {
  readonly algorithm: string;
  /** Canonical ids in code-point order. */
  readonly ids: readonly string[];
  readonly strata: readonly DrawRecordStratum[];
  /** Hash of the sealed strata file, or null for a single stratum. */
  readonly sealed: string | null;
  /** SHA-256 of the `ssj-frame-v1` text. */
  readonly hash: string;
}

/** The targets of earlier batches, left out of this frame. */
export interface DrawRecordExcluded {
  readonly count: number;
  readonly hash: string;
}

/** One drawn target with its full-precision ticket. */
export interface DrawRecordTarget {
  readonly id: string;
  readonly ticket: string;
}

/** Team composition: how many inspectors of a department each team needs. */
export interface DrawRecordSlot {
  readonly department: string;
  readonly count: number;
}

/** One inspector of a team. */
export interface DrawRecordMember {
  /** A public code (e.g. the certificate number), never a name. */
  readonly inspectorId: string;
  /** Department name. */
  readonly department: string;
  readonly ticket: string;
}

/** The team of one target. */
export interface DrawRecordTeam {
  readonly targetId: string;
  readonly members: readonly DrawRecordMember[];
}

/** The inspector draw of the batch. */
export interface DrawRecordInspectors {
  readonly slots: readonly DrawRecordSlot[];
  readonly workloadCap: number;
  /** `teams[i]` is the team of `targets[i]`. */
  readonly teams: readonly DrawRecordTeam[];
}

/** A re-draw's link to the draw it replaces. */
export interface DrawRecordSupersedes {
  readonly drawId: string;
  readonly reason: string;
  readonly approvedBy: string;
}

/** The published draw record `ssj-draw-record-v1` (format in this module's doc comment). */
export interface DrawRecord {
  readonly format: typeof DRAW_RECORD_FORMAT;
  readonly id: string;
  readonly algorithm: string;
  readonly task: DrawRecordTask;
  readonly session: DrawRecordSession;
  readonly seed: DrawRecordSeed;
  readonly derivedSeeds: DrawRecordDerivedSeeds;
  readonly frame: DrawRecordFrame;
  readonly excluded: DrawRecordExcluded;
  readonly targets: readonly DrawRecordTarget[];
  readonly inspectors: DrawRecordInspectors | null;
  readonly supersedes: DrawRecordSupersedes | null;
}

/** The sealed strata file (auditors only): the salt and every frame id's stratum label. */
export interface StrataFile {
  readonly salt: string;
  readonly assignments: readonly { readonly id: string; readonly stratum: string }[];
}
