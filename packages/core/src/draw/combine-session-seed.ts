/**
 * The session seed (DOMAIN.md §4.2): ≥ 20 decimal digits from dice rolled by the witnesses, optionally combined with a
 * pre-announced public beacon value. The rule (ours): `digits` alone, or `digits + "|" + beacon`. The digits hold no
 * `|`, so the first `|` of the value separates them from the beacon unambiguously.
 */
import { err, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { isWellFormedText } from '../sampling/index.ts';

/** Why a session seed cannot be formed. */
export interface SessionSeedError {
  readonly kind: 'invalidSeed';
  readonly part: 'digits' | 'beacon';
  readonly message: string;
}

/** The fewest dice digits a session seed may have (DOMAIN.md §4.2). */
export const MIN_SEED_DIGITS = 20;

/** Whether `digits` are ≥ 20 decimal digits (ASCII 0-9 only). */
export function isValidSeedDigits(digits: string): boolean {
  return /^[0-9]{20,}$/.test(digits);
}

/** Whether `beacon` is a usable beacon value: non-empty, UTF-8-encodable, no control character (U+0000–U+001F, U+007F). */
export function isValidBeacon(beacon: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  return beacon !== '' && !/[\u0000-\u001f\u007f]/.test(beacon) && isWellFormedText(beacon);
}

/** The session seed value: `digits`, or `digits + "|" + beacon` (see the module doc). */
export function combineSessionSeed(digits: string, beacon: string | null): Result<string, SessionSeedError> {
  if (!isValidSeedDigits(digits)) {
    return err({
      kind: 'invalidSeed',
      part: 'digits',
      message: `at least ${MIN_SEED_DIGITS} decimal digits (0-9) from dice, nothing else`,
    });
  }
  if (beacon === null) return ok(digits);
  if (!isValidBeacon(beacon)) {
    return err({
      kind: 'invalidSeed',
      part: 'beacon',
      message: 'the beacon value must be non-empty, without control characters',
    });
  }
  return ok(`${digits}|${beacon}`);
}
