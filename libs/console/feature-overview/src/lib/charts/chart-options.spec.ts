import type { AssessmentRow, IndicatorAssessment } from '@efficacy/api-contract';
import { JINFENG } from '@efficacy/console/core/testing';
import { rankingOption } from './chart-options';

const rate = JINFENG.indicators[0];

function bars(indicator: IndicatorAssessment): string[] {
  const option = rankingOption(indicator, { target: '目标', language: 'zh-CN' }) as {
    yAxis: { data: string[] };
  };
  return option.yAxis.data;
}

describe('ranking bars', () => {
  it('leave out a partial aggregate: it has no rank and would stand beside complete figures', () => {
    const partial: AssessmentRow = {
      ...rate.children[0],
      nameZh: '部分报送的县',
      coverage: {
        memberLevel: 'unit',
        expected: 9,
        reported: 2,
        withFigures: 2,
        notApplicable: [],
        notConnected: [],
        missing: [],
        minShare: 1,
        printedTotal: false,
        partial: true,
      },
    };
    const names = bars({ ...rate, children: [...rate.children, { ...partial, rank: undefined }] });
    expect(names).not.toContain('部分报送的县');
    expect(names).toContain(rate.children[0].nameZh);
  });
});

describe('the target line of the ranking', () => {
  it('puts its label above the plot, where rank 1 stands, not over the value axis', () => {
    const withTarget = JINFENG.indicators.find((i) =>
      i.children.some((c) => c.target?.value !== undefined),
    );
    expect(withTarget).toBeDefined();
    const option = rankingOption(withTarget as IndicatorAssessment, {
      target: '目标',
      language: 'zh-CN',
    }) as {
      yAxis: { inverse: boolean };
      series: Array<{ markLine?: { label: { position: string; formatter: string } } }>;
    };
    const line = option.series[0].markLine;
    expect(line?.label.formatter).toContain('目标');
    // Rank 1 is on top (inverse axis), so the line starts at the top: its label goes there.
    expect(option.yAxis.inverse).toBe(true);
    expect(line?.label.position).toBe('start');
  });
});
