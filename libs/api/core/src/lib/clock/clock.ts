import { beijingDate } from '@efficacy/api-contract';

/** "Now", injected, so that deadlines and reminders are tested on any date. */
export interface Clock {
  now(): Date;
}

/**
 * The business clock: what "today" is for deadlines, reminders, targets and bulletins
 * (a Beijing date, `beijingToday`). Tests set it; `EFFICACY_CLOCK_START` starts it at a
 * given instant for a whole process.
 */
export const CLOCK = Symbol('CLOCK');

/**
 * The machine's own clock, for times another machine set: the expiry of Keycloak's tokens.
 * Never the business clock, so moving "today" in a test or a demo leaves sign-in alone.
 */
export const WALL_CLOCK = Symbol('WALL_CLOCK');

export const SYSTEM_CLOCK: Clock = { now: () => new Date() };

/** A clock that starts at `start` and runs at the machine's pace from the moment it is made. */
export function clockStartingAt(start: Date, wall: Clock = SYSTEM_CLOCK): Clock {
  const offset = start.getTime() - wall.now().getTime();
  return { now: () => new Date(wall.now().getTime() + offset) };
}

/** Today in Beijing (Asia/Shanghai) on a clock, YYYY-MM-DD, whatever the server's TZ. */
export function beijingToday(clock: Clock): string {
  return beijingDate(clock.now());
}
