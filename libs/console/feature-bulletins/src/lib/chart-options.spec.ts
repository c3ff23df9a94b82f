import { JINFENG_DOCUMENT } from '../testing/bulletin.fixture';
import { bulletinChartOption, chartHeight } from './chart-options';

describe('bulletin chart options', () => {
  it('draws the ranking best first with the target as a dashed line', () => {
    const chart = JINFENG_DOCUMENT.charts[0];
    const option = bulletinChartOption(chart, '目标') as {
      yAxis: { data: string[] };
      series: Array<{
        data: number[];
        markLine: { data: unknown[]; label: { formatter: string } };
      }>;
    };
    expect(option.yAxis.data).toEqual(['金凤区审批服务管理局', '金凤区残疾人联合会']);
    expect(option.series[0].data).toEqual([98.87, 53.03]);
    expect(option.series[0].markLine.data).toEqual([{ xAxis: 98.5 }]);
    expect(option.series[0].markLine.label.formatter).toBe('目标 98.5%');
    expect(chartHeight(chart)).toBe(200);
  });
});
