import { defineTable } from '@efficacy/plugin-sdk';

import { REGION_TOTAL_LABELS } from './regions';

/**
 * Jinfeng 附件1 各单位事项覆盖率情况. Not printed in the bulletin; the layout is the one defined
 * from its text (tools/fixtures/README.md): 序号, 单位/部门, 事项数, 有办件事项数, 其中：审批事项,
 * 其中：便民事项, 事项覆盖率. The two 其中 columns split 有办件事项数 (370 + 102 = 472).
 */
export const itemCoverageTable = defineTable({
  name: 'annex-1-item-coverage',
  unit: { header: ['单位/部门', '单位', '部门'] },
  columns: {
    items: { header: '事项数', kind: 'count', measure: 'items' },
    withCases: {
      header: ['有办件事项数', '产生办件的事项数'],
      kind: 'count',
      measure: 'items.with_cases',
    },
    withCasesApproval: {
      header: ['其中：审批事项', '审批事项'],
      kind: 'count',
      measure: 'items.with_cases.approval',
    },
    withCasesConvenience: {
      header: ['其中：便民事项', '便民事项'],
      kind: 'count',
      measure: 'items.with_cases.convenience',
    },
    coverage: { header: '事项覆盖率', kind: 'percent', indicator: 'item_coverage' },
  },
  rows: { totalLabels: REGION_TOTAL_LABELS },
});
