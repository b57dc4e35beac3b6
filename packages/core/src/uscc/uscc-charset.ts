/**
 * The USCC character set (统一社会信用代码字符集), GB 32100-2015 §4.2 / DOMAIN.md §2:
 * digits and upper-case Latin letters except I, O, S, V, Z — 31 characters whose index is their value.
 */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Value of one USCC character (0–30), or -1 when the character is not in the charset. */
export function valueOfUsccChar(char: string): number {
  return char.length === 1 ? USCC_CHARSET.indexOf(char) : -1;
}

/**
 * Weights of positions 1–17 for the USCC check character, GB 32100-2015 §5:
 * W_i = 3^(i−1) mod 31.
 */
export const USCC_WEIGHTS: readonly number[] = [
  1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];
