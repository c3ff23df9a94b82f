import type { EChartsCoreOption } from 'echarts/core';
import type { BulletinChart } from '@efficacy/api-contract';

/**
 * The same chart the server draws into the .docx, for the browser: ranking bars best first
 * with the target as a dashed line, or the monthly line with the target.
 */
export function bulletinChartOption(chart: BulletinChart, targetLabel: string): EChartsCoreOption {
  const unit = chart.unit;
  const markLine =
    chart.target !== undefined
      ? {
          markLine: {
            symbol: 'none',
            lineStyle: { color: '#cf1322', type: 'dashed', width: 1.5 },
            label: { formatter: `${targetLabel} ${chart.target}${unit}`, color: '#cf1322' },
            data: [chart.kind === 'ranking' ? { xAxis: chart.target } : { yAxis: chart.target }],
          },
        }
      : {};
  if (chart.kind === 'ranking') {
    return {
      grid: { left: 8, right: 56, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', axisLabel: { formatter: `{value}${unit}` } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: chart.bars.map((b) => b.name),
        axisLabel: { width: 160, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 18,
          data: chart.bars.map((b) => b.value),
          itemStyle: { color: '#1d39c4' },
          label: { show: true, position: 'right', formatter: `{c}${unit}` },
          ...markLine,
        },
      ],
    };
  }
  return {
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: chart.points.map((p) => `${Number(p.month.slice(5))}月`) },
    yAxis: { type: 'value', axisLabel: { formatter: `{value}${unit}` } },
    series: [{ type: 'line', data: chart.points.map((p) => p.value), ...markLine }],
  };
}

/** Height that fits every bar of a ranking chart. */
export function chartHeight(chart: BulletinChart): number {
  return chart.kind === 'ranking' ? Math.max(200, 40 + chart.bars.length * 24) : 280;
}
