import { countDaysInMonth, dayNumberFromCivil, formatIsoDate } from '../calendar/civil-date.ts';
import { err, ok } from '../result.ts';
import type { Result } from '../result.ts';

/** Day number of 1899-12-30: Excel serial 1 is 1900-01-01 once Excel's phantom 1900-02-29 (serial 60) is skipped. */
const EXCEL_EPOCH = dayNumberFromCivil(1899, 12, 30);
/** Serials from 1900-03-01 (61) to 9999-12-31; earlier ones predate any register. */
const MIN_SERIAL = 61;
const MAX_SERIAL = 2958465;
const ISO_DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

function formatCivil(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  if (day > countDaysInMonth(year, month)) return null;
  return formatIsoDate(dayNumberFromCivil(year, month, day));
}

/**
 * Reads a date cell as a spreadsheet or a clerk writes it, giving `YYYY-MM-DD`: an Excel serial number (1900 date
 * system; the time of day is dropped), `20140530`, `2014-05-30`, `2014/5/30`, `2014.5.30`, `2014年5月30日`, each
 * optionally followed by a time. Full-width digits are accepted. Err with the text when it is no date.
 */
export function parseCellDate(raw: string): Result<string, string> {
  if (raw.length === 10 && ISO_DATE.test(raw)) {
    // The common case, read without normalising: YYYY-MM-DD as exports write it (already in the output form).
    const year = Number(raw.slice(0, 4));
    const month = Number(raw.slice(5, 7));
    const day = Number(raw.slice(8, 10));
    const valid = year >= 1900 && year <= 2200 && month >= 1 && month <= 12 && day >= 1;
    return valid && day <= countDaysInMonth(year, month) ? ok(raw) : err(raw);
  }
  const text = raw.normalize('NFKC').trim();
  if (/^[0-9]{8}$/.test(text)) {
    const d = formatCivil(Number(text.slice(0, 4)), Number(text.slice(4, 6)), Number(text.slice(6, 8)));
    return d === null ? err(text) : ok(d);
  }
  if (/^[0-9]+(\.[0-9]+)?$/.test(text)) {
    const serial = Math.floor(Number(text));
    if (serial < MIN_SERIAL || serial > MAX_SERIAL) return err(text);
    return ok(formatIsoDate(EXCEL_EPOCH + serial));
  }
  const m =
    /^([0-9]{4})\s*[-/.年]\s*([0-9]{1,2})\s*[-/.月]\s*([0-9]{1,2})\s*日?(?:[\sT]+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?Z?)?$/.exec(
      text,
    );
  if (m === null) return err(text);
  const d = formatCivil(Number(m[1]), Number(m[2]), Number(m[3]));
  return d === null ? err(text) : ok(d);
}
