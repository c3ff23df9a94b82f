import { regionSubject, unitSubject } from '@efficacy/indicator-model';
import { seedContext } from '../test-support/seed-context';
import { explain } from './explain';

describe('explain this number', () => {
  it('shows formula, version, rounding and every input cell of 审批局’s 98.87%', () => {
    const explanation = explain(seedContext, {
      indicator: 'offline_evaluation_rate',
      subject: unitSubject('640106:spj'),
      period: '2022-01..2022-08',
    });
    expect(explanation.indicator).toMatchObject({
      code: 'offline_evaluation_rate',
      version: 1,
      formulaZh: '线下评价数 ÷ 线下办件数 × 100',
      rounding: { mode: 'half-up', digits: 2 },
    });
    expect(explanation.value).toMatchObject({
      display: '98.87',
      reported: { value: 98.87, printed: '98.87' },
    });
    // Exact value in display units: 5769/5835 × 100.
    expect(explanation.exact).toEqual({ fraction: '38460/389', decimal: '98.8688946015' });
    expect(
      explanation.inputs.map((i) => [i.measure, i.total, i.contributions[0].cells[0]]),
    ).toEqual([
      [
        'cases.offline.evaluated',
        5769,
        expect.objectContaining({
          importId: 'seed-jinfeng-2022-01..08',
          adapterId: 'seed-transcription',
          file: 'ningxia-jinfeng-2022-01to08-bulletin.txt',
          sheet: '附件2',
          row: 2,
          column: 'F',
          rowLabel: '审批局',
        }),
      ],
      ['cases.offline', 5835, expect.objectContaining({ sheet: '附件2', row: 2, column: 'E' })],
    ]);
    expect(explanation.warnings).toEqual([]);
  });

  it('lists the units summed into the county figure and the "/" units left out', () => {
    const explanation = explain(seedContext, {
      indicator: 'offline_evaluation_rate',
      subject: regionSubject('640106'),
      period: '2022-01..2022-08',
    });
    expect(explanation.value.display).toBe('98.95');
    expect(explanation.inputs[0].contributions).toHaveLength(11);
    expect(explanation.inputs[0].total).toBe(12009);
    expect(explanation.excluded.map((e) => [e.nameZh, e.status])).toEqual([
      ['国家税务总局银川市金凤区税务局', 'not_connected'],
      ['金凤区就业创业和人才服务中心', 'not_connected'],
      ['金凤区社会保险和事业管理局', 'not_connected'],
      ['银川市公安局金凤区分局', 'not_connected'],
      ['银川市市场监督管理局金凤区分局', 'not_connected'],
    ]);
    expect(explanation.excluded[0].inputs[0]).toMatchObject({
      measure: 'cases.offline.evaluated',
      status: 'not_connected',
      cells: [expect.objectContaining({ row: 3, column: 'F', printed: '/' })],
    });
    // 丰登镇's misprinted rate does not enter the county figure, which is built from counts.
    expect(explanation.warnings).toEqual([]);
  });

  it('carries the warning on 丰登镇’s printed rate into that unit’s explanation', () => {
    const explanation = explain(seedContext, {
      indicator: 'offline_evaluation_rate',
      subject: unitSubject('640106:fengdeng-mszx'),
      period: '2022-01..2022-08',
    });
    expect(explanation.value).toMatchObject({
      display: '96.32',
      reported: { value: 96.31 },
      discrepancy: { kind: 'value' },
    });
    expect(explanation.warnings.map((w) => [w.code, w.cell?.row, w.cell?.column])).toEqual([
      ['reported-rate-matches-counts', 11, 'G'],
    ]);
  });

  it('explains Xiqu’s 97.86% as a platform figure, with the counts that do not reproduce it and the warnings on them', () => {
    const explanation = explain(seedContext, {
      indicator: 'active_evaluation_rate',
      subject: regionSubject('510403'),
      period: '2022-09',
    });
    expect(explanation.indicator.formulaZh).toBe('平台报送值（无法由公开计数复算）');
    expect(explanation.value).toMatchObject({
      display: '97.86',
      source: 'reported',
      reference: { value: 95.19 },
    });
    expect(explanation.warnings.map((w) => w.code).sort()).toEqual([
      'reported-rate-not-derivable',
      'reported-total-matches-derived',
    ]);
    expect(
      explanation.warnings.find((w) => w.code === 'reported-total-matches-derived'),
    ).toMatchObject({ measure: 'cases', actual: 4288, expected: 4290 });
  });

  it('explains a pinned older version and says where the formula comes from', () => {
    const explanation = explain(seedContext, {
      indicator: 'elicence_growth',
      subject: regionSubject('640106'),
      period: '2021',
      version: 1,
    });
    expect(explanation.value.display).toBe('16.7');
    expect(explanation.inputs.map((i) => [i.period, i.total])).toEqual([
      ['2021', 54098],
      ['2020', 46356],
    ]);
    expect(explanation.indicator.policy[0].textZh).toContain('年入库增长16.7%');
  });
});
