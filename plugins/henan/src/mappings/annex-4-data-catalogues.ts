import { defineTable } from '@efficacy/plugin-sdk';

import { UNIT_HEADERS } from './units';

/**
 * 附件4 政务信息资源发布情况统计表: 序号, 单位名称, 已发布资源目录数, 已挂载资源目录数, 资源数据总量,
 * 资源挂载率, 资源使用情况, 资源被使用情况. The 殷都区 row on top is the county total. The last two
 * columns are printed empty and the model has no code for them (subscriptions made / received,
 * judging by the bulletin's text); they are deliberately not listed in `ignore`, so a file that
 * fills them raises UNKNOWN_COLUMN instead of losing the figures silently.
 */
export const dataCataloguesTable = defineTable({
  name: 'annex-4-data-catalogues',
  unit: { header: UNIT_HEADERS },
  columns: {
    published: { header: '已发布资源目录数', kind: 'count', measure: 'catalogues.published' },
    mounted: { header: '已挂载资源目录数', kind: 'count', measure: 'catalogues.mounted' },
    records: { header: '资源数据总量', kind: 'count', measure: 'catalogues.records' },
    mountRate: { header: '资源挂载率', kind: 'percent', indicator: 'catalogue_mount_rate' },
  },
});
