import { defineTable } from '@efficacy/plugin-sdk';

/** 附件2 政务服务大厅部门窗口办件情况: cases per department window of the county hall. */
export const HALL_WINDOW_CASES_KIND = 'hall-window-cases';

export const hallWindowCasesTable = defineTable({
  name: 'annex-2-hall-window-cases',
  unit: { header: '部门' },
  columns: {
    // Printed "大厅窗口 办件数" (a wrapped cell); label matching ignores the space.
    hallWindowCases: { header: '大厅窗口办件数', kind: 'count', measure: 'cases.hall_window' },
  },
  // Printed empty for every window; read by nobody, so not reported as an unknown column.
  ignore: ['备注'],
});
