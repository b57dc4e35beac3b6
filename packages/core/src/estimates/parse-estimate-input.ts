import { err, ok } from '../result.ts';
import type { Result } from '../result.ts';
import type { EstimateInput, StratumOutcomes } from './stratified-estimate.ts';

/**
 * Validates untrusted JSON of the shape `{"strata": [{"N": 1200, "outcomes": [0, 1, 0]}, …]}` (the
 * `ssj estimate --json` input). Returns a message naming the first offending place.
 */
export function parseEstimateInput(json: unknown): Result<EstimateInput, string> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return err('input must be an object {"strata": [...]}');
  }
  const strata: unknown = (json as Record<string, unknown>)['strata'];
  if (!Array.isArray(strata)) return err('"strata" must be an array');
  if (strata.length === 0) return err('"strata" is empty');
  const parsed: StratumOutcomes[] = [];
  for (const [i, raw] of (strata as unknown[]).entries()) {
    const where = `strata[${i}]`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      return err(`${where} must be an object`);
    const record = raw as Record<string, unknown>;
    const N = record['N'];
    if (typeof N !== 'number' || !Number.isSafeInteger(N) || N < 1) {
      return err(`${where}.N must be a positive integer`);
    }
    const outcomes = record['outcomes'];
    if (!Array.isArray(outcomes)) return err(`${where}.outcomes must be an array of 0 and 1`);
    const values: (0 | 1)[] = [];
    for (const [j, o] of (outcomes as unknown[]).entries()) {
      if (o !== 0 && o !== 1) return err(`${where}.outcomes[${j}] must be 0 or 1`);
      values.push(o);
    }
    if (values.length === 0) return err(`${where}.outcomes is empty`);
    if (values.length > N) return err(`${where} has ${values.length} outcomes but N = ${N}`);
    parsed.push({ N, outcomes: values });
  }
  return ok({ strata: parsed });
}
