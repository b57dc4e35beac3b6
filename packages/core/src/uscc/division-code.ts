/**
 * Province-level prefixes of GB/T 2260 administrative division codes (行政区划代码), plus 10 for
 * registrations made at national level (division code 100000, e.g. companies registered by SAMR).
 */
const PROVINCE_PREFIXES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71', '81', '82',
]); // prettier-ignore

/**
 * Whether a 6-character string is a plausible GB/T 2260 division code, as used in USCC characters 3–8
 * (登记管理机关行政区划码, GB 32100-2015 §4.1) and 注册号 digits 1–6: six digits whose first two are a
 * province-level code, or 100000 (national level). Plausible, not authoritative: codes are retired and
 * created over the years, and a USCC keeps the code that was valid when it was issued.
 */
export function isPlausibleDivisionCode(code: string): boolean {
  if (!/^[0-9]{6}$/.test(code)) return false;
  if (code === '100000') return true;
  return PROVINCE_PREFIXES.has(code.slice(0, 2));
}
