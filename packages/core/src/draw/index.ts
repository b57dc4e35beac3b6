/** The verifiable draw (DOMAIN.md §4): target draw, inspector draw, the published record and its verifier. */
export { DRAW_RECORD_FORMAT } from './draw-record.ts';
export type {
  DrawRecord,
  DrawRecordDerivedSeeds,
  DrawRecordExcluded,
  DrawRecordFrame,
  DrawRecordInspectors,
  DrawRecordMember,
  DrawRecordSeed,
  DrawRecordSession,
  DrawRecordSlot,
  DrawRecordStratum,
  DrawRecordSupersedes,
  DrawRecordTarget,
  DrawRecordTask,
  DrawRecordTeam,
  StrataFile,
} from './draw-record.ts';
export { isValidRecordText } from './valid-text.ts';
export {
  MIN_SEED_DIGITS,
  combineSessionSeed,
  isValidBeacon,
  isValidSeedDigits,
} from './combine-session-seed.ts';
export type { SessionSeedError } from './combine-session-seed.ts';
export { EMPTY_EXCLUDED_HASH, hashExcludedIds } from './hash-excluded-ids.ts';
export type { ExcludedIdsError } from './hash-excluded-ids.ts';
export { labelStrata } from './label-strata.ts';
export type { StratumLabel, StratumLabelError } from './label-strata.ts';
export { drawTargets } from './draw-targets.ts';
export type { DrawTargetsError, DrawnTarget } from './draw-targets.ts';
export { buildDrawRecord, freezeFrame } from './build-draw-record.ts';
export type {
  BuildDrawRecordError,
  DrawRecordInput,
  FrameInput,
  InspectorTeamsInput,
} from './build-draw-record.ts';
export { parseDrawRecord, parseStrataFile } from './parse-draw-record.ts';
export type { RecordFormatError } from './parse-draw-record.ts';
export { SEALED_STRATA_NOTE, describeDiscrepancy, verifyDrawRecord } from './verify-draw-record.ts';
export type { Discrepancy, VerificationReport } from './verify-draw-record.ts';
export { assignInspectors, createDefaultSlots } from './assign-inspectors.ts';
export type {
  AssignInspectorsError,
  AssignInspectorsInput,
  AssignedInspector,
  AssignedTeam,
  InspectorDrawTarget,
  InspectorSlot,
} from './assign-inspectors.ts';
