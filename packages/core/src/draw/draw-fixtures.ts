/**
 * Test fixtures for the draw (not exported from the package): deterministic sample draws built with the real code
 * path (labelStrata → freezeFrame → drawTargets → assignInspectors → buildDrawRecord), and single-field tamperings
 * of a record. Used by the core, CLI (with tools/verify.py) and web verifier tests, so all verifiers see the same
 * records.
 */
import { assert } from '../result.ts';
import { computeFirstFraction, deriveSeed, hashSha256Hex } from '../sampling/index.ts';
import { assignInspectors, createDefaultSlots } from './assign-inspectors.ts';
import { buildDrawRecord } from './build-draw-record.ts';
import { combineSessionSeed } from './combine-session-seed.ts';
import type { DrawRecord, DrawRecordStratum, StrataFile } from './draw-record.ts';
import { drawTargets } from './draw-targets.ts';
import { labelStrata } from './label-strata.ts';

/** A sample draw: the published record and, when stratified, the auditor's strata file. */
export interface SampleDraw {
  readonly record: DrawRecord;
  readonly strata: StrataFile | null;
}

/** Options of {@link createSampleDraw}. */
export interface SampleDrawOptions {
  readonly frameSize?: number;
  readonly stratified?: boolean;
  readonly inspectors?: boolean;
  readonly digits?: string;
  readonly beacon?: string | null;
  readonly batch?: number;
}

/** A mix of canonical ids: USCCs, 注册号-like numbers, Chinese names, a fullwidth letter and an astral character. */
function createFrameIds(size: number): string[] {
  const ids: string[] = [];
  for (let i = 0; i < size; i++) {
    const n = String(i).padStart(6, '0');
    if (i % 7 === 3) ids.push(`个体-泽州-${n}`);
    else if (i % 11 === 5) ids.push(`14052510${n}0`);
    else if (i === 13) ids.push('\uFF21-fullwidth-13');
    else if (i === 17) ids.push('😊-astral-17');
    else ids.push(`91140500MA0K${n}`);
  }
  return ids;
}

const RISK_CLASSES = ['A', 'B', 'C', 'D'] as const;
const RISK_RATES = { A: 5, B: 10, C: 20, D: 40 } as const;

/** Builds a consistent sample draw (see the module doc). Asserts on failure: fixtures are bugs if they fail. */
export function createSampleDraw(options: SampleDrawOptions = {}): SampleDraw {
  const frameSize = options.frameSize ?? 60;
  const stratified = options.stratified ?? false;
  const digits = options.digits ?? '31415926535897932384626';
  const beacon = options.beacon === undefined ? null : options.beacon;
  const batch = options.batch ?? 1;
  const taskCode = 'JC-2023-017';
  const ids = createFrameIds(frameSize);
  let strata: DrawRecordStratum[];
  let strataFile: StrataFile | null = null;
  if (stratified) {
    const salt = '0f1e2d3c4b5a69788796a5b4c3d2e1f0';
    const labels = labelStrata(RISK_CLASSES, salt);
    assert(labels.ok, 'labels');
    const labelOf = new Map(labels.value.map((l) => [l.name, l.label]));
    const classOf = (id: string): (typeof RISK_CLASSES)[number] =>
      RISK_CLASSES[Number.parseInt(hashSha256Hex(`class|${id}`).slice(0, 6), 16) % 4] ?? 'B';
    const assignments = ids.map((id) => ({ id, stratum: labelOf.get(classOf(id)) ?? '' }));
    strata = labels.value.map(({ name, label }) => {
      const size = ids.filter((id) => classOf(id) === name).length;
      return {
        name: label,
        size,
        allocation: Math.min(
          size,
          Math.ceil((size * RISK_RATES[name as (typeof RISK_CLASSES)[number]]) / 100),
        ),
      };
    });
    strataFile = { salt, assignments };
  } else {
    strata = [{ name: 'S1', size: frameSize, allocation: Math.ceil(frameSize / 5) }];
  }
  const seed = combineSessionSeed(digits, beacon);
  assert(seed.ok, 'seed');
  const drawn = drawTargets(ids, seed.value, taskCode, batch, strata, strataFile?.assignments ?? null);
  assert(drawn.ok, drawn.ok ? '' : drawn.error.message);
  let inspectors = null;
  if (options.inspectors ?? true) {
    const inspectorSeed = deriveSeed(seed.value, taskCode, batch, 'inspectors');
    assert(inspectorSeed.ok, 'inspector seed');
    const departments = { 市场监管局: 'SC', 卫健委: 'WJ', 消防救援支队: 'XF' } as const;
    const pools = new Map(
      Object.entries(departments).map(([name, code]) => [
        name,
        Array.from({ length: 6 }, (_, k) => `${code}-${String(k + 1).padStart(4, '0')}`),
      ]),
    );
    const slots = createDefaultSlots('市场监管局', ['卫健委', '消防救援支队']);
    const workloadCap = Math.max(1, Math.ceil((drawn.value.length * 2) / 5));
    const teams = assignInspectors({
      inspectorSeed: inspectorSeed.value,
      workloadCap,
      targets: drawn.value.map((t, index) => ({
        targetId: t.id,
        slots,
        // A recusal: one inspector of each department sits out each target, in rotation.
        eligible: new Map([...pools].map(([name, pool]) => [name, pool.filter((_, k) => k !== index % 6)])),
      })),
    });
    assert(teams.ok, teams.ok ? '' : teams.error.message);
    inspectors = {
      slots: slots.map((s) => ({ department: s.departmentId, count: s.count })),
      workloadCap,
      teams: teams.value.map((team) => ({
        targetId: team.targetId,
        members: team.members.map((m) => ({ inspectorId: m.inspectorId, department: m.departmentId })),
      })),
    };
  }
  const record = buildDrawRecord({
    id: `D-2023-${taskCode}-${batch}`,
    task: { code: taskCode, year: 2023, name: '食品经营者监督检查', batch, ratio: '不低于20% 1次/年' },
    session: {
      id: 'S-2023-03-01',
      witnesses: ['张三', '李四'],
      frozenAt: '2023-03-01T09:00:00+08:00',
      seedAt: '2023-03-01T09:30:00+08:00',
    },
    seed: { digits, beacon },
    frame: { ids, strata, strataFile },
    excludedIds: batch > 1 ? ['91140500MA0KX00001', '91140500MA0KX00002'] : [],
    targets: drawn.value.map((t) => t.id),
    inspectors,
    supersedes: null,
  });
  assert(record.ok, record.ok ? '' : JSON.stringify(record.error));
  return { record: record.value, strata: strataFile };
}

/** A JSON-shaped deep copy of a record, so tests can mutate it. */
export function cloneRecord(record: DrawRecord): MutableRecord {
  return JSON.parse(JSON.stringify(record)) as MutableRecord;
}

/** A record whose fields may be written (for tampering in tests). */
export type MutableRecord = Mutable<DrawRecord>;

type Mutable<T> = T extends readonly (infer U)[]
  ? Mutable<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: Mutable<T[K]> }
    : T;

/** `text` with the code point at `position` (counted in code points) replaced by `replacement`. */
export function replaceCodePoint(text: string, position: number, replacement: string): string {
  const points = Array.from(text);
  points[position] = replacement;
  return points.join('');
}

/** A character different from `c`, from the same kind where possible (digit → digit, else a letter or a digit). */
export function changeCharacter(c: string, salt = 0): string {
  const pool = /[0-9]/.test(c) ? '0123456789' : 'abcdefXYZ012中';
  for (let k = 0; k < pool.length; k++) {
    const points = Array.from(pool);
    const candidate = points[(k + salt) % points.length] ?? 'x';
    if (candidate !== c) return candidate;
  }
  return 'x';
}

/**
 * Whether a verifier can detect tampering `label` on `record`: a substitution of targets with true tickets needs the
 * strata file when the frame has several strata (DOMAIN.md §4.5); the excluded hash of a later batch is only a
 * commitment (its ids are in the earlier batches' records), so a public verifier checks its form only.
 */
export function isDetectable(label: string, record: DrawRecord, withStrataFile: boolean): boolean {
  if (label.startsWith('target replaced')) return record.frame.strata.length === 1 || withStrataFile;
  if (label === 'excluded.hash') return record.excluded.count === 0;
  return true;
}

/** One tampering of a record: what was changed, and the changed record. */
export interface Tampering {
  readonly label: string;
  readonly record: MutableRecord;
}

/** A list of single changes to a verified record; every one is rejected where {@link isDetectable} says so. */
export function listTamperings(record: DrawRecord): Tampering[] {
  const out: Tampering[] = [];
  const change = (label: string, edit: (r: MutableRecord) => void): void => {
    const copy = cloneRecord(record);
    edit(copy);
    out.push({ label, record: copy });
  };
  const flip = (text: string, position: number): string =>
    replaceCodePoint(text, position, changeCharacter(Array.from(text)[position] ?? ''));
  change('seed.digits first digit', (r) => (r.seed.digits = flip(r.seed.digits, 0)));
  change('seed.digits last digit', (r) => (r.seed.digits = flip(r.seed.digits, r.seed.digits.length - 1)));
  change('seed.value', (r) => (r.seed.value = flip(r.seed.value, 3)));
  change('seed.digits and value together', (r) => {
    r.seed.digits = flip(r.seed.digits, 5);
    r.seed.value = r.seed.beacon === null ? r.seed.digits : `${r.seed.digits}|${r.seed.beacon}`;
  });
  change('derivedSeeds.targets', (r) => (r.derivedSeeds.targets = r.derivedSeeds.targets + ' '));
  change('task.batch', (r) => (r.task.batch = r.task.batch + 1));
  change('task.code', (r) => (r.task.code = flip(r.task.code, 0)));
  change('frame.ids[0]', (r) => (r.frame.ids[0] = flip(r.frame.ids[0] ?? '', 2)));
  change('frame.ids last', (r) => {
    const last = r.frame.ids.length - 1;
    r.frame.ids[last] = (r.frame.ids[last] ?? '') + 'x';
  });
  change('frame.ids swapped', (r) => {
    const [a, b] = [r.frame.ids[0] ?? '', r.frame.ids[1] ?? ''];
    r.frame.ids[0] = b;
    r.frame.ids[1] = a;
  });
  change('frame.hash', (r) => (r.frame.hash = flip(r.frame.hash, 10)));
  change('frame.strata[0].allocation', (r) => {
    const s = r.frame.strata[0];
    if (s !== undefined) s.allocation = s.allocation > 0 ? s.allocation - 1 : 1;
  });
  change('excluded.hash', (r) => (r.excluded.hash = flip(r.excluded.hash, 0)));
  change('targets[0].id', (r) => {
    const t = r.targets[0];
    if (t !== undefined) t.id = flip(t.id, t.id.length - 1);
  });
  change('targets[0].ticket', (r) => {
    const t = r.targets[0];
    if (t !== undefined) t.ticket = flip(t.ticket, 5);
  });
  change('targets last ticket, last digit', (r) => {
    const t = r.targets[r.targets.length - 1];
    if (t !== undefined) t.ticket = flip(t.ticket, t.ticket.length - 1);
  });
  change('targets swapped', (r) => {
    const [a, b] = [r.targets[0], r.targets[1]];
    if (a !== undefined && b !== undefined) {
      r.targets[0] = b;
      r.targets[1] = a;
    }
  });
  change('target replaced by another frame id with its true ticket, re-sorted', (r) => {
    const taken = new Set(r.targets.map((t) => t.id));
    const other = r.frame.ids.find((id) => !taken.has(id)) ?? '';
    r.targets[r.targets.length - 1] = {
      id: other,
      ticket: computeFirstFraction(other, r.derivedSeeds.targets),
    };
    r.targets.sort((a, b) => (a.ticket < b.ticket ? -1 : a.ticket > b.ticket ? 1 : 0));
    // The teams follow the targets: move them along, so only the selection itself is wrong.
    if (r.inspectors !== null) r.inspectors = null;
  });
  if (record.inspectors !== null && record.inspectors.teams.length > 0) {
    change('inspectors member ticket', (r) => {
      const m = r.inspectors?.teams[0]?.members[0];
      if (m !== undefined) m.ticket = flip(m.ticket, 7);
    });
    change('inspectors member id', (r) => {
      const m = r.inspectors?.teams[0]?.members[1];
      if (m !== undefined) m.inspectorId = flip(m.inspectorId, m.inspectorId.length - 1);
    });
    change('inspectors workload cap lowered', (r) => {
      if (r.inspectors !== null) r.inspectors.workloadCap = 1;
    });
    change('inspectors department', (r) => {
      const m = r.inspectors?.teams[0]?.members[0];
      if (m !== undefined) m.department = '卫健委';
    });
  }
  return out;
}
