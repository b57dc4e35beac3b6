/**
 * Domain separation of the public seed (DOMAIN.md §4.2): every task batch, and within it the target draw and the
 * inspector draw, gets its own seed, so no two draws share tickets and none can be steered by choosing another.
 */
import { err, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { computeFirstFraction } from './uniform.ts';
import { isWellFormedText } from './sha256.ts';

/** Which draw of a task batch a derived seed is for. */
export type SeedPurpose = 'targets' | 'inspectors';

/** Why a seed could not be derived. */
export interface SeedError {
  readonly kind: 'invalidSeedPart';
  readonly part: 'seed' | 'taskCode' | 'batch';
  readonly message: string;
}

/**
 * The seed of one draw (DOMAIN.md §4.2): `seed + "|" + taskCode + "|" + batch + "|" + purpose`, e.g.
 * `"31415926535897932384|JC-2023-017|1|targets"`. `batch` is the 1-based batch number written in decimal. The task code
 * may not contain `|` (so the string splits back into its parts unambiguously) and no part may hold a lone surrogate.
 */
export function deriveSeed(
  seed: string,
  taskCode: string,
  batch: number,
  purpose: SeedPurpose,
): Result<string, SeedError> {
  if (seed === '' || !isWellFormedText(seed)) {
    return err({ kind: 'invalidSeedPart', part: 'seed', message: 'must be non-empty, well-formed text' });
  }
  if (taskCode === '' || taskCode.includes('|') || !isWellFormedText(taskCode)) {
    return err({ kind: 'invalidSeedPart', part: 'taskCode', message: 'must be non-empty, without "|"' });
  }
  if (!Number.isSafeInteger(batch) || batch < 1) {
    return err({
      kind: 'invalidSeedPart',
      part: 'batch',
      message: `must be a whole number ≥ 1, got ${batch}`,
    });
  }
  return ok(`${seed}|${taskCode}|${String(batch)}|${purpose}`);
}

/**
 * The ticket ranking `inspectorId` for the team of `targetId` (DOMAIN.md §4, inspector draw):
 * `U(H(inspectorSeed) + targetId + "/" + inspectorId)`, where `inspectorSeed` = `deriveSeed(…, 'inspectors')`.
 * Lower tickets are preferred. Inputs must be well-formed text.
 */
export function computeInspectorTicket(inspectorSeed: string, targetId: string, inspectorId: string): string {
  return computeFirstFraction(`${targetId}/${inspectorId}`, inspectorSeed);
}
