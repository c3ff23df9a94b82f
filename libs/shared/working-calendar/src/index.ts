export { DEFAULT_CALENDAR, NATIONAL_CALENDAR, REGIONAL_CALENDAR } from './lib/calendar-data';
export type { CalendarData, CalendarDay } from './lib/calendar-data';
export {
  CalendarError,
  addWorkingDays,
  calendarDaysBetween,
  calendarYearsCovered,
  isWorkingDay,
  workingDaysBetween,
} from './lib/working-calendar';
export type { CalendarOptions, CrossedDay } from './lib/working-calendar';
