import { defineTable } from '@efficacy/plugin-sdk';

import { REGION_TOTAL_LABELS } from './regions';

/**
 * Jinfeng 附件4 各单位超期件情况 (defined from the text): 办件量, 正常办结, 超期, 超期办结,
 * 超期未办, 超期率. 超期 = 超期办结 + 超期未办 (2808 = 2779 + 29); 超期率 = 超期 / 办件量.
 */
export const overdueTable = defineTable({
  name: 'annex-4-overdue',
  unit: { header: ['单位/部门', '单位', '部门'] },
  columns: {
    cases: { header: '办件量', kind: 'count', measure: 'cases' },
    finishedNormal: { header: '正常办结', kind: 'count', measure: 'cases.finished_normal' },
    overdue: { header: ['超期', '超期件'], kind: 'count', measure: 'cases.overdue' },
    finishedLate: { header: '超期办结', kind: 'count', measure: 'cases.finished_late' },
    unfinishedLate: { header: '超期未办', kind: 'count', measure: 'cases.unfinished_late' },
    overdueRate: { header: '超期率', kind: 'percent', indicator: 'overdue_rate' },
  },
  rows: { totalLabels: REGION_TOTAL_LABELS },
});
