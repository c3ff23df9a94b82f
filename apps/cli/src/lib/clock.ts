import { beijingDate, beijingYear } from '@efficacy/api-contract';

/** "Now" for the command line: the machine's, or from `EFFICACY_CLOCK_START` on (scripts, specs). */
export interface CliClock {
  now(): Date;
}

/**
 * The command line's business clock. `EFFICACY_CLOCK_START` (an instant) starts it there and
 * it runs on at the machine's pace; token expiry keeps reading the machine's clock.
 */
export function cliClock(env: NodeJS.ProcessEnv = process.env): CliClock {
  const start = env['EFFICACY_CLOCK_START'];
  if (!start) return { now: () => new Date() };
  const at = Date.parse(start);
  if (Number.isNaN(at))
    throw new Error(
      `EFFICACY_CLOCK_START must be an instant such as 2027-03-01T09:00:00+08:00, got ${start}`,
    );
  const offset = at - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}

/** Today in Beijing on the command line's clock. */
export function cliToday(clock: CliClock = cliClock()): string {
  return beijingDate(clock.now());
}

/** This year in Beijing on the command line's clock. */
export function cliYear(clock: CliClock = cliClock()): number {
  return beijingYear(clock.now());
}
