import {
  createMeasureStore,
  DEMO_DATASETS,
  DEMO_REGISTRY,
  DEMO_TARGETS,
  numberCell,
  unitSubject,
} from '@efficacy/indicator-model';
import { seedContext } from '../test-support/seed-context';
import { createAssessmentContext } from './context';
import { detectSignals } from './signals';

describe('signals for a supervisor', () => {
  it('Yindu: case volumes disagree between department report, e-supervision and the integrated window', () => {
    const signals = detectSignals(seedContext, {
      regionCode: '410505',
      period: '2023-01..2023-06',
    }).filter((s) => s.kind === 'case-volume-sources-disagree');
    const county = signals.find((s) => s.subject.kind === 'region');
    // The county figure is the sum of the rows; the printed 总计 of 90402 is flagged by validation.
    expect(county).toMatchObject({
      severity: 'high',
      pattern: 'bypasses-hall',
      figures: { department_report: 88300, e_supervision: 205762, integrated_window: 1816 },
    });
    expect(county?.cells).toHaveLength(93);
    // The two departments the bulletin names for 明进暗不进 are among them.
    expect(
      signals.find((s) => s.subject.kind === 'unit' && s.subject.id === '410505:tyjrj'),
    ).toMatchObject({
      severity: 'high',
      pattern: 'bypasses-hall',
      figures: { department_report: 20946, e_supervision: 45, integrated_window: 40 },
    });
    expect(
      signals.find((s) => s.subject.kind === 'unit' && s.subject.id === '410505:cl'),
    ).toMatchObject({
      severity: 'medium',
      figures: { department_report: 0, e_supervision: 12, integrated_window: 6 },
    });
    // 文广体旅局 119 / 125 / 122 agree closely and raise nothing.
    expect(signals.some((s) => s.subject.kind === 'unit' && s.subject.id === '410505:wgtlj')).toBe(
      false,
    );
  });

  it('Xiqu: names the eight units with no case so far this year, and never treats "-" as zero', () => {
    const zero = detectSignals(seedContext, {
      regionCode: '510403',
      period: '2022-01..2022-09',
    }).filter((s) => s.kind === 'zero-case-unit');
    expect(zero.map((s) => (s.subject.kind === 'unit' ? s.subject.id : '')).sort()).toEqual(
      [
        '510403:czj',
        '510403:kjj',
        '510403:mzzj',
        '510403:qwbgs',
        '510403:qwxcb',
        '510403:shwj',
        '510403:tyjrj',
        '510403:wglj',
      ].sort(),
    );
    // 区审计局, 区统计局 and 西区生态环境局 print "-" for cases: not zero, not flagged.
    expect(zero.some((s) => s.subject.kind === 'unit' && s.subject.id === '510403:sjj')).toBe(
      false,
    );
    expect(zero[0].cells[0]).toMatchObject({ sheet: '附件1', column: 'N' });
  });

  it('Jinfeng: 1209 of 1681 items had no case in 1-8月', () => {
    const items = detectSignals(seedContext, {
      regionCode: '640106',
      period: '2022-01..2022-08',
    }).find((s) => s.kind === 'zero-case-items');
    expect(items).toMatchObject({
      severity: 'low',
      figures: { items: 1681, itemsWithCases: 472, itemsWithoutCases: 1209 },
    });
  });

  it('points out items covered only by labelled test cases and items below Yinchuan’s two cases a month', () => {
    const context = createAssessmentContext({
      registry: DEMO_REGISTRY,
      targets: DEMO_TARGETS,
      store: createMeasureStore([
        ...DEMO_DATASETS,
        {
          importId: 'item-counts',
          reported: [],
          observations: [
            {
              subject: unitSubject('640106:cl'),
              period: '2022-09',
              measure: 'items.covered_by_test_only',
              value: numberCell(3),
            },
          ],
        },
      ]),
    });
    const signals = detectSignals(context, {
      regionCode: '640106',
      period: '2022-09',
      itemActivity: [
        {
          unitId: '640106:zrzyj',
          itemName: '建设用地规划许可',
          period: '2022-09',
          cases: 1,
          testCases: 1,
        },
        {
          unitId: '640106:zrzyj',
          itemName: '采矿权登记',
          period: '2022-09',
          cases: 5,
          testCases: 0,
        },
        {
          unitId: '640106:zrzyj',
          itemName: '地质灾害评估备案',
          period: '2022-09',
          cases: 2,
          testCases: 1,
        },
      ],
    });
    expect(
      signals.find(
        (s) =>
          s.kind === 'test-case-only-items' &&
          s.subject.kind === 'unit' &&
          s.subject.id === '640106:cl',
      ),
    ).toMatchObject({
      figures: { items: 3 },
    });
    expect(signals.find((s) => s.kind === 'test-case-only-items' && s.items)).toMatchObject({
      items: ['建设用地规划许可'],
    });
    expect(signals.find((s) => s.kind === 'items-below-monthly-minimum')).toMatchObject({
      figures: { items: 2, minimumPerMonth: 2 },
      items: ['建设用地规划许可', '地质灾害评估备案'],
    });
  });
});
