import {
  CLOCK_RUNNING,
  reminderLevel,
  type ReminderLevel,
  type ReminderPolicy,
  type TaskState,
} from '@efficacy/api-contract';
import { workingDaysBetween, type CalendarOptions } from '@efficacy/working-calendar';

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
}

/** Deadlines are dates in China (UTC+8), whatever the server's zone. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

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
    };
  const running = CLOCK_RUNNING.includes(state);
  const stop = running
    ? now
    : ([...events].reverse().find((e) => e.toState === 'submitted' || e.toState === state)?.at ??
      now);
  const start = chinaDate(assigned.at);
  const end = chinaDate(stop);
  try {
    const elapsed = workingDaysBetween(start, end, calendar);
    const remaining = workingDaysBetween(end, deadline, calendar);
    return {
      elapsedWorkingDays: elapsed,
      remainingWorkingDays: running ? remaining : null,
      overdueWorkingDays: Math.max(0, -remaining),
      reminder: running ? reminderLevel(remaining, policy) : 'none',
    };
  } catch {
    // A year the calendar does not cover yet: no figure rather than a wrong one.
    return {
      elapsedWorkingDays: null,
      remainingWorkingDays: null,
      overdueWorkingDays: 0,
      reminder: 'none',
    };
  }
}

/**
 * The calendar region of a registry code: generated codes of townships without an official
 * one (`510403-geliping`) keep their county's calendar.
 */
export function calendarRegion(code: string): string | undefined {
  return /^\d{2,12}/.exec(code)?.[0];
}
