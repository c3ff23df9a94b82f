import type { Command } from 'commander';
import { CalendarError, addWorkingDays, calendarDaysBetween } from '@efficacy/working-calendar';
import type { CrossedDay } from '@efficacy/working-calendar';

import { CliError } from '../lib/errors';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export interface DeadlineResult {
  start: string;
  workingDays: number;
  region: string | null;
  due: string;
  crossed: CrossedDay[];
}

/** The due date and the calendar days it crossed; calendar problems become CLI errors. */
export function computeDeadline(
  start: string,
  workingDays: string,
  region?: string,
): DeadlineResult {
  if (!/^\d+$/.test(workingDays)) {
    throw new CliError(`working days must be a whole number of at least 1, got ${workingDays}`, 2);
  }
  const n = Number(workingDays);
  try {
    const due = addWorkingDays(start, n, { region });
    return {
      start,
      workingDays: n,
      region: region ?? null,
      due,
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
    .description('print the due date: the Nth working day after the start date (no login needed)')
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
        `${result.start} + ${result.workingDays} working ${result.workingDays === 1 ? 'day' : 'days'}${where} = ${result.due} (${weekday(result.due)})`,
      );
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
