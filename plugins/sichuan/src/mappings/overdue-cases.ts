import { defineTable } from '@efficacy/plugin-sdk';

/**
 * Overdue cases by department (超期件): the list of cases the city government office reported
 * as overdue on the 一体化政务服务平台, one row per department (or street, community) with its
 * count, 合计 last. Xiqu's April 2022 report lists them in its text (3月17日至4月16日, 18 cases);
 * the layout is the one in tools/fixtures/README.md.
 */
export const OVERDUE_CASES_KIND = 'overdue-cases';

export const overdueCasesTable = defineTable({
  name: 'overdue-cases',
  unit: { header: ['部门', '单位', '单位名称'] },
  columns: {
    overdue: {
      header: ['超期件数', '超期件', '超期办件数'],
      kind: 'count',
      measure: 'cases.overdue',
    },
  },
  // A 备注 column (reason, case number) is read by nobody yet; not an unknown column.
  ignore: ['备注'],
});
