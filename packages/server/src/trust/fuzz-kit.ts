/**
 * Tools for the importer fuzzers (issue "Trust": bad input). Every fuzzer is deterministic: a seed (FUZZ_SEED,
 * default below) drives the mutations and fast-check, and a failure names the seed and case so it can be replayed.
 *
 * Bounded for CI: each fuzzer runs a fixed number of cases per target; `SOAK=N` multiplies them (`SOAK=50 npx vitest
 * run packages/server/src/trust`). A case must finish within {@link CASE_TIME_LIMIT_MS}: an importer that never
 * answers is a failure (a hang), not a slow case — the limit is far above any honest parse. A synchronous endless
 * loop blocks the timer too, so a watchdog thread ({@link startHangWatchdog}) kills the test process, naming the case.
 */
import { Worker } from 'node:worker_threads';
import * as XLSX from '@e965/xlsx';
import JSZip from 'jszip';

/** The seed of every fuzzer; FUZZ_SEED=… replays another run. */
export const FUZZ_SEED = Number(process.env['FUZZ_SEED'] ?? '20261127');

/**
 * A case longer than this is a hang. Generous on purpose: a loaded CI machine must not fail an honest case, and a
 * case may meet the .xls reader's own limit twice (preview and import, 15 s each: read-xls-workbook.ts).
 */
export const CASE_TIME_LIMIT_MS = 60_000;

/** Cases for a target: `base` in CI, × SOAK when set. */
export function countCases(base: number): number {
  const soak = Number(process.env['SOAK'] ?? '1');
  return Math.max(1, Math.round(base * (Number.isFinite(soak) && soak > 0 ? soak : 1)));
}

/** A small deterministic PRNG (mulberry32): the same seed, the same mutations. */
export interface Rng {
  /** In [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      const item = items[int(items.length)];
      if (item === undefined) throw new RangeError('pick from an empty list');
      return item;
    },
  };
}

/** Cell values that have broken importers somewhere: blanks, controls, formulas, huge, Excel-mangled numbers … */
export const GARBAGE_CELLS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  '\u0007\u001b[2J',
  '=1+1',
  '=HYPERLINK("http://x","y")',
  '<script>alert(1)</script>',
  "'; drop table objects; --",
  'NaN',
  '-1',
  '1e309',
  '9.11405E+17',
  '911405250000000000',
  '９１１４０５２５ＭＡ０Ｋ１２３４Ｘ',
  '2023-02-30',
  '0000-00-00',
  '45000',
  '"',
  '""',
  'a\nb',
  'a\r\nb',
  '\t',
  '\uFFFD\uFFFE',
  '\uD800',
  '👨‍👩‍👧‍👦',
  '\u202Eevil',
  '不低于',
  '100%%%',
  '3月--2月',
  '晋城市'.repeat(2000),
  'A'.repeat(40_000),
];

/** Flip 1–16 random bits. */
export function flipBits(bytes: Uint8Array, rng: Rng): Uint8Array {
  const out = new Uint8Array(bytes);
  if (out.length === 0) return out;
  const flips = 1 + rng.int(16);
  for (let i = 0; i < flips; i++) {
    const at = rng.int(out.length);
    out[at] = (out[at] ?? 0) ^ (1 << rng.int(8));
  }
  return out;
}

/** Overwrite a random run of bytes with random bytes. */
export function smashBytes(bytes: Uint8Array, rng: Rng): Uint8Array {
  const out = new Uint8Array(bytes);
  if (out.length === 0) return out;
  const start = rng.int(out.length);
  const length = Math.min(out.length - start, 1 + rng.int(256));
  for (let i = 0; i < length; i++) out[start + i] = rng.int(256);
  return out;
}

/** Cut the file at a random point (a download that stopped, a full disk). */
export function truncateBytes(bytes: Uint8Array, rng: Rng): Uint8Array {
  return bytes.slice(0, rng.int(bytes.length));
}

/** Lines of a text file (CSV, the notice): duplicate, drop or swap lines, or put garbage into cells. */
export function mutateTextRows(text: string, rng: Rng, separator: string): string {
  const lines = text.split('\n');
  const rounds = 1 + rng.int(6);
  for (let r = 0; r < rounds; r++) {
    const at = rng.int(lines.length);
    switch (rng.int(5)) {
      case 0: {
        const copies = 1 + rng.int(rng.next() < 0.2 ? 200 : 3);
        lines.splice(at, 0, ...(Array(copies).fill(lines[at] ?? '') as string[]));
        break;
      }
      case 1:
        lines.splice(at, 1 + rng.int(5));
        break;
      case 2: {
        const other = rng.int(lines.length);
        const a = lines[at] ?? '';
        lines[at] = lines[other] ?? '';
        lines[other] = a;
        break;
      }
      default: {
        const cells = (lines[at] ?? '').split(separator);
        cells[rng.int(cells.length + 1)] = rng.pick(GARBAGE_CELLS);
        lines[at] = cells.join(separator);
      }
    }
  }
  return lines.join('\n');
}

/** A garbage cell a spreadsheet can hold (at most 32,767 characters, Excel's limit). */
function sheetGarbage(rng: Rng): string {
  return rng.pick(GARBAGE_CELLS).slice(0, 32_767);
}

/**
 * A spreadsheet (.xlsx or .xls) read as rows, mutated like a text file's rows (duplicated, dropped, swapped rows,
 * garbage cells, a sheet emptied), and written back in its own format: a file that opens, with bad content.
 */
export function mutateSpreadsheetRows(bytes: Uint8Array, bookType: 'xlsx' | 'biff8', rng: Rng): Uint8Array {
  try {
    return rewriteSpreadsheetRows(bytes, bookType, rng);
  } catch {
    return smashBytes(bytes, rng); // already broken by an earlier mutation: break it some more
  }
}

function rewriteSpreadsheetRows(bytes: Uint8Array, bookType: 'xlsx' | 'biff8', rng: Rng): Uint8Array {
  const workbook = XLSX.read(bytes, { type: 'buffer' });
  const name = workbook.SheetNames[0];
  const sheet = name === undefined ? undefined : workbook.Sheets[name];
  if (name === undefined || sheet === undefined) return bytes;
  const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: '' });
  const rounds = 1 + rng.int(6);
  for (let r = 0; r < rounds; r++) {
    const at = rng.int(rows.length + 1);
    switch (rng.int(6)) {
      case 0:
        rows.splice(at, 0, ...(Array(1 + rng.int(20)).fill(rows[at] ?? []) as unknown[][]));
        break;
      case 1:
        rows.splice(at, 1 + rng.int(10));
        break;
      case 2:
        rows.splice(
          at,
          0,
          Array.from({ length: 1 + rng.int(30) }, () => sheetGarbage(rng)),
        );
        break;
      case 3:
        if (rng.next() < 0.2) rows.length = rng.int(4);
        break;
      default: {
        const row = [...(rows[at] ?? [])];
        row[rng.int(row.length + 3)] =
          rng.next() < 0.3 ? rng.int(2 ** 31) * (rng.next() < 0.5 ? -1 : 1.5) : sheetGarbage(rng);
        rows[at] = row;
      }
    }
  }
  const out = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(out, XLSX.utils.aoa_to_sheet(rows), name.slice(0, 31) || 'Sheet1');
  return new Uint8Array(XLSX.write(out, { type: 'buffer', bookType }) as Buffer);
}

/** A .docx with its document.xml mutated: table rows duplicated or dropped, garbage text, tags cut. */
export async function mutateDocx(bytes: Uint8Array, rng: Rng): Promise<Uint8Array> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return smashBytes(bytes, rng); // already broken by an earlier mutation: break it some more
  }
  const entry = zip.file('word/document.xml');
  if (entry === null) return bytes;
  let xml = await entry.async('string');
  const rounds = 1 + rng.int(4);
  for (let r = 0; r < rounds; r++) {
    const rows = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)];
    const row = rows.length === 0 ? undefined : rng.pick(rows);
    switch (rng.int(5)) {
      case 0:
        if (row !== undefined) {
          const copies = row[0].repeat(1 + rng.int(5));
          xml = xml.slice(0, row.index) + copies + xml.slice(row.index);
        }
        break;
      case 1:
        if (row !== undefined) xml = xml.slice(0, row.index) + xml.slice(row.index + row[0].length);
        break;
      case 2: {
        const texts = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)];
        const text = texts.length === 0 ? undefined : rng.pick(texts);
        if (text !== undefined) {
          const garbage = rng.pick(GARBAGE_CELLS).replace(/&/g, '&amp;').replace(/</g, '&lt;');
          xml = xml.slice(0, text.index) + `<w:t>${garbage}</w:t>` + xml.slice(text.index + text[0].length);
        }
        break;
      }
      case 3: {
        const at = rng.int(xml.length);
        xml = xml.slice(0, at) + xml.slice(at + 1 + rng.int(40));
        break;
      }
      default:
        xml = xml.replace(
          /<w:gridSpan w:val="\d+"\/>/,
          `<w:gridSpan w:val="${String(rng.int(1000) - 10)}"/>`,
        );
    }
  }
  zip.file('word/document.xml', xml);
  return zip.generateAsync({ type: 'uint8array' });
}

/** A hang: the case did not finish within the limit. */
export class FuzzHang extends Error {
  override readonly name = 'FuzzHang';
}

/** Run one case, failing it as a hang if it has not settled within `limitMs`. */
export async function withinTimeLimit<T>(
  label: string,
  work: () => Promise<T>,
  limitMs = CASE_TIME_LIMIT_MS,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new FuzzHang(`${label}: no answer within ${String(limitMs)} ms (a hang)`));
    }, limitMs);
  });
  try {
    return await Promise.race([work(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export interface HangWatchdog {
  /** A case starts: if the process is still inside it `limitMs` from now, the watchdog kills it. */
  enter(label: string, limitMs?: number): void;
  leave(): void;
  stop(): Promise<void>;
}

const WATCHDOG_SOURCE = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
let current = null;
parentPort.on('message', (m) => { current = m; });
setInterval(() => {
  if (current !== null && Date.now() > current.deadline) {
    fs.writeSync(2, '\\nFUZZ HANG: ' + current.label + ' blocked the process for more than ' + current.limit + ' ms; killing it\\n');
    process.kill(process.pid, 'SIGKILL');
  }
}, 250);
`;

/**
 * A watchdog thread for synchronous hangs (an endless loop in a parser blocks the event loop, so no timer of the
 * test fires): it runs beside the blocked thread and kills the test process with SIGKILL, printing the case, when
 * a case outlives twice the case limit. vitest then reports the file as failed.
 */
export function startHangWatchdog(): HangWatchdog {
  const worker = new Worker(WATCHDOG_SOURCE, { eval: true });
  worker.unref();
  return {
    enter: (label, limitMs = CASE_TIME_LIMIT_MS * 2) => {
      worker.postMessage({ label, limit: limitMs, deadline: Date.now() + limitMs });
    },
    leave: () => {
      worker.postMessage(null);
    },
    stop: async () => {
      await worker.terminate();
    },
  };
}

/** Random bytes that start like a zip, an OLE compound file, or nothing in particular. */
export const MAGIC_PREFIXES: readonly Uint8Array[] = [
  new Uint8Array([]),
  new Uint8Array([0x50, 0x4b, 0x03, 0x04]),
  new Uint8Array([0x50, 0x4b, 0x05, 0x06]),
  new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
  new Uint8Array([0xef, 0xbb, 0xbf]),
  Buffer.from('<html><table><tr><td>'),
];
