/** The verifiable draw's pure core: Rivest's consistent sampler, byte-compatible, plus seeds and frames (DOMAIN.md §4). */
export { hashSha256Hex, isFieldText, isWellFormedText } from './sha256.ts';
export {
  computeFirstFraction,
  computeNextFraction,
  convertDigestToUniform,
  hashUniform,
  trimTicketNumber,
} from './uniform.ts';
export { compareTickets, createFirstTicket, createNextTicket, formatTicketTuple } from './ticket.ts';
export type { Ticket, TicketTuple } from './ticket.ts';
export { compareByCodePoint } from './compare-text.ts';
export { selectSmallestFirstTickets } from './bottom-k.ts';
export type { SelectOptions } from './bottom-k.ts';
export { sampleIds, sampleTickets, sampleTuples } from './sampler.ts';
export type { SampleOptions, TupleSampleOptions } from './sampler.ts';
export { sampleBernoulli } from './bernoulli.ts';
export { describeSampleError } from './sample-error.ts';
export type { SampleError } from './sample-error.ts';
export { formatPythonRepr, formatPythonStr } from './python-str.ts';
export type { PythonValue } from './python-str.ts';
export { computeInspectorTicket, deriveSeed } from './domain-separation.ts';
export type { SeedError, SeedPurpose } from './domain-separation.ts';
export {
  DRAW_ALGORITHM_VERSION,
  hashFrame,
  hashSealedStrata,
  serializeFrame,
  serializeSealedStrata,
} from './frame-hash.ts';
export type { Frame, FrameError, FrameStratum, StratumAssignment } from './frame-hash.ts';
