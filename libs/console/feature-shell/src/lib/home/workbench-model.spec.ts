import type { BulletinSummary, CaseImportSummary, TaskSummary } from '@efficacy/api-contract';
import { bulletinState, byDeadline, taskCounts, unmatchedUnits } from './workbench-model';

const task = (over: Partial<TaskSummary>): TaskSummary =>
  ({ id: 'x', number: 1, state: 'assigned', deadline: '2026-01-10', ...over }) as TaskSummary;

describe('workbench model', () => {
  it('sums open, overdue and red tasks over the regions', () => {
    expect(
      taskCounts([
        { regionCode: 'a', regionNameZh: 'A', byState: {}, open: 3, overdue: 1, red: 0 },
        { regionCode: 'b', regionNameZh: 'B', byState: {}, open: 2, overdue: 2, red: 1 },
      ]),
    ).toEqual({ open: 5, overdue: 3, red: 1 });
  });

  it('lists running tasks nearest deadline first, without closed ones', () => {
    const list = byDeadline([
      task({ id: 'late', deadline: '2026-02-01' }),
      task({ id: 'done', state: 'closed', deadline: '2026-01-01' }),
      task({ id: 'soon', deadline: '2026-01-05' }),
    ]);
    expect(list.map((t) => t.id)).toEqual(['soon', 'late']);
  });

  it("tells a period's bulletin as published, draft or still due", () => {
    const b = (over: Partial<BulletinSummary>) =>
      ({ id: '1', period: '2022-08', status: 'draft', ...over }) as BulletinSummary;
    expect(bulletinState([], '2022-08').state).toBe('due');
    expect(bulletinState([b({ period: '2022-07', status: 'published' })], '2022-08').state).toBe(
      'due',
    );
    expect(bulletinState([b({})], '2022-08').state).toBe('draft');
    expect(bulletinState([b({}), b({ id: '2', status: 'published' })], '2022-08')).toEqual({
      state: 'published',
      bulletin: expect.objectContaining({ id: '2' }),
    });
  });

  it('sums unmatched department names over case imports, most cases first', () => {
    const imp = (units: CaseImportSummary['unmatchedUnits']) =>
      ({ unmatchedUnits: units }) as CaseImportSummary;
    expect(
      unmatchedUnits([
        imp([{ regionCode: '640106', name: '市场监管局', cases: 2 }]),
        imp([
          { regionCode: '640106', name: '市场监管局', cases: 3 },
          { regionCode: '640106', name: '税务局', cases: 4 },
        ]),
      ]),
    ).toEqual([
      { regionCode: '640106', name: '市场监管局', cases: 5 },
      { regionCode: '640106', name: '税务局', cases: 4 },
    ]);
  });
});
