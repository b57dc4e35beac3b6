/**
 * Opaque public labels for strata (DOMAIN.md §2: risk classes are 不公开; §4.5 strata stay sealed). The frame publishes
 * each stratum's size and allocation under a label `S1`, `S2`, …; which label is which risk class must not follow from
 * a fixed order. Rule (ours): sort the internal names by `H(salt + TAB + name)` (ties cannot happen for distinct
 * names short of a SHA-256 collision) and number them from 1. The salt is the sealed strata file's, so an auditor
 * holding the file can recompute the mapping, and nobody else can.
 */
import { err, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { hashSha256Hex } from '../sampling/index.ts';
import { isValidRecordText } from './valid-text.ts';

/** An internal stratum name (e.g. a risk class) and its public label. */
export interface StratumLabel {
  readonly name: string;
  readonly label: string;
}

/** Why strata cannot be labelled. */
export interface StratumLabelError {
  readonly kind: 'invalidStratumName' | 'duplicateStratumName' | 'invalidSalt';
  readonly value: string;
}

/** The labels of `names` under `salt` (see the module doc), in label order `S1`, `S2`, …. */
export function labelStrata(
  names: readonly string[],
  salt: string,
): Result<StratumLabel[], StratumLabelError> {
  if (!isValidRecordText(salt)) return err({ kind: 'invalidSalt', value: salt });
  const seen = new Set<string>();
  for (const name of names) {
    if (!isValidRecordText(name)) return err({ kind: 'invalidStratumName', value: name });
    if (seen.has(name)) return err({ kind: 'duplicateStratumName', value: name });
    seen.add(name);
  }
  const keyed = names.map((name) => ({ name, key: hashSha256Hex(`${salt}\t${name}`) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return ok(keyed.map(({ name }, index) => ({ name, label: `S${String(index + 1)}` })));
}
