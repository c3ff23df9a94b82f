import { defineTable } from '@efficacy/plugin-sdk';
import type { ColumnSpec } from '@efficacy/plugin-sdk';

import { UNIT_HEADERS } from './units';

/** The four sub-item categories as printed in the second header row, with their model key. */
export const SUB_ITEM_CATEGORIES = [
  { label: '行政检查', key: 'inspection' },
  { label: '行政处罚', key: 'penalty' },
  { label: '行政强制', key: 'enforcement' },
  { label: '其他', key: 'other' },
] as const;

/** The three figures printed under each category in the third header row. */
const SUB_ITEM_FIGURES = [
  { label: '个数', suffix: '', key: 'Items' },
  { label: '覆盖数', suffix: '.covered', key: 'Covered' },
  { label: '汇聚数', suffix: '.collected', key: 'Collected' },
] as const;

/**
 * Header paths, not single labels: 个数/覆盖数/汇聚数 repeat under every category, so a column
 * is only identified by its category above it (['行政检查', '个数'] matches the end of the path
 * 子项数 / 行政检查 / 个数).
 */
const subItemColumns: Record<string, ColumnSpec> = Object.fromEntries(
  SUB_ITEM_CATEGORIES.flatMap((category) =>
    SUB_ITEM_FIGURES.map((figure): [string, ColumnSpec] => [
      `${category.key}${figure.key}`,
      {
        header: [[category.label, figure.label]],
        kind: 'count',
        measure: `supervision.sub_items.${category.key}${figure.suffix}`,
      },
    ]),
  ),
);

/**
 * 附件5 “互联网+监管”数据汇集情况统计表. Three header rows: 序号, 区划/部门, 事项主项数, 主项覆盖数,
 * 主项覆盖率 and 子项覆盖率 merged down all three; 子项数 over 行政检查/行政处罚/行政强制/其他, each
 * over 个数/覆盖数/汇聚数. The first body rows are 安阳市 (the city, a benchmark) and 殷都区 (the
 * county total); the adapter sets those row labels from the region in the title.
 */
export const internetPlusSupervisionTable = defineTable({
  name: 'annex-5-internet-plus-supervision',
  unit: { header: UNIT_HEADERS },
  columns: {
    mainItems: { header: '事项主项数', kind: 'count', measure: 'supervision.main_items' },
    mainItemsCovered: {
      header: '主项覆盖数',
      kind: 'count',
      measure: 'supervision.main_items.covered',
    },
    mainItemCoverage: {
      header: '主项覆盖率',
      kind: 'percent',
      indicator: 'supervision_main_item_coverage',
    },
    ...subItemColumns,
    subItemCoverage: {
      header: '子项覆盖率',
      kind: 'percent',
      indicator: 'supervision_sub_item_coverage',
    },
  },
});
