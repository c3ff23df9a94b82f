import type { TaskSummary } from '@efficacy/api-contract';
import { formatTasks } from './tasks';

const base: TaskSummary = {
  id: 'a',
  number: 3,
  title: '残联线下参评率整改',
  source: 'indicator',
  state: 'in_progress',
  regionCode: '640106',
  regionNameZh: '金凤区',
  leadUnitId: '640106:cl',
  leadUnitNameZh: '金凤区残疾人联合会',
  coUnitIds: [],
  openerRegion: '640106',
  openedBy: 'jinfeng.admin',
  openedAt: '2022-09-30T02:00:00.000Z',
  originalDeadline: '2022-10-12',
  deadline: '2022-10-12',
  indicator: 'offline_evaluation_rate',
  period: '2022-01..2022-08',
  pendingExtension: null,
  workingDays: 5,
  provisional: false,
  provisionalYears: [],
  clockProvisional: false,
  remainingWorkingDays: -3,
  elapsedWorkingDays: 8,
  overdueWorkingDays: 3,
  reminder: 'red',
  effect: null,
};

describe('tasks listing', () => {
  it('shows overdue time, the escalation and a moved deadline beside the original', () => {
    const lines = formatTasks([
      base,
      {
        ...base,
        number: 4,
        state: 'submitted',
        deadline: '2022-10-20',
        remainingWorkingDays: null,
        overdueWorkingDays: 0,
        reminder: 'none',
      },
    ]);
    expect(lines[1]).toMatch(/#3\s+整改中\s+金凤区残疾人联合会\s+2022-10-12\s+overdue 3 wd\s+red/);
    expect(lines[2]).toContain('2022-10-20 (was 2022-10-12)');
    expect(lines.at(-1)).toBe('2 task(s), 1 overdue');
  });

  it('marks a deadline counted across a year without its national notice 暂定', () => {
    const lines = formatTasks([
      {
        ...base,
        deadline: '2027-03-29',
        originalDeadline: '2027-03-29',
        provisional: true,
        provisionalYears: [2027],
      },
    ]);
    expect(lines[1]).toContain('2027-03-29 暂定 (no 2027 notice)');
  });
});
