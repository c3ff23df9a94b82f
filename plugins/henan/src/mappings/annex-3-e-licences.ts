import { defineTable } from '@efficacy/plugin-sdk';

/**
 * 附件3 电子证照制作完成情况统计表: 序号, 单位名称, 证照类型名称, 已签章数量, 未签章数量. One row per
 * licence type; the department cell is merged down over its types, so every row is a record of
 * the department with the type as a dimension. The 殷都区 row on top (type printed "/") is the
 * county total. A csv export loses the merge and leaves the department blank below its first
 * type: `fillDown` restores it.
 */
export const eLicencesTable = defineTable({
  name: 'annex-3-e-licences',
  unit: { header: ['单位名称', '单位'], fillDown: true },
  dimensions: { licenceType: { header: '证照类型名称' } },
  columns: {
    signed: { header: '已签章数量', kind: 'count', measure: 'elicence.signed' },
    unsigned: { header: '未签章数量', kind: 'count', measure: 'elicence.unsigned' },
  },
});
