export {
  DEFAULT_CALENDAR,
  NATIONAL_CALENDAR,
  PACKAGE_NOTICE_YEARS,
  REGIONAL_CALENDAR,
} from './lib/calendar-data';
export type { CalendarData, CalendarDay } from './lib/calendar-data';
export {
  CalendarError,
  addWorkingDays,
  calendarDaysBetween,
  calendarYearsCovered,
  hasNationalNotice,
  isWorkingDay,
  packageNoticeYears,
  provisionalYearsBetween,
  workingDaysBetween,
  workingDeadline,
} from './lib/working-calendar';
export type { CalendarOptions, CrossedDay, WorkingDeadline } from './lib/working-calendar';
