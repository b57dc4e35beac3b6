const fallback = '/app';
// Backslashes, whitespace and control characters: browsers strip or rewrite them, `/\t/host` becomes `//host`.
// eslint-disable-next-line no-control-regex
const unsafeCharacters = /[\\\s\u0000-\u001f\u007f]/;

/**
 * The in-app path to return to after login, from the `next` query parameter. Only same-origin absolute paths
 * are accepted (no `//host`, no backslash, whitespace or control character), and never the login page itself.
 */
export function toSafeNextPath(next: string | null): string {
  if (next === null || !next.startsWith('/') || next.startsWith('//') || unsafeCharacters.test(next))
    return fallback;
  if (next === '/login' || next.startsWith('/login?') || next.startsWith('/login/')) return fallback;
  return next;
}

/** The login address that brings the user back to `path` afterwards. */
export function toLoginPath(path: string): string {
  return `/login?next=${encodeURIComponent(path)}`;
}
