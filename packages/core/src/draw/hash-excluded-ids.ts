/**
 * The commitment to the targets of earlier batches of the same task (DOMAIN.md §3 "same target, same matter: at most
 * once a year"; draw-record.ts `excluded`): SHA-256 of the ids in code-point order joined by LF, no trailing newline.
 */
import { err, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { compareByCodePoint, hashSha256Hex } from '../sampling/index.ts';
import type { DrawRecordExcluded } from './draw-record.ts';
import { isValidRecordText } from './valid-text.ts';

/** Why excluded ids cannot be hashed. */
export interface ExcludedIdsError {
  readonly kind: 'invalidExcludedId' | 'duplicateExcludedId';
  readonly id: string;
}

/** `H("")`: the excluded hash of a first batch. */
export const EMPTY_EXCLUDED_HASH = hashSha256Hex('');

/** The `excluded` entry of a record for these ids (any order; each a valid text, listed once). */
export function hashExcludedIds(ids: readonly string[]): Result<DrawRecordExcluded, ExcludedIdsError> {
  for (const id of ids) if (!isValidRecordText(id)) return err({ kind: 'invalidExcludedId', id });
  const sorted = [...ids].sort(compareByCodePoint);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i] === sorted[i - 1]) return err({ kind: 'duplicateExcludedId', id: sorted[i] ?? '' });
  }
  return ok({ count: sorted.length, hash: hashSha256Hex(sorted.join('\n')) });
}
