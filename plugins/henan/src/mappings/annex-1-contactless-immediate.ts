import { defineTable } from '@efficacy/plugin-sdk';

import { UNIT_HEADERS } from './units';

/**
 * 附件1 不见面审批、即办件情况统计表: 序号, 单位, 事项总数, 不见面审批事项占比, 即办件事项数,
 * 即办件事项占比. The 合计 row is printed first, above the units. Only the share of contactless
 * items is printed, not their count, so 不见面审批 is a reported indicator only.
 */
export const contactlessImmediateTable = defineTable({
  name: 'annex-1-contactless-immediate',
  unit: { header: UNIT_HEADERS },
  columns: {
    items: { header: '事项总数', kind: 'count', measure: 'items' },
    contactlessShare: {
      header: '不见面审批事项占比',
      kind: 'percent',
      indicator: 'contactless_item_share',
    },
    immediateItems: { header: '即办件事项数', kind: 'count', measure: 'items.immediate' },
    immediateShare: {
      header: '即办件事项占比',
      kind: 'percent',
      indicator: 'immediate_item_share',
    },
  },
});
