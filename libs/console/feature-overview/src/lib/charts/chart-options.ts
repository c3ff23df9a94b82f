import type { EChartsCoreOption } from 'echarts/core';
import type { IndicatorAssessment } from '@efficacy/api-contract';
import { commonTarget, targetText } from '@efficacy/console/ui';

export const STATUS_COLOUR: Record<string, string> = {
  met: '#52c41a',
  close: '#faad14',
  missed: '#f5222d',
  unknown: '#bfbfbf',
  none: '#1677ff',
};

export interface ChartLabels {
  readonly target: string;
  readonly language: 'zh-CN' | 'en';
}

const unitSuffix = (i: IndicatorAssessment) => (i.unit === 'percent' ? '%' : '');

/**
 * Ranking bars: the children that have a number, best first, coloured by target status,
 * with the target as a vertical line. A partial aggregate has no rank and no bar: it would
 * stand beside complete figures as if it were one.
 */
export function rankingOption(
  indicator: IndicatorAssessment,
  labels: ChartLabels,
): EChartsCoreOption {
  const ranked = indicator.children
    .filter(
      (c) => c.value.status === 'number' && c.value.value !== undefined && !c.coverage?.partial,
    )
    .sort((a, b) => (a.rank ?? 999) - (b.rank ?? 999));
  const target = commonTarget(indicator);
  const name = (c: { nameZh: string; nameEn: string }) =>
    labels.language === 'en' && c.nameEn ? c.nameEn : c.nameZh;
  const suffix = unitSuffix(indicator);
  return {
    grid: { left: 8, right: 56, top: 24, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: unknown) => `${Number(v).toFixed(indicator.rounding.digits)}${suffix}`,
    },
    xAxis: {
      type: 'value',
      ...(indicator.unit === 'percent' ? { max: 100 } : {}),
      axisLabel: { formatter: `{value}${suffix}` },
      splitLine: { lineStyle: { type: 'dashed' } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: ranked.map(name),
      axisLabel: { width: 150, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: labels.language === 'en' ? indicator.nameEn : indicator.nameZh,
        barMaxWidth: 18,
        data: ranked.map((c) => ({
          value: c.value.value,
          itemStyle: { color: STATUS_COLOUR[c.target?.status ?? 'none'] },
        })),
        label: {
          show: true,
          position: 'right',
          formatter: (p: { value: number }) =>
            `${p.value.toFixed(indicator.rounding.digits)}${suffix}`,
        },
        ...(target?.value !== undefined
          ? {
              markLine: {
                symbol: 'none',
                lineStyle: { color: '#cf1322', type: 'dashed', width: 1.5 },
                label: {
                  formatter: `${labels.target} ${targetText(target.comparator, target.value, indicator.unit)}`,
                  // The category axis is inverted (rank 1 on top), so the line starts at the top:
                  // 'start' sets the label above the plot instead of over the value axis's ticks.
                  position: 'start',
                  color: '#cf1322',
                },
                data: [{ xAxis: target.value }],
              },
            }
          : {}),
      },
    ],
  };
}

export interface TrendPoint {
  readonly month: string;
  readonly value: number | null;
}

/** The region's value month by month, with the target as a horizontal line. */
export function trendOption(
  indicator: IndicatorAssessment,
  points: readonly TrendPoint[],
  labels: ChartLabels,
): EChartsCoreOption {
  const target = commonTarget(indicator);
  const suffix = unitSuffix(indicator);
  return {
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    xAxis: {
      type: 'category',
      data: points.map((p) =>
        labels.language === 'en' ? p.month : `${Number(p.month.slice(5))}月`,
      ),
    },
    yAxis: { type: 'value', scale: true, axisLabel: { formatter: `{value}${suffix}` } },
    series: [
      {
        type: 'line',
        name: labels.language === 'en' ? indicator.nameEn : indicator.nameZh,
        data: points.map((p) => p.value),
        connectNulls: false,
        symbolSize: 7,
        label: { show: true, formatter: (p: { value: number }) => `${p.value}${suffix}` },
        ...(target?.value !== undefined
          ? {
              markLine: {
                symbol: 'none',
                lineStyle: { color: '#cf1322', type: 'dashed' },
                label: {
                  formatter: `${labels.target} ${targetText(target.comparator, target.value, indicator.unit)}`,
                  color: '#cf1322',
                },
                data: [{ yAxis: target.value }],
              },
            }
          : {}),
      },
    ],
  };
}
