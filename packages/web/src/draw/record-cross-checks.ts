import type { DrawDto, DrawSessionDto } from '@ssj/server/api-types';
import { sha256Hex, toCanonicalJson } from './canonical-json.ts';

/** A comparison of the record being verified with what this portal published about the draw. */
export interface CrossCheck {
  /** `frameHash`: the hash published at freezing, before the seed; `seed`: the session's seed; `fingerprint`. */
  readonly kind: 'frameHash' | 'seed' | 'fingerprint';
  readonly ok: boolean;
  readonly expected: string;
  readonly found: string;
}

function field(value: unknown, ...path: string[]): string {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return '—';
    current = (current as Record<string, unknown>)[key];
  }
  return typeof current === 'string' ? current : '—';
}

/**
 * The checks the record verifier cannot make on its own (DOMAIN.md §4.1, §4.4): that the record's frame hash is the
 * one published when the frame was frozen, before the seed existed; that its seed digits are the session's; and that
 * the record is the very one whose fingerprint the portal published. `record` is the parsed record.
 */
export async function crossCheckRecord(
  record: unknown,
  draw: DrawDto,
  session: DrawSessionDto | null,
): Promise<CrossCheck[]> {
  const checks: CrossCheck[] = [
    {
      kind: 'frameHash',
      ok: field(record, 'frame', 'hash') === draw.frameHash,
      expected: draw.frameHash,
      found: field(record, 'frame', 'hash'),
    },
  ];
  if (session !== null && session.seed !== null) {
    const found = field(record, 'seed', 'digits');
    checks.push({ kind: 'seed', ok: found === session.seed.digits, expected: session.seed.digits, found });
  }
  const fingerprint = await sha256Hex(toCanonicalJson(record));
  checks.push({
    kind: 'fingerprint',
    ok: fingerprint === draw.recordSha256,
    expected: draw.recordSha256,
    found: fingerprint,
  });
  return checks;
}
