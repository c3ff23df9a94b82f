import { DEFAULT_CALENDAR, PACKAGE_NOTICE_YEARS } from './calendar-data';
import type { CalendarData, CalendarDay } from './calendar-data';

export interface CalendarOptions {
  /** GB/T 2260 code of the region whose calendar applies (e.g. `640106`); national if absent. */
  readonly region?: string;
  /** Loaded notices' days and administrators' entries, merged over the shipped defaults. */
  readonly data?: CalendarData;
  /**
   * Years whose national notice was loaded by an administrator, beyond the years the
   * `chinese-days` package carries. Any other year is provisional: counted on weekdays.
   */
  readonly noticeYears?: readonly number[];
}

/** A due date, and whether it rests on a year whose national notice is not in yet. */
export interface WorkingDeadline {
  readonly due: string;
  /** True when a counted day lies in a year without its national notice (weekdays only). */
  readonly provisional: boolean;
  /** Those years, ascending; empty when the deadline is final. */
  readonly provisionalYears: readonly number[];
}

/** A date or calendar problem, worded for the person who has to fix it. */
export class CalendarError extends Error {
  override readonly name = 'CalendarError';
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a valid `YYYY-MM-DD`, or a `CalendarError` naming the input. */
function toDayNumber(date: string): number {
  const match = typeof date === 'string' ? ISO_DATE.exec(date) : null;
  const time = match ? Date.UTC(+match[1], +match[2] - 1, +match[3]) : NaN;
  if (!match || new Date(time).toISOString().slice(0, 10) !== date) {
    throw new CalendarError(
      `${JSON.stringify(date)} is not a date: expected YYYY-MM-DD, e.g. 2022-09-30`,
    );
  }
  return time / DAY_MS;
}

function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function isWeekend(day: number): boolean {
  const weekday = new Date(day * DAY_MS).getUTCDay();
  return weekday === 0 || weekday === 6;
}

interface Calendar {
  /** Entries per date: national under `''`, regional under their prefix. */
  readonly byDate: ReadonlyMap<string, ReadonlyMap<string, CalendarDay>>;
}

const PACKAGE_YEARS: ReadonlySet<number> = new Set(PACKAGE_NOTICE_YEARS);

const cache = new WeakMap<CalendarData, Calendar>();

function build(overrides: CalendarData | undefined): Calendar {
  const key = overrides ?? DEFAULT_CALENDAR;
  const cached = cache.get(key);
  if (cached) return cached;
  const byDate = new Map<string, Map<string, CalendarDay>>();
  for (const entry of [...DEFAULT_CALENDAR, ...(overrides ?? [])]) {
    toDayNumber(entry.date);
    if (entry.kind !== 'holiday' && entry.kind !== 'workday') {
      throw new CalendarError(
        `calendar entry for ${entry.date} has kind ${JSON.stringify(entry.kind)}: expected 'holiday' or 'workday'`,
      );
    }
    const prefix = entry.regionPrefix ?? '';
    let forDate = byDate.get(entry.date);
    if (!forDate) byDate.set(entry.date, (forDate = new Map()));
    forDate.set(prefix, entry);
  }
  const calendar = { byDate };
  cache.set(key, calendar);
  return calendar;
}

/** The entry that decides `date` for `region`: the longest matching regional prefix, else national. */
function entryFor(
  calendar: Calendar,
  date: string,
  region: string | undefined,
): CalendarDay | undefined {
  const forDate = calendar.byDate.get(date);
  if (!forDate) return undefined;
  let best: CalendarDay | undefined;
  for (const [prefix, entry] of forDate) {
    if (prefix && region?.startsWith(prefix) && prefix.length > (best?.regionPrefix?.length ?? 0)) {
      best = entry;
    }
  }
  return best ?? forDate.get('');
}

/** Whether `year`'s national notice is in the package or was loaded. */
function hasNotice(year: number, noticeYears: readonly number[] | undefined): boolean {
  return PACKAGE_YEARS.has(year) || (noticeYears?.includes(year) ?? false);
}

function yearOf(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** Years of the days in `(low, high]` without a national notice, ascending. */
function missingYears(low: number, high: number, noticeYears?: readonly number[]): number[] {
  if (high <= low) return [];
  const out: number[] = [];
  for (let year = yearOf(low + 1); year <= yearOf(high); year += 1)
    if (!hasNotice(year, noticeYears)) out.push(year);
  return out;
}

/**
 * A day with an entry is what the entry says; any other day is worked Monday to Friday. In a
 * year without its notice that is the provisional rule: weekdays plus the days entered.
 */
function working(calendar: Calendar, day: number, region: string | undefined): boolean {
  const entry = entryFor(calendar, fromDayNumber(day), region);
  if (entry) return entry.kind === 'workday';
  return !isWeekend(day);
}

function checkRegion(region: string | undefined): void {
  if (region !== undefined && !/^\d{2,12}$/.test(region)) {
    throw new CalendarError(
      `${JSON.stringify(region)} is not a region code: expected GB/T 2260 digits, e.g. 640106`,
    );
  }
}

/** Whether offices work on `date` (YYYY-MM-DD) in the given region. */
export function isWorkingDay(date: string, options: CalendarOptions = {}): boolean {
  checkRegion(options.region);
  return working(build(options.data), toDayNumber(date), options.region);
}

/**
 * The `n`th working day after `start` (the start day itself never counts, whether or not
 * it is a working day). `n` must be a whole number ≥ 1. In a year without its national
 * notice the count runs on weekdays; `workingDeadline` says whether that happened.
 */
export function addWorkingDays(start: string, n: number, options: CalendarOptions = {}): string {
  checkRegion(options.region);
  if (!Number.isInteger(n) || n < 1) {
    throw new CalendarError(`working days must be a whole number of at least 1, got ${n}`);
  }
  const calendar = build(options.data);
  let day = toDayNumber(start);
  for (let counted = 0; counted < n; ) {
    day += 1;
    if (working(calendar, day, options.region)) counted += 1;
  }
  return fromDayNumber(day);
}

/**
 * Working days elapsed from `from` to `to`: the working days `d` with `from < d ≤ to`.
 * Negative when `to` is before `from` (e.g. remaining time past a deadline: overdue).
 * `workingDaysBetween(s, addWorkingDays(s, n)) === n`.
 */
export function workingDaysBetween(
  from: string,
  to: string,
  options: CalendarOptions = {},
): number {
  checkRegion(options.region);
  const calendar = build(options.data);
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  const [low, high, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  let count = 0;
  for (let day = low + 1; day <= high; day += 1) {
    if (working(calendar, day, options.region)) count += 1;
  }
  return sign * count;
}

/**
 * The `n`th working day after `start`, and whether it is provisional: counted across a year
 * whose national notice is neither in the package nor loaded (`options.noticeYears`).
 */
export function workingDeadline(
  start: string,
  n: number,
  options: CalendarOptions = {},
): WorkingDeadline {
  const due = addWorkingDays(start, n, options);
  const years = missingYears(toDayNumber(start), toDayNumber(due), options.noticeYears);
  return { due, provisional: years.length > 0, provisionalYears: years };
}

/**
 * The years without a national notice among the days in `(from, to]` (either order): a count
 * of working days over them is provisional.
 */
export function provisionalYearsBetween(
  from: string,
  to: string,
  options: Pick<CalendarOptions, 'noticeYears'> = {},
): number[] {
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  return a <= b ? missingYears(a, b, options.noticeYears) : missingYears(b, a, options.noticeYears);
}

/** Whether `year`'s national notice is in the package or among `options.noticeYears`. */
export function hasNationalNotice(
  year: number,
  options: Pick<CalendarOptions, 'noticeYears'> = {},
): boolean {
  return hasNotice(year, options.noticeYears);
}

/** Years whose national notice is in the package or was loaded (`noticeYears`), ascending. */
export function calendarYearsCovered(options: Pick<CalendarOptions, 'noticeYears'> = {}): number[] {
  return [...new Set([...PACKAGE_NOTICE_YEARS, ...(options.noticeYears ?? [])])].sort(
    (a, b) => a - b,
  );
}

/** The years the `chinese-days` package carries national notices for, ascending. */
export function packageNoticeYears(): number[] {
  return [...PACKAGE_NOTICE_YEARS];
}

/** A calendar entry that applied to a day within a range, with that day's weekday. */
export interface CrossedDay extends CalendarDay {
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekday: number;
}

/**
 * The holidays and adjusted working days that applied in `(from, to]` for the region:
 * what a deadline crossed, for explaining it.
 */
export function calendarDaysBetween(
  from: string,
  to: string,
  options: CalendarOptions = {},
): CrossedDay[] {
  checkRegion(options.region);
  const calendar = build(options.data);
  const out: CrossedDay[] = [];
  const end = toDayNumber(to);
  for (let day = toDayNumber(from) + 1; day <= end; day += 1) {
    const entry = entryFor(calendar, fromDayNumber(day), options.region);
    if (entry) out.push({ ...entry, weekday: new Date(day * DAY_MS).getUTCDay() });
  }
  return out;
}
