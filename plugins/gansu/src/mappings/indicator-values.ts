import { defineTable } from '@efficacy/plugin-sdk';

import { REGION_TOTAL_LABELS } from './regions';

export const INDICATOR_VALUES_KIND = 'indicator-values';

/**
 * Indicator values per unit and period: a layout Efficacy defines for Gansu (the seed prints
 * none; see README, "指标完成情况"). One row per unit, indicator and period, long format:
 * 序号, 上级单位 (optional, for a unit under another: 郊区工作办公室 → 新城镇), 单位, 指标,
 * 期间 (optional), 数值, 分子 and 分母 (optional counts). Which code 数值, 分子 and 分母
 * become depends on the row's 指标 (mappings/indicators.ts), so they are read as text here
 * and parsed per row.
 */
export const indicatorValuesTable = defineTable({
  name: 'indicator-values',
  unit: { header: ['上级单位', '单位', '单位名称', '单位/部门', '部门'] },
  serial: { header: ['序号', '编号'] },
  columns: {
    indicator: { header: ['指标', '指标名称'], kind: 'text' },
    period: { header: ['期间', '统计期间', '统计时段'], kind: 'text', required: false },
    value: { header: ['数值', '指标值'], kind: 'text' },
    numerator: { header: '分子', kind: 'text', required: false },
    denominator: { header: '分母', kind: 'text', required: false },
  },
  rows: { totalLabels: REGION_TOTAL_LABELS },
});
