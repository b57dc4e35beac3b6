/** Why a draw could not be made. Every case is an input problem the caller can report (DOMAIN.md §4). */
export type SampleError =
  /** The frame lists an id twice (Python's sampler asserts ids are distinct). */
  | { readonly kind: 'duplicateId'; readonly id: string }
  /** A seed or an id holds a lone UTF-16 surrogate, so it has no UTF-8 encoding to hash. */
  | { readonly kind: 'malformedText'; readonly what: 'seed' | 'id'; readonly value: string }
  /** An option is out of range (negative count, non-integer digits, rate outside [0, 1], …). */
  | { readonly kind: 'invalidOption'; readonly option: string; readonly message: string };

/** Formats a {@link SampleError} as one English sentence for logs and the CLI. */
export function describeSampleError(error: SampleError): string {
  switch (error.kind) {
    case 'duplicateId':
      return `duplicate id in the frame: ${JSON.stringify(error.id)}`;
    case 'malformedText':
      return `the ${error.what} ${JSON.stringify(error.value)} holds a lone UTF-16 surrogate and cannot be hashed`;
    case 'invalidOption':
      return `invalid ${error.option}: ${error.message}`;
  }
}
