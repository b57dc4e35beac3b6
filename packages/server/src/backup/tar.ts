/**
 * A minimal POSIX ustar writer and reader for the backup archive: regular files only, names up to 100 bytes.
 * Standard tools read what this writes (`tar tf backup.tar`, `tar xf backup.tar && sha256sum -c SHA256SUMS`).
 */
import { err, ok, type Result } from '@ssj/core';

export interface TarEntry {
  readonly name: string;
  readonly bytes: Uint8Array;
}

const BLOCK = 512;
/** 11 octal digits: the ustar size field's limit (8 GiB − 1). */
const MAX_SIZE = 0o77777777777;

function writeString(header: Uint8Array, offset: number, length: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length > length) throw new RangeError(`tar field too long: ${text}`);
  header.set(bytes, offset);
}

function writeOctal(header: Uint8Array, offset: number, length: number, value: number): void {
  writeString(header, offset, length, `${value.toString(8).padStart(length - 1, '0')}\0`);
}

function checksumOf(header: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : (header[i] ?? 0);
  return sum;
}

/** The archive of `entries` in order; `mtime` (seconds since 1970) is stamped on every entry. */
export function writeTar(entries: readonly TarEntry[], mtime: number): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const entry of entries) {
    if (entry.bytes.length > MAX_SIZE) throw new RangeError(`${entry.name} is too large for a tar entry`);
    const header = new Uint8Array(BLOCK);
    writeString(header, 0, 100, entry.name);
    writeOctal(header, 100, 8, 0o644);
    writeOctal(header, 108, 8, 0);
    writeOctal(header, 116, 8, 0);
    writeOctal(header, 124, 12, entry.bytes.length);
    writeOctal(header, 136, 12, Math.max(0, Math.floor(mtime)));
    header[156] = 0x30; // '0': a regular file
    writeString(header, 257, 6, 'ustar\0');
    writeString(header, 263, 2, '00');
    writeString(header, 148, 8, `${checksumOf(header).toString(8).padStart(6, '0')}\0 `);
    parts.push(header, entry.bytes);
    const padding = (BLOCK - (entry.bytes.length % BLOCK)) % BLOCK;
    if (padding > 0) parts.push(new Uint8Array(padding));
  }
  parts.push(new Uint8Array(BLOCK * 2));
  return Buffer.concat(parts);
}

function readString(block: Uint8Array, offset: number, length: number): string {
  const field = block.subarray(offset, offset + length);
  const end = field.indexOf(0);
  return Buffer.from(end < 0 ? field : field.subarray(0, end)).toString('utf8');
}

function readOctal(block: Uint8Array, offset: number, length: number): number | null {
  const text = readString(block, offset, length).trim();
  if (!/^[0-7]+$/.test(text)) return null;
  return parseInt(text, 8);
}

/**
 * The regular files of a ustar archive, or a message saying where it is damaged (a bad checksum, a size past the
 * end, a missing end marker). Directories and other entry types are skipped.
 */
export function readTar(bytes: Uint8Array): Result<TarEntry[], string> {
  const entries: TarEntry[] = [];
  let offset = 0;
  for (;;) {
    if (offset + BLOCK > bytes.length)
      return err('the archive ends before its end-of-archive marker (truncated)');
    const header = bytes.subarray(offset, offset + BLOCK);
    if (header.every((b) => b === 0)) return ok(entries);
    const stored = readOctal(header, 148, 8);
    if (stored === null || stored !== checksumOf(header)) {
      return err(`damaged tar header at byte ${offset} (checksum mismatch)`);
    }
    const name = readString(header, 0, 100);
    const size = readOctal(header, 124, 12);
    if (size === null) return err(`damaged tar header at byte ${offset} (size)`);
    const start = offset + BLOCK;
    if (start + size > bytes.length)
      return err(`the entry ${name} runs past the end of the archive (truncated)`);
    const type = header[156];
    if (type === 0x30 || type === 0) entries.push({ name, bytes: bytes.subarray(start, start + size) });
    offset = start + Math.ceil(size / BLOCK) * BLOCK;
  }
}
