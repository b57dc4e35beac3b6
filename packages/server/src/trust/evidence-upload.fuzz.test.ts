/**
 * Fuzz hook: evidence uploads (检查证据: photos and PDFs attached to an inspection result). The upload route is being
 * built; when it lands, fill this file in the way plan-import.fuzz.test.ts does, with the fuzz kit:
 *
 * - seeds: a small real PNG, JPEG and PDF (generated here, like fuzz-seeds.ts builds its files), plus files that only
 *   look like them (right magic, garbage after; a PDF header on a zip; an SVG with script);
 * - mutations: flipBits, smashBytes, truncateBytes; random bytes with MAGIC_PREFIXES and the image/PDF magic numbers;
 *   names with path separators, NULs, 300 characters; sizes at and over the limit;
 * - the call: the route through `app.inject` (multipart, createTestApp) or the store function the route calls, inside
 *   `withinTimeLimit` with `startHangWatchdog`;
 * - the checks: no exception and no 500 (a refusal is a 400/413/415 naming the file), and `countRows` of
 *   inspection_evidence, files and audit_log unchanged when refused; one row each (and the SHA-256 of the bytes) when
 *   stored.
 */
import { describe, it } from 'vitest';

describe('fuzz: evidence uploads', () => {
  it.todo(
    'mutated and random photos and PDFs are refused with a clear error and store nothing (upload route pending)',
  );
});
