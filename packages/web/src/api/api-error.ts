/** Codes the client itself produces when there is no usable server answer. */
export const clientErrorCodes = {
  network: 'network_error',
  badResponse: 'bad_response',
  http: 'http_error',
} as const;

/**
 * A failed API call. `code` is the server's stable code (e.g. `invalid_credentials`, `rate_limited`) or one of
 * `clientErrorCodes`; `message` is the server's human message (zh-CN), empty when the server gave none.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

/** Whether the error is an ApiError with this HTTP status. */
export function isApiStatus(error: unknown, status: number): boolean {
  return error instanceof ApiError && error.status === status;
}
