import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  describeYears,
  type CalendarCoverage,
  type CalendarEntry,
  type LoadCalendarNoticeRequest,
  type LoadCalendarNoticeResult,
} from '@efficacy/api-contract';
import { cliClock, cliYear } from '../lib/clock';
import { CliError } from '../lib/errors';
import type { CliSettings } from '../lib/settings';
import { apiRequest } from '../lib/session';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const BASIS = { package: 'package', notice: 'loaded notice', provisional: '暂定 provisional' };

/** The coverage summary: which years are known how, and the warning if a notice is missing. */
export function formatCoverage(coverage: CalendarCoverage): string[] {
  const lines = [
    `national notices: ${describeYears(coverage.coveredYears)} (package ${coverage.packageYears[0]}–${coverage.packageYears[1]}); today ${coverage.today} in Beijing`,
  ];
  for (const y of coverage.years) {
    const notice = y.notice
      ? ` ${y.notice.title}${y.notice.documentNumber ? ` ${y.notice.documentNumber}` : ''}, loaded by ${y.notice.loadedBy}`
      : '';
    const regional = y.regionalNotices.length
      ? `; regional: ${y.regionalNotices.map((n) => `${n.regionPrefix} ${n.title}`).join('; ')}`
      : '';
    lines.push(`  ${y.year}  ${BASIS[y.national]}${notice}${regional}`);
  }
  if (coverage.warning) lines.push(`warning: ${coverage.warning.message}`);
  return lines;
}

/** One line per day: date, weekday, off or worked, name, region, where it comes from. */
export function formatDays(days: readonly CalendarEntry[]): string[] {
  if (!days.length) return ['no holiday or adjusted working day in this year'];
  return days.map((d) => {
    const weekday = WEEKDAYS[new Date(`${d.date}T00:00:00Z`).getUTCDay()];
    const kind = d.kind === 'holiday' ? 'day off    ' : 'working day';
    const region = d.regionPrefix ? ` (region ${d.regionPrefix})` : '';
    const by = d.updatedBy ? `, ${d.updatedBy}` : '';
    return `  ${d.date} ${weekday}  ${kind}  ${d.name}${region}  [${d.source}${by}]`;
  });
}

/** A notice file: `{ year, title, documentNumber?, regionPrefix?, days: [{ date, kind, name }] }`. */
export function readNoticeFile(path: string): LoadCalendarNoticeRequest {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError(
      `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`,
      2,
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new CliError(
      `${path} is not JSON: ${error instanceof Error ? error.message : String(error)}`,
      2,
    );
  }
  const notice = body as Partial<LoadCalendarNoticeRequest>;
  if (
    typeof notice !== 'object' ||
    notice === null ||
    typeof notice.year !== 'number' ||
    typeof notice.title !== 'string' ||
    !Array.isArray(notice.days)
  )
    throw new CliError(
      `${path} must hold { "year": 2027, "title": "国务院办公厅关于2027年部分节假日安排的通知", "documentNumber"?: "…", "regionPrefix"?: "64", "days": [{ "date": "2027-01-01", "kind": "holiday", "name": "元旦" }, …] }`,
      2,
    );
  return notice as LoadCalendarNoticeRequest;
}

export function registerCalendar(program: Command, settings: CliSettings): void {
  const calendar = program
    .command('calendar')
    .description('the working-day calendar: covered years, days, notices (国务院节假日安排通知)');

  calendar
    .command('list')
    .description("which years have their national notice, and a year's holidays and 调休 days")
    .option('--year <year>', 'the year whose days to list (default: this year in Beijing)')
    .option('--region <code>', 'include the regional days that apply to this GB/T 2260 code')
    .option('--json', 'print JSON')
    .action(async (options: { year?: string; region?: string; json?: boolean }) => {
      const year = options.year ?? String(cliYear(cliClock()));
      if (!/^\d{4}$/.test(year))
        throw new CliError(`--year must be a year such as 2027, got ${year}`, 2);
      const query = new URLSearchParams({ year });
      if (options.region) query.set('region', options.region);
      const [coverage, days] = await Promise.all([
        apiRequest<CalendarCoverage>(settings, '/calendar/coverage'),
        apiRequest<CalendarEntry[]>(settings, `/calendar?${query}`),
      ]);
      if (options.json) {
        console.log(JSON.stringify({ coverage, year: Number(year), days }, null, 2));
        return;
      }
      formatCoverage(coverage).forEach((line) => console.log(line));
      console.log(`${year}:`);
      formatDays(days).forEach((line) => console.log(line));
    });

  const notice = calendar.command('notice').description("a year's notice, loaded from a file");
  notice
    .command('load <file>')
    .description(
      "load a year's notice (JSON): the State Council's, or a region's with regionPrefix; recounts provisional deadlines",
    )
    .option('--json', 'print JSON')
    .action(async (file: string, options: { json?: boolean }) => {
      const request = readNoticeFile(file);
      const result = await apiRequest<LoadCalendarNoticeResult>(settings, '/calendar/notices', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request),
      });
      if (options.json) {
        console.log(JSON.stringify(result, null, 2));
        return;
      }
      const n = result.notice;
      const where = n.regionPrefix ? ` for region prefix ${n.regionPrefix}` : '';
      console.log(
        `${result.replaced ? 'replaced' : 'loaded'} ${n.year}${where}: ${n.title}${n.documentNumber ? ` (${n.documentNumber})` : ''}, ${n.dayCount} day(s)`,
      );
      if (!result.recomputed.length) console.log('no open task deadline changed');
      for (const r of result.recomputed)
        console.log(
          `  task #${r.number}: ${r.from} → ${r.to} (${r.workingDays} working days${r.provisionalYears.length ? `, still provisional in ${r.provisionalYears.join(', ')}` : ''})`,
        );
    });
}
