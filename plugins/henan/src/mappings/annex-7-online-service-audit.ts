import { defineTable } from '@efficacy/plugin-sdk';

import { UNIT_HEADERS } from './units';

/**
 * 附件7 政务服务网第二批网办问题排查清单: 序号, 单位名称, 排查事项总数, 已完成事项, 未完成事项, 完成率,
 * 备注; 合计 last. 备注 is read as text: 房管局's "无需排查" (no audit needed) makes its 完成率 0.00%
 * not applicable (not ranked last) while its counts stay as printed; any other remark is
 * repeated as a warning in the dry run (lib/remarks.ts).
 */
export const onlineServiceAuditTable = defineTable({
  name: 'annex-7-online-service-audit',
  unit: { header: UNIT_HEADERS },
  columns: {
    listed: { header: '排查事项总数', kind: 'count', measure: 'audit.listed' },
    done: { header: '已完成事项', kind: 'count', measure: 'audit.done' },
    pending: { header: '未完成事项', kind: 'count', measure: 'audit.pending' },
    completion: { header: '完成率', kind: 'percent', indicator: 'online_audit_completion_rate' },
    remark: { header: '备注', kind: 'text', required: false },
  },
});
