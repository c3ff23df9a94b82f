import { defineTable } from '@efficacy/plugin-sdk';

import { REGION_TOTAL_LABELS } from './regions';

/**
 * Jinfeng 附件5 各单位预审不通过办件情况 (defined from the text): 预审不通过办件数 and its split
 * by system (151 = 37 审批系统 + 114 便民系统).
 */
export const failedPreReviewTable = defineTable({
  name: 'annex-5-failed-pre-review',
  unit: { header: ['单位/部门', '单位', '部门'] },
  columns: {
    rejected: {
      header: '预审不通过办件数',
      kind: 'count',
      measure: 'cases.pre_review_rejected',
    },
    rejectedApproval: {
      header: ['其中：审批系统预审不通过办件数', '审批系统预审不通过办件数'],
      kind: 'count',
      measure: 'cases.pre_review_rejected.approval_system',
    },
    rejectedConvenience: {
      header: ['其中：便民系统预审不通过办件数', '便民系统预审不通过办件数'],
      kind: 'count',
      measure: 'cases.pre_review_rejected.convenience_system',
    },
  },
  rows: { totalLabels: REGION_TOTAL_LABELS },
});
