/** The year asked for in the address when the list has it, else the latest year; null for an empty list. */
export function pickYear(years: readonly number[], asked: string | null): number | null {
  const wanted = asked === null ? NaN : Number(asked);
  if (years.includes(wanted)) return wanted;
  return years.length === 0 ? null : Math.max(...years);
}
