import { defineTable } from '@efficacy/plugin-sdk';

import { UNIT_HEADERS } from './units';

/**
 * 附件6 政务服务事项办件量情况统计表: 序号, 单位名称, 部门报送数据, 电子监察数据, 综窗办理数据; 总计 last.
 * One volume from three sources: the department's own report, the e-supervision system and the
 * integrated window. They disagree when work bypasses the hall (明进暗不进), which is why the
 * bulletin prints them side by side. The bulletin reads the table as 1-6月 (“结合1-6月份政务服务
 * 事项办件量统计情况”), so the columns are year-to-date beside the month of the batch.
 */
export const caseVolumesTable = defineTable({
  name: 'annex-6-case-volumes',
  unit: { header: UNIT_HEADERS },
  columns: {
    departmentReport: {
      header: '部门报送数据',
      kind: 'count',
      measure: 'case_volume.department_report',
      period: 'year-to-date',
    },
    eSupervision: {
      header: '电子监察数据',
      kind: 'count',
      measure: 'case_volume.e_supervision',
      period: 'year-to-date',
    },
    integratedWindow: {
      header: '综窗办理数据',
      kind: 'count',
      measure: 'case_volume.integrated_window',
      period: 'year-to-date',
    },
  },
});
