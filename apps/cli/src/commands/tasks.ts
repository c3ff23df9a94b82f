import type { Command } from 'commander';
import type { BulkOpenResult, TaskInbox, TaskSummary } from '@efficacy/api-contract';
import { CliError } from '../lib/errors';
import type { CliSettings } from '../lib/settings';
import { apiRequest } from '../lib/session';
import { renderTable } from '../lib/text-table';

/** Tasks per request: the API's largest page. */
const TASK_PAGE = 500;

const INBOXES: readonly TaskInbox[] = ['unit', 'sign-off', 'verify', 'opened', 'all'];

const STATE_ZH: Record<TaskSummary['state'], string> = {
  draft: '草稿',
  assigned: '已交办',
  acknowledged: '已签收',
  in_progress: '整改中',
  submitted: '已提交',
  signed_off: '负责人已签字',
  closed: '已核验办结',
  cancelled: '已撤销',
};

/**
 * One line per task: number, state, lead unit, deadline (with the original when moved, and
 * 暂定 when provisional), time left.
 */
export function formatTasks(tasks: readonly TaskSummary[]): string[] {
  const rows = tasks.map((t) => [
    `#${t.number}`,
    STATE_ZH[t.state],
    t.leadUnitNameZh,
    (t.deadline === t.originalDeadline ? t.deadline : `${t.deadline} (was ${t.originalDeadline})`) +
      // 暂定: counted on weekdays across a year whose national notice is not loaded yet.
      (t.provisional ? ` 暂定 (no ${t.provisionalYears.join(', ')} notice)` : ''),
    t.overdueWorkingDays > 0
      ? `overdue ${t.overdueWorkingDays} wd`
      : t.remainingWorkingDays === null
        ? ''
        : `${t.remainingWorkingDays} wd left`,
    t.reminder === 'none' ? '' : t.reminder,
    t.title,
  ]);
  return [
    ...renderTable(['task', 'state', 'lead unit', 'deadline', 'time', 'reminder', 'title'], rows, [
      'left',
      'left',
      'left',
      'left',
      'right',
      'left',
      'left',
    ]),
    `${tasks.length} task(s), ${tasks.filter((t) => t.overdueWorkingDays > 0 && t.remainingWorkingDays !== null).length} overdue`,
  ];
}

export function registerTasks(program: Command, settings: CliSettings): void {
  const tasks = program
    .command('tasks')
    .description('rectification tasks (整改任务) in your scope');

  tasks
    .command('list', { isDefault: true })
    .description('your inbox: unit, sign-off, verify, opened or all')
    .option('--inbox <inbox>', INBOXES.join('|'), 'all')
    .option('--region <code>', 'only tasks at or below this region')
    .option('--json', 'print JSON')
    .action(async (options: { inbox: string; region?: string; json?: boolean }) => {
      if (!(INBOXES as readonly string[]).includes(options.inbox))
        throw new CliError(`--inbox must be one of ${INBOXES.join(', ')}, got ${options.inbox}`, 2);
      const query = new URLSearchParams({ inbox: options.inbox });
      if (options.region) query.set('region', options.region);
      // Every matching task, page by page (the API gives at most 500 at a time).
      const list: TaskSummary[] = [];
      for (let offset = 0; ; offset += TASK_PAGE) {
        query.set('limit', String(TASK_PAGE));
        query.set('offset', String(offset));
        const page = await apiRequest<TaskSummary[]>(settings, `/tasks?${query}`);
        list.push(...page);
        if (page.length < TASK_PAGE) break;
      }
      if (options.json) console.log(JSON.stringify(list, null, 2));
      else formatTasks(list).forEach((line) => console.log(line));
    });

  tasks
    .command('bulk')
    .description('open one task per unit below target for an indicator and period')
    .requiredOption('--indicator <code>', 'indicator code, e.g. offline_evaluation_rate')
    .requiredOption('--period <period>', 'period, e.g. 2022-01..2022-08')
    .requiredOption('--region <code>', 'region whose units are assessed, e.g. 640106')
    .option('--working-days <n>', 'time allowed, in working days', '10')
    .option('--json', 'print JSON')
    .action(
      async (options: {
        indicator: string;
        period: string;
        region: string;
        workingDays: string;
        json?: boolean;
      }) => {
        if (!/^\d+$/.test(options.workingDays))
          throw new CliError(
            `--working-days must be a whole number, got ${options.workingDays}`,
            2,
          );
        const result = await apiRequest<BulkOpenResult>(settings, '/tasks/bulk', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            indicator: options.indicator,
            period: options.period,
            region: options.region,
            workingDays: Number(options.workingDays),
          }),
        });
        if (options.json) {
          console.log(JSON.stringify(result, null, 2));
          return;
        }
        formatTasks(result.opened).forEach((line) => console.log(line));
        console.log(
          `opened ${result.opened.length}, skipped ${result.skipped.length} (already open)`,
        );
      },
    );
}
