import { assess, createAssessmentContext } from '@efficacy/assessment-engine';
import { DEMO_REGISTRY, DEMO_TARGETS, JINFENG_2022_01_08 } from '@efficacy/indicator-model';
import { CliError } from '../lib/errors';
import { displayWidth } from '../lib/text-table';
import { chooseIndicators, formatAssessment, formatCell } from './assess';

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
    expect(formatCell(row('640106:spj'))).toBe('98.87 ✓ #8');
    expect(formatCell(row('640106:cl'))).toBe('53.03 ✗ #11');
    expect(formatCell(row('640106:swj'))).toBe('/');
  });

  it('prints the region first, then every child, aligned in display columns for Chinese names', () => {
    const lines = formatAssessment(assessment, ['offline_evaluation_rate', 'satisfaction']);
    expect(lines[0]).toBe('金凤区 640106 · 2022年1-8月 (2022-01..2022-08) · as of 2022-08-31');
    const table = lines.slice(2, lines.indexOf('', 2));
    expect(table[0]).toMatch(/单位 \/ 地区\s+线下参评率% \(≥98.5\)\s+满意度%/);
    expect(table[1]).toMatch(/^ {2}金凤区（合计）\s+98.95 ✓\s+100/);
    expect(table.some((l) => /金凤区审批服务管理局\s+98.87 ✓ #8/.test(l))).toBe(true);
    expect(table.some((l) => /良田镇/.test(l))).toBe(true);
    // Right-aligned under its header, counted in display columns (a Chinese character is two).
    const rightEdge = (line: string | undefined, cell: string) =>
      line === undefined ? -1 : displayWidth(line.slice(0, line.indexOf(cell) + cell.length));
    const spj = table.find((l) => l.includes('金凤区审批服务管理局'));
    const edge = rightEdge(table[0], '(≥98.5)');
    expect(rightEdge(table[1], '98.95 ✓')).toBe(edge);
    expect(rightEdge(spj, '98.87 ✓ #8')).toBe(edge);
  });

  it('names indicators it cannot show, with those it can', () => {
    expect(() => formatAssessment(assessment, ['nope'])).toThrow(CliError);
    expect(() => formatAssessment(assessment, ['nope'])).toThrow(/available: .*item_coverage/);
  });
});
