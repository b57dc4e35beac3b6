export {
  civilFromDayNumber,
  countDaysInMonth,
  dayNumberFromCivil,
  formatIsoDate,
  isLeapYear,
  isWeekend,
  parseIsoDate,
  toDayNumber,
  weekdayOfDayNumber,
  yearOfDayNumber,
} from './civil-date.ts';
export type { CivilDate } from './civil-date.ts';
export { listOfficialScheduleEntries, listOfficialScheduleYears } from './official-schedule.ts';
export type { CalendarEntry } from './official-schedule.ts';
export { PUBLICATION_WORKING_DAYS, computePublicationDeadline } from './publication-deadline.ts';
export {
  describeDay,
  isScheduleKnown,
  isWorkingDay,
  isWorkingDayNumber,
  makeWorkCalendar,
} from './work-calendar.ts';
export type { DayStatus, WorkCalendar, WorkCalendarOptions, WorkCalendarProblem } from './work-calendar.ts';
export { addWorkingDays, countWorkingDaysBetween } from './working-days.ts';
export type { WorkingDayResult } from './working-days.ts';
