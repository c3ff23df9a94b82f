import {
  DEMO_REGISTRY,
  JINFENG_2022_01_08,
  computeIndicatorValue,
  createMeasureStore,
  getIndicator,
  hierarchyAsOf,
  unitSubject,
  type CaseRecord,
} from '@efficacy/indicator-model';
import { countCase, emptyCounts, overdueStatus } from './case-counts';
import { caseIndicators } from './case-indicators';
import { casesDataset, summariseCases } from './case-summary';

function caseOf(overrides: Partial<CaseRecord>): CaseRecord {
  return {
    caseId: 'C1',
    itemCode: 'ITEM-1',
    itemType: 'approval',
    unit: '审批局',
    regionCode: '640106',
    channel: 'window',
    received: '2022-03-01',
    promisedDays: 5,
    finished: '2022-03-02',
    status: '已办结',
    evaluation: null,
    preReview: null,
    isTest: false,
    ...overrides,
  };
}

describe('overdue on the working-day calendar', () => {
  it('counts the National Day holiday: 5 working days from 2022-09-30 end on 2022-10-12', () => {
    const base = { received: '2022-09-30', promisedDays: 5, regionCode: '640106' };
    expect(overdueStatus({ ...base, finished: '2022-10-12' }, '2022-12-31')).toBeNull();
    expect(overdueStatus({ ...base, finished: '2022-10-13' }, '2022-12-31')).toBe('finished_late');
  });

  it('an unfinished case is late only once the as-of date passes its due date', () => {
    const base = { received: '2022-09-30', promisedDays: 5, regionCode: '640106', finished: null };
    expect(overdueStatus(base, '2022-10-12')).toBeNull();
    expect(overdueStatus(base, '2022-10-13')).toBe('unfinished_late');
  });

  it('an immediate item (0 days) is late when finished after the day it was received', () => {
    const base = { received: '2022-03-01', promisedDays: 0, regionCode: '640106' };
    expect(overdueStatus({ ...base, finished: '2022-03-01' }, '2022-12-31')).toBeNull();
    expect(overdueStatus({ ...base, finished: '2022-03-02' }, '2022-12-31')).toBe('finished_late');
  });
});

describe('case indicators', () => {
  it('computes every indicator from the counts, "-" (null) without a denominator', () => {
    const counts = emptyCounts();
    const records = [
      caseOf({ caseId: '1', evaluation: 5 }),
      caseOf({ caseId: '2', evaluation: 1, channel: 'township' }),
      caseOf({ caseId: '3', channel: 'mobile', finished: '2022-03-31', isTest: true }),
      caseOf({ caseId: '4', channel: 'fully_online', finished: null, itemCode: 'ITEM-2' }),
    ];
    for (const r of records) countCase(counts, r, '2022-04-30');
    const byCode = Object.fromEntries(
      caseIndicators(counts, { withCases: 2, catalogue: 8 }).map((v) => [v.code, v.percent]),
    );
    expect(byCode).toEqual({
      item_coverage: 25,
      overdue_rate: 50,
      on_time_rate: 50,
      online_share: 50,
      offline_share: 50,
      offline_evaluation_rate: 100,
      evaluation_rate: 50,
      satisfaction: 50,
      test_case_share: 25,
    });
    expect(
      caseIndicators(emptyCounts()).find((v) => v.code === 'satisfaction')?.percent,
    ).toBeNull();
  });

  it('counts an item once per period however many months and units it appears in', () => {
    const records = [
      caseOf({ caseId: '1', received: '2022-01-05' }),
      caseOf({ caseId: '2', received: '2022-02-05', unit: '民政局' }),
      caseOf({ caseId: '3', received: '2022-02-07', itemCode: 'ITEM-9', isTest: true }),
    ];
    const total = summariseCases(
      records.map((r) => ({ ...r, received: '2022-01-01' })),
      '2022-03-01',
    ).find((s) => s.unit === null);
    expect(total?.items.size).toBe(2);
    expect([...(total?.itemsTestOnly ?? [])]).toEqual(['ITEM-9']);
  });
});

describe('equal to the aggregate path', () => {
  // 金凤区 annex 2, 审批局 (2022-01..2022-08): 5867 cases, 32 online, 5835 offline,
  // 5769 offline evaluations, satisfaction 100% — the figures the bulletin prints.
  function approvalBureauCases(): CaseRecord[] {
    const out: CaseRecord[] = [];
    for (let i = 0; i < 5867; i += 1) {
      const month = String(1 + (i % 8)).padStart(2, '0');
      const online = i < 32;
      const offlineIndex = i - 32;
      out.push(
        caseOf({
          caseId: `JF${i}`,
          itemCode: `ITEM-${i % 40}`,
          received: `2022-${month}-10`,
          finished: `2022-${month}-11`,
          channel: online ? 'fully_online' : 'window',
          evaluation: !online && offlineIndex < 5769 ? 5 : null,
        }),
      );
    }
    return out;
  }

  it('gives the bulletin’s offline evaluation rate and satisfaction for the same unit and period', () => {
    const hierarchy = hierarchyAsOf(DEMO_REGISTRY, '2022-08-31');
    const fromCases = casesDataset(
      'cases',
      approvalBureauCases(),
      '2022-08-31',
      new Map([['审批局', '640106:spj']]),
      '2022-01..2022-08',
    );
    const aggregate = createMeasureStore([JINFENG_2022_01_08]);
    const cases = createMeasureStore([fromCases]);
    const subject = unitSubject('640106:spj');
    for (const code of ['offline_evaluation_rate', 'satisfaction']) {
      const indicator = getIndicator(code, '2022-08-31');
      const a = computeIndicatorValue(aggregate, hierarchy, indicator, subject, '2022-01..2022-08');
      const c = computeIndicatorValue(cases, hierarchy, indicator, subject, '2022-01..2022-08');
      expect(a.status).toBe('number');
      expect(c.status).toBe('number');
      expect(c.value).toBe(a.value);
    }
  });
});
