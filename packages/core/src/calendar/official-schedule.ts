import schedule from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

/**
 * One entry of a holiday schedule: a day whose status differs from the plain weekday/weekend rule
 * or is a named holiday — `holiday` (放假, including weekend days inside a holiday block) or
 * `workday` (调休上班, a weekend day that is a working day).
 */
export type CalendarEntry = {
  readonly date: string;
  readonly kind: 'workday' | 'holiday';
  readonly name?: string;
};

type PackageSchedule = {
  readonly holidays: Readonly<Record<string, string>>;
  readonly workdays: Readonly<Record<string, string>>;
};

/** The Chinese name in a package value such as `"Spring Festival,春节,4"`. */
function pickChineseName(value: string): string {
  return value.split(',')[1] ?? value;
}

/**
 * The State Council's published holiday schedules (国务院办公厅关于部分节假日安排的通知), as shipped
 * by the npm package `chinese-days` (years 2004 onwards). Read once at module load; pure data.
 */
export function listOfficialScheduleEntries(): CalendarEntry[] {
  const data: PackageSchedule = schedule;
  const entries: CalendarEntry[] = [];
  for (const [date, value] of Object.entries(data.holidays)) {
    entries.push({ date, kind: 'holiday', name: pickChineseName(value) });
  }
  for (const [date, value] of Object.entries(data.workdays)) {
    entries.push({ date, kind: 'workday', name: pickChineseName(value) });
  }
  return entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * Years for which the package ships a complete official schedule: a year counts only when it has both
 * its Spring Festival (春节) and National Day (国庆节) holidays, so a year that merely holds a spill-over
 * entry from a neighbouring year's notice (e.g. 元旦 on 12-31) is not taken as known.
 */
export function listOfficialScheduleYears(): number[] {
  const spring = new Set<number>();
  const national = new Set<number>();
  for (const e of listOfficialScheduleEntries()) {
    if (e.kind !== 'holiday') continue;
    const year = Number(e.date.slice(0, 4));
    if (e.name === '春节') spring.add(year);
    if (e.name === '国庆节') national.add(year);
  }
  return [...spring].filter((y) => national.has(y)).sort((a, b) => a - b);
}
