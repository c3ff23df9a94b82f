import { DEFAULT_CALENDAR } from './calendar-data';
import type { CalendarData, CalendarDay } from './calendar-data';

export interface CalendarOptions {
  /** GB/T 2260 code of the region whose calendar applies (e.g. `640106`); national if absent. */
  readonly region?: string;
  /** Administrators' entries, merged over the shipped defaults. */
  readonly data?: CalendarData;
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
  readonly years: ReadonlySet<number>;
}

const cache = new WeakMap<CalendarData, Calendar>();

function build(overrides: CalendarData | undefined): Calendar {
  const key = overrides ?? DEFAULT_CALENDAR;
  const cached = cache.get(key);
  if (cached) return cached;
  const byDate = new Map<string, Map<string, CalendarDay>>();
  const years = new Set<number>();
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
    // A year counts as covered once its national notice is in the data.
    if (!prefix) years.add(Number(entry.date.slice(0, 4)));
  }
  const calendar = { byDate, years };
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

function requireYear(calendar: Calendar, day: number): void {
  const year = new Date(day * DAY_MS).getUTCFullYear();
  if (!calendar.years.has(year)) {
    const covered = [...calendar.years].sort((a, b) => a - b);
    throw new CalendarError(
      `the working-day calendar has no data for ${year} (it covers ${describeYears(covered)}): ` +
        `add ${year}'s national holidays and adjusted working days (调休) from the State Council ` +
        `notice 国务院办公厅关于${year}年部分节假日安排的通知 as calendar entries ` +
        `{ date, kind: 'holiday' | 'workday', name }, plus any regional closures with a regionPrefix`,
    );
  }
}

function describeYears(years: readonly number[]): string {
  if (!years.length) return 'no year';
  const contiguous = years.every((y, i) => i === 0 || y === years[i - 1] + 1);
  return contiguous && years.length > 1
    ? `${years[0]}–${years[years.length - 1]}`
    : years.join(', ');
}

function working(calendar: Calendar, day: number, region: string | undefined): boolean {
  requireYear(calendar, day);
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
 * it is a working day). `n` must be a whole number ≥ 1.
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

/** Years whose national calendar is in the data (defaults merged with `data`), ascending. */
export function calendarYearsCovered(data?: CalendarData): number[] {
  return [...build(data).years].sort((a, b) => a - b);
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
    requireYear(calendar, day);
    const entry = entryFor(calendar, fromDayNumber(day), options.region);
    if (entry) out.push({ ...entry, weekday: new Date(day * DAY_MS).getUTCDay() });
  }
  return out;
}
