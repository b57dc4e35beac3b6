import type { RecordVerification } from '../verify/verify-record.ts';
import type { CrossCheck } from './record-cross-checks.ts';

/** Where the verified text came from: the portal's published record, or a file on the visitor's computer. */
export type VerifySource = { kind: 'published' } | { kind: 'local'; fileName: string };

/** One finished verification: the verifier's answer plus the comparisons with what the portal published. */
export interface VerifyOutcome {
  readonly source: VerifySource;
  readonly strataFileName: string | null;
  readonly verification: RecordVerification;
  readonly checks: readonly CrossCheck[];
}

/** The field path the portal uses for a failed comparison, in the verifier's style. */
export const crossCheckFields: Record<CrossCheck['kind'], string> = {
  frameHash: 'frame.hash',
  seed: 'seed.digits',
  fingerprint: 'recordSha256',
};

/** Passed only when the record verifies AND it is the record the portal published (frame hash, seed, fingerprint). */
export function isOutcomeOk(outcome: VerifyOutcome): boolean {
  return outcome.verification.kind === 'verified' && outcome.checks.every((check) => check.ok);
}
