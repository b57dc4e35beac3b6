import { assert } from '../result.ts';
import { computeUsccCheckChar } from './check-uscc.ts';

/**
 * Completes a USCC by appending the GB 32100-2015 check character to its first 17 characters.
 * The prefix must be 17 charset characters (a programming error otherwise). To produce a code that
 * {@link checkUscc} accepts, characters 9–17 must be a valid organisation code: build them with
 * `makeOrgCode` (GB 11714) from 8 characters of the USCC charset.
 *
 * @example
 * // an individual business (9 工商, 2 个体工商户) registered in 泽州县 (140525):
 * makeUscc('92' + '140525' + makeOrgCode('MA0K1234'));
 */
export function makeUscc(prefix17: string): string {
  const check = computeUsccCheckChar(prefix17);
  assert(check.ok, `makeUscc: invalid prefix ${JSON.stringify(prefix17)}`);
  return prefix17 + check.value;
}
