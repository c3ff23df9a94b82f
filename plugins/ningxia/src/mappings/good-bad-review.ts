import { defineTable } from '@efficacy/plugin-sdk';

import { REGION_TOTAL_LABELS } from './regions';

/**
 * Jinfeng bulletin 附件2 各单位“好差评”情况, exactly as printed: 序号, 单位/部门, 办件量,
 * 线上办件数, 线下办件数, 线下评价数, 线下参评率 (%), 满意度 (%); last row 合计; "/" where the
 * unit's evaluation system is not connected; a 备注 line ends the table.
 *
 * 线下评价数 here counts offline cases that were evaluated (the rate divides it by 线下办件数),
 * hence `cases.offline.evaluated`, not the number of evaluations (Lingwu's 线下评价数).
 */
export const goodBadReviewTable = defineTable({
  name: 'annex-2-good-bad-review',
  unit: { header: ['单位/部门', '单位', '部门'] },
  columns: {
    cases: { header: '办件量', kind: 'count', measure: 'cases' },
    online: { header: '线上办件数', kind: 'count', measure: 'cases.online' },
    offline: { header: '线下办件数', kind: 'count', measure: 'cases.offline' },
    offlineEvaluated: { header: '线下评价数', kind: 'count', measure: 'cases.offline.evaluated' },
    offlineRate: {
      header: ['线下参评率', '线下评价率'],
      kind: 'percent',
      indicator: 'offline_evaluation_rate',
    },
    satisfaction: { header: '满意度', kind: 'percent', indicator: 'satisfaction' },
  },
  rows: { totalLabels: REGION_TOTAL_LABELS },
});
