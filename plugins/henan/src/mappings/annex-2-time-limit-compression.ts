import { defineTable } from '@efficacy/plugin-sdk';

import { UNIT_HEADERS } from './units';

/**
 * 附件2 政务服务事项压缩办理时限统计表: 序号, 单位, 事项总数, 法定时限 (工作日), 承诺时限 (工作日),
 * 即办件事项数, 一日办结事项数, 非一日办结事项数, 压缩比例. 合计 first. The time limits are sums of
 * working days over a unit's items (the compression is 1 − Σ承诺 / Σ法定), so they are read as
 * plain numbers, not counts.
 */
export const timeLimitCompressionTable = defineTable({
  name: 'annex-2-time-limit-compression',
  unit: { header: UNIT_HEADERS },
  columns: {
    items: { header: '事项总数', kind: 'count', measure: 'items' },
    legalDays: { header: '法定时限(工作日)', kind: 'number', measure: 'time_limit.legal_days' },
    promisedDays: {
      header: '承诺时限(工作日)',
      kind: 'number',
      measure: 'time_limit.promised_days',
    },
    immediateItems: { header: '即办件事项数', kind: 'count', measure: 'items.immediate' },
    oneDayItems: { header: '一日办结事项数', kind: 'count', measure: 'items.one_day' },
    otherItems: { header: '非一日办结事项数', kind: 'count', measure: 'items.other' },
    compression: { header: '压缩比例', kind: 'percent', indicator: 'time_limit_compression' },
  },
});
