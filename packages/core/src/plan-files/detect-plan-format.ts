/**
 * Which reader a plan file needs, by its bytes (the name only breaks ties): a zip is .xlsx or .docx by its
 * entries, an OLE compound file is a legacy .xls, valid UTF-8 or GB18030 text is the flattened notice.
 */

export type PlanFileFormat = 'text' | 'xlsx' | 'xls' | 'docx';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** Whether `needle` occurs in `bytes` (ASCII, or UTF-16LE when `wide`). */
function containsText(bytes: Uint8Array, needle: string, wide = false): boolean {
  const pattern: number[] = [];
  for (const ch of needle) {
    pattern.push(ch.charCodeAt(0));
    if (wide) pattern.push(0);
  }
  const first = pattern[0];
  outer: for (let i = bytes.indexOf(first ?? 0); i >= 0; i = bytes.indexOf(first ?? 0, i + 1)) {
    if (i + pattern.length > bytes.length) return false;
    for (let j = 1; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** Text with no control characters other than tab, line breaks and form feed. */
function isPlainText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const allowed = code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;
    if ((code < 0x20 && !allowed) || code === 0x7f) return false;
  }
  return true;
}

/**
 * Decodes text as UTF-8, or else GB18030 (Node ships the full ICU, so `TextDecoder('gb18030')` is available);
 * null when it is neither, or holds control characters (a binary file).
 */
export function decodePlanText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gb18030' } | null {
  for (const encoding of ['utf-8', 'gb18030'] as const) {
    try {
      const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
      if (isPlainText(text)) return { text, encoding };
      return null;
    } catch {
      // not this encoding (or the runtime lacks it): try the next one
    }
  }
  return null;
}

export function detectPlanFormat(bytes: Uint8Array, fileName: string): PlanFileFormat | null {
  const extension = extensionOf(fileName);
  if (startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP)) {
    if (containsText(bytes, 'word/document.xml')) return 'docx';
    if (containsText(bytes, 'xl/workbook.xml') || containsText(bytes, 'xl/worksheets/')) return 'xlsx';
    if (extension === 'docx') return 'docx';
    if (extension === 'xlsx' || extension === 'xlsm') return 'xlsx';
    return null;
  }
  if (startsWith(bytes, OLE)) {
    if (['doc', 'ppt', 'msg', 'wps'].includes(extension)) return null;
    if (containsText(bytes, 'WordDocument', true) || containsText(bytes, 'PowerPoint Document', true)) {
      return null;
    }
    return 'xls';
  }
  if (bytes.length === 0) return null;
  return decodePlanText(bytes) === null ? null : 'text';
}
