import {
  CLOCK_RUNNING,
  beijingDate,
  reminderLevel,
  type ReminderLevel,
  type ReminderPolicy,
  type TaskState,
} from '@efficacy/api-contract';
import {
  provisionalYearsBetween,
  workingDaysBetween,
  type CalendarOptions,
} from '@efficacy/working-calendar';

/** The events that start and stop a task's clock. */
export interface ClockEvent {
  readonly at: Date;
  readonly toState: TaskState | null;
}

export interface TaskClock {
  readonly elapsedWorkingDays: number | null;
  readonly remainingWorkingDays: number | null;
  readonly overdueWorkingDays: number;
  readonly reminder: ReminderLevel;
  /** The counts ran across a year without its national notice (weekdays only). */
  readonly clockProvisional: boolean;
}

/** Deadlines are Beijing dates (Asia/Shanghai), whatever the server's zone. */
export const chinaDate = beijingDate;

/**
 * Elapsed, remaining and overdue working days from the event history: the clock starts at the
 * first assignment and stops at the last submission while the task waits for sign-off or
 * verification (a return starts it again); closing or cancelling stops it for good.
 */
export function taskClock(
  state: TaskState,
  deadline: string,
  events: readonly ClockEvent[],
  now: Date,
  calendar: CalendarOptions,
  policy: ReminderPolicy,
): TaskClock {
  const assigned = events.find((e) => e.toState === 'assigned');
  if (!assigned || state === 'draft')
    return {
      elapsedWorkingDays: null,
      remainingWorkingDays: null,
      overdueWorkingDays: 0,
      reminder: 'none',
      clockProvisional: false,
    };
  const running = CLOCK_RUNNING.includes(state);
  const stop = running
    ? now
    : ([...events].reverse().find((e) => e.toState === 'submitted' || e.toState === state)?.at ??
      now);
  const start = chinaDate(assigned.at);
  const end = chinaDate(stop);
  // Any year counts: one without its notice on weekdays, and the figures say so.
  const elapsed = workingDaysBetween(start, end, calendar);
  const remaining = workingDaysBetween(end, deadline, calendar);
  const provisional =
    provisionalYearsBetween(start, end, calendar).length > 0 ||
    provisionalYearsBetween(end, deadline, calendar).length > 0;
  return {
    elapsedWorkingDays: elapsed,
    remainingWorkingDays: running ? remaining : null,
    overdueWorkingDays: Math.max(0, -remaining),
    reminder: running ? reminderLevel(remaining, policy) : 'none',
    clockProvisional: provisional,
  };
}

/**
 * The calendar region of a registry code: a generated village code (`510403100000-jinlin`)
 * keeps its township's, whose code starts with the county's prefix (calendars match by prefix).
 */
export function calendarRegion(code: string): string | undefined {
  return /^\d{2,12}/.exec(code)?.[0];
}
