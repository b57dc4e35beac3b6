import type { Translate } from '../i18n/i18n-context.ts';
import { ApiError, clientErrorCodes } from './api-error.ts';

/** The text to show people for a failed call: the server's own message when it sent one. */
export function describeError(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('common.unexpected.description');
  if (error.message !== '') return error.message;
  if (error.code === clientErrorCodes.network) return t('error.network');
  if (error.code === clientErrorCodes.badResponse) return t('error.badResponse', { status: error.status });
  // A gateway answering for a server that is down or restarting.
  if (error.status === 502 || error.status === 503 || error.status === 504) {
    return t('error.unavailable', { status: error.status });
  }
  return t('error.unknown', { status: error.status });
}
