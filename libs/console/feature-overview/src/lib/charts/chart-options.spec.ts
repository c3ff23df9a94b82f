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
