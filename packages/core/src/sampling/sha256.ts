/**
 * SHA-256 (FIPS 180-4) in plain TypeScript, so the draw runs unchanged in Node and in a browser (DOMAIN.md §4.4:
 * "a page that runs in the browser recomputes the draw"), and so the hot path of a draw can reuse the compressed state
 * of a fixed prefix: every ticket hashes `H(seed) + id`, and `H(seed)` is 64 ASCII bytes, exactly one SHA-256 block.
 * Cross-checked against `node:crypto` in sha256.test.ts.
 */

import { assert } from '../result.ts';

const ROUND_CONSTANTS = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);

const INITIAL_STATE = new Int32Array([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);

const HEX_DIGITS = '0123456789abcdef';

/** Message schedule scratch space, shared: the functions here are synchronous and never re-entered. */
const schedule = new Int32Array(64);

/**
 * Compresses one block whose first 16 message words are already in `schedule[0..15]`, starting from the chaining
 * value `from`, into `state` (`from` and `state` may be the same array). The hot path of a draw: keep it monomorphic
 * and allocation-free.
 */
function compressSchedule(from: Int32Array, state: Int32Array): void {
  const w = schedule;
  const k = ROUND_CONSTANTS;
  const a0 = from[0] as number;
  const b0 = from[1] as number;
  const c0 = from[2] as number;
  const d0 = from[3] as number;
  const e0 = from[4] as number;
  const f0 = from[5] as number;
  const g0 = from[6] as number;
  const h0 = from[7] as number;
  let a = a0;
  let b = b0;
  let c = c0;
  let d = d0;
  let e = e0;
  let f = f0;
  let g = g0;
  let h = h0;
  for (let i = 0; i < 64; i++) {
    let wi: number;
    if (i < 16) {
      wi = w[i] as number;
    } else {
      const x = w[i - 15] as number;
      const y = w[i - 2] as number;
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      wi = ((w[i - 16] as number) + s0 + (w[i - 7] as number) + s1) | 0;
      w[i] = wi;
    }
    const t1 =
      (h +
        (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))) +
        ((e & f) ^ (~e & g)) +
        (k[i] as number) +
        wi) |
      0;
    const t2 =
      ((((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))) +
        ((a & b) ^ (a & c) ^ (b & c))) |
      0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  state[0] = (a0 + a) | 0;
  state[1] = (b0 + b) | 0;
  state[2] = (c0 + c) | 0;
  state[3] = (d0 + d) | 0;
  state[4] = (e0 + e) | 0;
  state[5] = (f0 + f) | 0;
  state[6] = (g0 + g) | 0;
  state[7] = (h0 + h) | 0;
}

/** Compresses `blockCount` consecutive 64-byte blocks of `bytes` starting at `offset` into `state` (in place). */
function compressBlocks(state: Int32Array, bytes: Uint8Array, offset: number, blockCount: number): void {
  const w = schedule;
  for (let block = 0; block < blockCount; block++) {
    const base = offset + block * 64;
    for (let i = 0; i < 16; i++) {
      const p = base + i * 4;
      w[i] =
        ((bytes[p] as number) << 24) |
        ((bytes[p + 1] as number) << 16) |
        ((bytes[p + 2] as number) << 8) |
        (bytes[p + 3] as number);
    }
    compressSchedule(state, state);
  }
}

/**
 * Fast path for a one-block tail: loads the ASCII text `head + tail` (≤ 55 chars together, no prefix carry) straight
 * into the schedule, without joining the two, with SHA-256 padding for a message of `totalBytes` bytes. Returns false
 * if either has a non-ASCII code unit.
 */
function loadAsciiBlock(head: string, tail: string, totalBytes: number): boolean {
  const w = schedule;
  for (let i = 0; i < 16; i++) w[i] = 0;
  const m = head.length;
  for (let i = 0; i < m; i++) {
    const c = head.charCodeAt(i);
    if (c >= 0x80) return false;
    w[i >> 2] = (w[i >> 2] as number) | (c << (24 - 8 * (i & 3)));
  }
  const n = m + tail.length;
  for (let i = m; i < n; i++) {
    const c = tail.charCodeAt(i - m);
    if (c >= 0x80) return false;
    w[i >> 2] = (w[i >> 2] as number) | (c << (24 - 8 * (i & 3)));
  }
  w[n >> 2] = (w[n >> 2] as number) | (0x80 << (24 - 8 * (n & 3)));
  w[15] = totalBytes * 8;
  return true;
}

/**
 * Writes the UTF-8 encoding of `text` into `target` from `offset`; returns the end offset, or -1 if `text` holds a
 * lone surrogate (Python's `str.encode('utf-8')` refuses those too). `target` must have room for 3 bytes per code unit.
 */
function writeUtf8(text: string, target: Uint8Array, offset: number): number {
  let p = offset;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      target[p++] = c;
    } else if (c < 0x800) {
      target[p++] = 0xc0 | (c >> 6);
      target[p++] = 0x80 | (c & 0x3f);
    } else if (c < 0xd800 || c >= 0xe000) {
      target[p++] = 0xe0 | (c >> 12);
      target[p++] = 0x80 | ((c >> 6) & 0x3f);
      target[p++] = 0x80 | (c & 0x3f);
    } else {
      const low = i + 1 < n ? text.charCodeAt(i + 1) : 0;
      if (c >= 0xdc00 || low < 0xdc00 || low >= 0xe000) return -1;
      i++;
      c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
      target[p++] = 0xf0 | (c >> 18);
      target[p++] = 0x80 | ((c >> 12) & 0x3f);
      target[p++] = 0x80 | ((c >> 6) & 0x3f);
      target[p++] = 0x80 | (c & 0x3f);
    }
  }
  return p;
}

/** Formats eight 32-bit words as 64 lowercase hex digits (big-endian, as SHA-256 digests are written). */
export function formatDigestHex(words: Int32Array): string {
  let out = '';
  for (let i = 0; i < 8; i++) {
    const word = words[i] as number;
    for (let shift = 28; shift >= 0; shift -= 4) out += HEX_DIGITS[(word >>> shift) & 15] ?? '';
  }
  return out;
}

/**
 * A SHA-256 hasher for messages `prefix + suffix` with a fixed `prefix`: the complete 64-byte blocks of the prefix are
 * compressed once, each call only compresses the rest. Not safe to share across re-entrant calls (it owns buffers).
 */
export interface PrefixedSha256 {
  /**
   * Hashes UTF-8(prefix + suffix) into `out` (8 words, big-endian word values). Returns false, leaving `out`
   * undefined, if `suffix` holds a lone surrogate.
   */
  readonly hashInto: (suffix: string, out: Int32Array) => boolean;
  /** {@link PrefixedSha256.hashInto} of the suffix `head + tail`, without building that string when it can. */
  readonly hashPairInto: (head: string, tail: string, out: Int32Array) => boolean;
}

/** Builds a {@link PrefixedSha256} for `prefix` (UTF-8). Asserts that `prefix` holds no lone surrogate. */
export function createPrefixedSha256(prefix: string): PrefixedSha256 {
  const prefixBytes = new Uint8Array(prefix.length * 3);
  const prefixLength = writeUtf8(prefix, prefixBytes, 0);
  assert(prefixLength >= 0, 'SHA-256 input must be well-formed UTF-16 (no lone surrogates)');
  const fullBlocks = Math.floor(prefixLength / 64);
  const midState = new Int32Array(INITIAL_STATE);
  compressBlocks(midState, prefixBytes, 0, fullBlocks);
  const carry = prefixBytes.slice(fullBlocks * 64, prefixLength);
  const hashedPrefixLength = fullBlocks * 64;
  let buffer = new Uint8Array(256);
  buffer.set(carry, 0);
  // The one-block ASCII path writes the bit length into the last word only: fine below 2^31 bits.
  const fastPath = carry.length === 0 && hashedPrefixLength < 0x1000000;

  function hashInto(suffix: string, out: Int32Array): boolean {
    if (fastPath && suffix.length <= 55 && loadAsciiBlock(suffix, '', hashedPrefixLength + suffix.length)) {
      compressSchedule(midState, out);
      return true;
    }
    const needed = carry.length + suffix.length * 3 + 72;
    if (buffer.length < needed) {
      buffer = new Uint8Array(needed * 2);
      buffer.set(carry, 0);
    }
    const end = writeUtf8(suffix, buffer, carry.length);
    if (end < 0) return false;
    const totalBits = (hashedPrefixLength + end) * 8;
    const padded = Math.ceil((end + 9) / 64) * 64;
    buffer[end] = 0x80;
    buffer.fill(0, end + 1, padded - 4);
    // Message length in bits as a 64-bit big-endian integer; messages here are far below 2^32 bytes.
    const high = Math.floor(totalBits / 0x100000000);
    buffer[padded - 8] = (high >>> 24) & 0xff;
    buffer[padded - 7] = (high >>> 16) & 0xff;
    buffer[padded - 6] = (high >>> 8) & 0xff;
    buffer[padded - 5] = high & 0xff;
    buffer[padded - 4] = (totalBits >>> 24) & 0xff;
    buffer[padded - 3] = (totalBits >>> 16) & 0xff;
    buffer[padded - 2] = (totalBits >>> 8) & 0xff;
    buffer[padded - 1] = totalBits & 0xff;
    out.set(midState);
    compressBlocks(out, buffer, 0, padded / 64);
    return true;
  }

  function hashPairInto(head: string, tail: string, out: Int32Array): boolean {
    const length = head.length + tail.length;
    if (fastPath && length <= 55 && loadAsciiBlock(head, tail, hashedPrefixLength + length)) {
      compressSchedule(midState, out);
      return true;
    }
    return hashInto(head + tail, out);
  }

  return { hashInto, hashPairInto };
}

const plainHasher = createPrefixedSha256('');

/**
 * `H(s)` of DOMAIN.md §4.3: the lowercase hex SHA-256 of the UTF-8 encoding of `text` (Python's
 * `hashlib.sha256(str(x).encode('utf-8')).hexdigest()`). Asserts that `text` is well formed (see {@link isWellFormedText}).
 */
export function hashSha256Hex(text: string): string {
  const words = new Int32Array(8);
  assert(plainHasher.hashInto(text, words), 'SHA-256 input must be well-formed UTF-16 (no lone surrogates)');
  return formatDigestHex(words);
}

/**
 * Whether `text` has a UTF-8 encoding (no lone surrogates). Python cannot hash such strings either, so the draw
 * rejects them up front (ES2024's `String.prototype.isWellFormed`, not in our ES2023 lib). One scan of the code
 * units: the draw checks every frame id several times, and a regular expression with look-behind cost more.
 */
export function isWellFormedText(text: string): boolean {
  return scanText(text, false);
}

/**
 * Whether `text` may be a field of a tab-separated line that is hashed (ids, stratum names, salts, codes): non-empty,
 * no TAB, LF or CR, and well formed ({@link isWellFormedText}). One scan of the code units.
 */
export function isFieldText(text: string): boolean {
  return text.length > 0 && scanText(text, true);
}

/** Scans `text` for a lone surrogate and, with `refuseBreaks`, for a TAB, LF or CR; true when there is none. */
function scanText(text: string, refuseBreaks: boolean): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20) {
      if (refuseBreaks && (c === 9 || c === 10 || c === 13)) return false;
      continue;
    }
    if (c < 0xd800 || c > 0xdfff) continue;
    // A low surrogate here has no high one before it; a high one needs a low one next.
    if (c >= 0xdc00) return false;
    const next = text.charCodeAt(i + 1);
    if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
    i++;
  }
  return true;
}
