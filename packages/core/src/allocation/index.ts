/** Per-stratum allocation of a task batch: ratio, 不少于N户, batches and the risk tilt (DOMAIN.md §4). */
export { allocateBatch } from './allocate-batch.ts';
export type {
  AllocationBound,
  AllocationError,
  AllocationInput,
  BatchAllocation,
  StratumAllocation,
  StratumInput,
} from './allocate-batch.ts';
export { DEFAULT_RISK_MULTIPLIERS, selectMultiplier } from './risk-multipliers.ts';
// RiskClass is the registry's type (registry/register-types.ts); not re-exported here to avoid a duplicate export.
export type { RiskMultipliers } from './risk-multipliers.ts';
export { allocateLargestRemainder } from './largest-remainder.ts';
export { allocateByRiskPriority } from './risk-water-filling.ts';
export type { RiskStratum } from './risk-water-filling.ts';
