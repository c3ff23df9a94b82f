import { defineTable } from '@efficacy/plugin-sdk';

import { REGION_TOTAL_LABELS } from './regions';

/**
 * Cases per department of a county's service hall (市民服务大厅), with the hall's groups as
 * section rows (审批部门, 商业服务机构), each closed by a 小计, and a 合计 last: 中宁县
 * 2021年第二季度政务服务工作情况的通报, 一、(一) (layout defined in tools/fixtures/README.md).
 */
export const hallVolumesTable = defineTable({
  name: 'hall-case-volumes',
  unit: { header: ['单位', '部门', '单位/部门', '窗口', '进驻单位'] },
  columns: {
    cases: { header: ['办件量', '办件数', '受理量'], kind: 'count', measure: 'cases' },
  },
  rows: { totalLabels: REGION_TOTAL_LABELS },
});
