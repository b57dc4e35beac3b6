/**
 * An incremental CSV parser (RFC 4180): fields separated by commas, records by CRLF or LF (a lone CR too), fields
 * quoted with `"` may hold separators and line breaks, `""` inside quotes is one quote. Text goes in as decoded
 * chunks of any size; complete records come out, so a file of a million rows never has to be held in memory.
 */

export interface CsvRecord {
  /** 1-based record number: the row a spreadsheet shows when it opens the file. */
  readonly row: number;
  readonly cells: readonly string[];
}

export interface CsvParser {
  /** Feeds the next chunk of text; returns the records it completed. */
  push(chunk: string): CsvRecord[];
  /** Ends the input; returns the last record if the text did not end with a line break. */
  end(): CsvRecord[];
  /** True when the input ended inside a quoted field (a missing closing quote). */
  readonly unterminatedQuote: boolean;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** Creates a parser. A leading byte-order mark is dropped. `separator` (one character) defaults to a comma. */
export function createCsvParser(separator = ','): CsvParser {
  const sep = separator.charCodeAt(0);
  let field = '';
  let cells: string[] = [];
  let inQuotes = false;
  let quotePending = false; // saw `"` inside quotes: either the closing quote or the first of `""`
  let afterCr = false;
  let row = 0;
  let started = false;
  let fieldStarted = false;
  let unterminated = false;

  const finishRecord = (out: CsvRecord[]): void => {
    cells.push(field);
    row += 1;
    out.push({ row, cells });
    cells = [];
    field = '';
    fieldStarted = false;
  };

  return {
    push(chunk: string): CsvRecord[] {
      const out: CsvRecord[] = [];
      let text = chunk;
      if (!started && text.length > 0) {
        started = true;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      let i = 0;
      const n = text.length;
      while (i < n) {
        if (inQuotes) {
          if (quotePending) {
            quotePending = false;
            if (text.charCodeAt(i) === QUOTE) {
              field += '"';
              i += 1;
              continue;
            }
            inQuotes = false;
            continue; // re-read this character outside quotes
          }
          const q = text.indexOf('"', i);
          if (q < 0) {
            field += text.slice(i);
            i = n;
          } else {
            field += text.slice(i, q);
            quotePending = true;
            i = q + 1;
          }
          continue;
        }
        const c = text.charCodeAt(i);
        if (afterCr) {
          afterCr = false;
          if (c === LF) {
            i += 1;
            continue;
          }
        }
        if (c === QUOTE && !fieldStarted) {
          inQuotes = true;
          fieldStarted = true;
          i += 1;
        } else if (c === sep) {
          cells.push(field);
          field = '';
          fieldStarted = false;
          i += 1;
        } else if (c === LF || c === CR) {
          finishRecord(out);
          afterCr = c === CR;
          i += 1;
        } else {
          // A plain run up to the next separator or line break (a quote inside an unquoted field is text).
          let j = i + 1;
          while (j < n) {
            const d = text.charCodeAt(j);
            if (d === sep || d === LF || d === CR) break;
            j += 1;
          }
          field = fieldStarted ? field + text.slice(i, j) : text.slice(i, j);
          fieldStarted = true;
          i = j;
        }
      }
      return out;
    },
    end(): CsvRecord[] {
      const out: CsvRecord[] = [];
      if (inQuotes && !quotePending) unterminated = true;
      inQuotes = false;
      quotePending = false;
      if (field !== '' || cells.length > 0 || fieldStarted) finishRecord(out);
      return out;
    },
    get unterminatedQuote(): boolean {
      return unterminated;
    },
  };
}
