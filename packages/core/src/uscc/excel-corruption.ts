import { checkRegistrationNumber } from './registration-number.ts';
import { checkUscc } from './check-uscc.ts';

/**
 * How a code was damaged by a spreadsheet that stored it as a number. Excel keeps 15 significant
 * digits (IEEE 754 doubles hold 15–17), so an all-digit 18-character USCC stored as a number loses
 * its last three digits for good: they read back as zeros, or as the exact decimal value of a double,
 * or the cell shows scientific notation (e.g. `9.1469E+17`). A number read back as a float may also
 * carry a `.0` suffix.
 */
export type ExcelCorruption =
  | {
      /** e.g. `9.1469E+17`, `9.14690062012665e+17`: the digits are gone. */
      readonly kind: 'scientific-notation';
      readonly raw: string;
    }
  | {
      /** 18 digits that fail the USCC check and look like a double: ≥ 3 trailing zeros, or an exact double value. */
      readonly kind: 'digits-lost';
      readonly raw: string;
      readonly trailingZeros: number;
    }
  | {
      /** 15–18 digits followed by `.0`: read back as a float. `intact` when ≤ 15 digits (no precision lost). */
      readonly kind: 'float-suffix';
      readonly raw: string;
      readonly digits: string;
      readonly intact: boolean;
    };

/** Matches a value in scientific notation, with a digit-led mantissa (letters tolerated: typed junk). */
const SCIENTIFIC = /^[0-9](?:\.[0-9A-Z]*)?E[+]?[0-9]{1,3}$/;
const FLOAT_SUFFIX = /^([0-9]{15,18})\.0+$/;

/**
 * Detects an identification code (USCC or 注册号) that a spreadsheet corrupted by storing it as a
 * number (DOMAIN.md §8: "an importer must catch that, not accept it"). Returns `null` for anything
 * else, in particular for every valid USCC and every valid 15-digit 注册号. Surrounding white space
 * is ignored; letters are compared upper-cased.
 */
export function detectExcelCorruption(raw: string): ExcelCorruption | null {
  const s = raw.trim().toUpperCase();
  if (SCIENTIFIC.test(s)) return { kind: 'scientific-notation', raw };

  const float = FLOAT_SUFFIX.exec(s);
  if (float !== null) {
    const digits = float[1] ?? '';
    return { kind: 'float-suffix', raw, digits, intact: digits.length <= 15 };
  }

  if (/^[0-9]{18}$/.test(s) && !checkUscc(s).ok) {
    const trailingZeros = (/0*$/.exec(s)?.[0] ?? '').length;
    if (trailingZeros >= 3 || isExactDouble(s)) return { kind: 'digits-lost', raw, trailingZeros };
  }
  return null;
}

/** Whether a string of decimal digits is exactly the value of some IEEE 754 double. */
function isExactDouble(digits: string): boolean {
  const n = Number(digits);
  return Number.isFinite(n) && BigInt(n) === BigInt(digits);
}

/** A short English phrase describing a corruption (for CLI output and import reports). */
export function describeExcelCorruption(c: ExcelCorruption): string {
  switch (c.kind) {
    case 'scientific-notation':
      return 'stored as a number by a spreadsheet (scientific notation): digits lost';
    case 'digits-lost':
      return `stored as a number by a spreadsheet: digits beyond the 15th lost (${c.trailingZeros} trailing zeros)`;
    case 'float-suffix':
      return c.intact
        ? `stored as a number by a spreadsheet (".0" suffix); digits ${c.digits} are intact${checkRegistrationNumber(c.digits).ok ? ' and form a valid registration number' : ''}`
        : 'stored as a number by a spreadsheet (".0" suffix): digits beyond the 15th lost';
  }
}
