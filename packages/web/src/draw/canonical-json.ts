/**
 * The record fingerprint the portal publishes as `recordSha256`: SHA-256 of the record's canonical JSON (object keys
 * sorted by code unit, no whitespace; the server's `canonicalJson`), so the fingerprint does not depend on how the
 * downloaded file was indented. Hashed with Web Crypto, in the browser.
 */
export function toCanonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(toCanonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${toCanonicalJson(v)}`).join(',')}}`;
}

/** Lowercase hex SHA-256 of the UTF-8 bytes of `text` (Web Crypto). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Whether this browser can hash at all: Web Crypto exists only in a secure context (HTTPS or localhost). */
export function hasWebCrypto(): boolean {
  return typeof globalThis.crypto === 'object' && typeof globalThis.crypto.subtle === 'object';
}
