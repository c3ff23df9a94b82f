import type { Command } from 'commander';
import {
  CalendarError,
  calendarDaysBetween,
  calendarYearsCovered,
  workingDeadline,
} from '@efficacy/working-calendar';
import type { CrossedDay } from '@efficacy/working-calendar';
import { describeYears } from '@efficacy/api-contract';

import { cliToday, type CliClock, cliClock } from '../lib/clock';
import { CliError } from '../lib/errors';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export interface DeadlineResult {
  start: string;
  workingDays: number;
  region: string | null;
  due: string;
  /** Counted across a year whose national notice this calendar lacks (weekdays only). */
  provisional: boolean;
  provisionalYears: number[];
  crossed: CrossedDay[];
}

/**
 * The due date and the calendar days it crossed; calendar problems become CLI errors.
 * `start` may be `today` (Beijing, on the command line's clock).
 */
export function computeDeadline(
  start: string,
  workingDays: string,
  region?: string,
  clock: CliClock = cliClock(),
): DeadlineResult {
  if (start === 'today') start = cliToday(clock);
  if (!/^\d+$/.test(workingDays)) {
    throw new CliError(`working days must be a whole number of at least 1, got ${workingDays}`, 2);
  }
  const n = Number(workingDays);
  try {
    const { due, provisional, provisionalYears } = workingDeadline(start, n, { region });
    return {
      start,
      workingDays: n,
      region: region ?? null,
      due,
      provisional,
      provisionalYears: [...provisionalYears],
      crossed: calendarDaysBetween(start, due, { region }),
    };
  } catch (error) {
    if (error instanceof CalendarError) throw new CliError(error.message, 2);
    throw error;
  }
}

function weekday(date: string): string {
  return WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()];
}

export function registerDeadline(program: Command): void {
  program
    .command('deadline <start-date> <working-days>')
    .description(
      'print the due date: the Nth working day after the start date (YYYY-MM-DD or today; no login needed)',
    )
    .option('--region <code>', 'GB/T 2260 code whose regional holidays apply, e.g. 640106')
    .option('--json', 'print JSON')
    .action((start: string, workingDays: string, options: { region?: string; json?: boolean }) => {
      const result = computeDeadline(start, workingDays, options.region);
      if (options.json) {
        console.log(JSON.stringify(result, null, 2));
        return;
      }
      const where = result.region ? ` in ${result.region}` : ' (national calendar)';
      console.log(
        `${result.start} + ${result.workingDays} working ${result.workingDays === 1 ? 'day' : 'days'}${where} = ${result.due} (${weekday(result.due)})${result.provisional ? ' 暂定 (provisional)' : ''}`,
      );
      if (result.provisional) {
        const years = result.provisionalYears.join(', ');
        console.log(
          `provisional: the national notice for ${years} is not in this calendar (it has ${describeYears(calendarYearsCovered())}), so ${years} is counted on weekdays; ` +
            `a notice loaded on the server counts in GET /api/calendar/deadline and on tasks`,
        );
      }
      if (!result.crossed.length) {
        console.log('crossed no holiday or adjusted working day');
        return;
      }
      console.log('crossed:');
      for (const day of result.crossed) {
        const kind = day.kind === 'holiday' ? 'day off    ' : 'working day';
        const scope = day.regionPrefix ? ` (region ${day.regionPrefix})` : '';
        console.log(`  ${day.date} ${WEEKDAYS[day.weekday]}  ${kind}  ${day.name}${scope}`);
      }
    });
}
