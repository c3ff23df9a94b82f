import { assess, createAssessmentContext } from '@efficacy/assessment-engine';
import {
  DEMO_DATASETS,
  DEMO_REGISTRY,
  DEMO_TARGETS,
  JINFENG_2022_01_08,
} from '@efficacy/indicator-model';
import { CliError } from '../lib/errors';
import { displayWidth } from '../lib/text-table';
import { chooseIndicators, coverageLine, formatAssessment, formatCell } from './assess';

// The engine's own output on the Jinfeng seed: what the API returns for 金凤区 1-8月.
const assessment = assess(
  createAssessmentContext({
    registry: DEMO_REGISTRY,
    targets: DEMO_TARGETS,
    datasets: [JINFENG_2022_01_08],
  }),
  { regionCode: '640106', period: '2022-01..2022-08' },
);

describe('assess table', () => {
  it('leads with the headline indicators that have figures', () => {
    const { columns } = chooseIndicators(assessment);
    expect(columns.map((c) => c.code).slice(0, 3)).toEqual([
      'item_coverage',
      'offline_evaluation_rate',
      'satisfaction',
    ]);
  });

  it('shows value, target status and rank in one cell, "/" without a rank', () => {
    const rate = assessment.indicators.find((i) => i.code === 'offline_evaluation_rate');
    const row = (id: string) =>
      rate?.children.find((r) => r.subject.kind === 'unit' && r.subject.id === id);
    expect(formatCell(row('640106:spj'), rate?.ranked)).toBe('98.87 ✓ #8/11');
    expect(formatCell(row('640106:cl'), rate?.ranked)).toBe('53.03 ✗ #11/11');
    expect(formatCell(row('640106:swj'), rate?.ranked)).toBe('/');
  });

  it('prints the region first, then every child, aligned in display columns for Chinese names', () => {
    const lines = formatAssessment(assessment, ['offline_evaluation_rate', 'satisfaction']);
    expect(lines[0]).toBe('金凤区 640106 · 2022年1-8月 (2022-01..2022-08) · as of 2022-08-31');
    const table = lines.slice(2, lines.indexOf('', 2));
    expect(table[0]).toMatch(/单位 \/ 地区\s+线下参评率% \(≥98.5\)\s+满意度%/);
    // The total says how many of its 17 units are in it (16: 烟草专卖局 sent nothing).
    expect(table[1]).toMatch(/^ {2}金凤区（合计）\s+98.95 ✓ \[16\/17\]\s+100.00 \[8\/17\]/);
    expect(table.some((l) => /金凤区审批服务管理局\s+98.87 ✓ #8\/11/.test(l))).toBe(true);
    expect(table.some((l) => /良田镇/.test(l))).toBe(true);
    // Right-aligned under its header, counted in display columns (a Chinese character is two).
    const rightEdge = (line: string | undefined, cell: string) =>
      line === undefined ? -1 : displayWidth(line.slice(0, line.indexOf(cell) + cell.length));
    const spj = table.find((l) => l.includes('金凤区审批服务管理局'));
    const edge = rightEdge(table[0], '(≥98.5)');
    expect(rightEdge(table[1], '98.95 ✓ [16/17]')).toBe(edge);
    expect(rightEdge(spj, '98.87 ✓ #8/11')).toBe(edge);
  });

  it('names indicators it cannot show, with those it can', () => {
    expect(() => formatAssessment(assessment, ['nope'])).toThrow(CliError);
    expect(() => formatAssessment(assessment, ['nope'])).toThrow(/available: .*item_coverage/);
  });
});

describe('assess coverage', () => {
  // 银川市 over every seed: only 金凤区 sent figures, 灵武市 nothing.
  const yinchuan = assess(
    createAssessmentContext({
      registry: DEMO_REGISTRY,
      targets: DEMO_TARGETS,
      datasets: DEMO_DATASETS,
    }),
    { regionCode: '640100', period: '2022-01..2022-08' },
  );

  it('says the city total is 金凤区 alone: "2 个县区中 1 个已报送", partial, 灵武市 not reported', () => {
    const lines = formatAssessment(yinchuan, ['offline_evaluation_rate']);
    expect(lines.some((l) => /^ {2}银川市（合计）\s+98.95 … \[1\/2\]/.test(l))).toBe(true);
    expect(lines).toContain(
      '  线下参评率：银川市2 个县区中 1 个已报送；部分报送，不排名、不判定达标；未报送：灵武市',
    );
    // 金凤区 ranks first of the one county that reported, not "1 / 1" as if it were all.
    expect(lines.some((l) => /金凤区\s+98.95 ✓ #1\/1/.test(l))).toBe(true);
    expect(lines.some((l) => /灵武市\s+·/.test(l))).toBe(true);
  });

  it('keeps the coverage in --json, as the API sends it', () => {
    const rate = yinchuan.indicators.find((i) => i.code === 'offline_evaluation_rate');
    const json = JSON.parse(JSON.stringify(rate?.region));
    expect(json.coverage).toMatchObject({
      expected: 2,
      reported: 1,
      partial: true,
      missing: [{ nameZh: '灵武市' }],
    });
    expect(rate && coverageLine(rate.region)).toContain('未报送：灵武市');
  });
});
