import { defineTable } from '@efficacy/plugin-sdk';

/**
 * 好差评 summary on the five-level scale of the Sichuan 好差评 system (非常满意, 满意, 基本满意,
 * 不满意, 非常不满意), with 满意率 and 主动评价率: one row per unit, or, as 利州区 publishes it
 * (June 2020), only the district's 合计 row. Levels a file does not print may be left out.
 */
export const EVALUATION_SUMMARY_KIND = 'evaluation-summary';

export const evaluationSummaryTable = defineTable({
  name: 'evaluation-summary',
  unit: { header: ['地区', '单位', '部门', '窗口'] },
  columns: {
    evaluations: {
      header: ['评价数', '评价总数', '评价结果'],
      kind: 'count',
      measure: 'evaluations',
    },
    verySatisfied: {
      header: '非常满意',
      kind: 'count',
      measure: 'evaluations.very_satisfied',
    },
    satisfied: { header: '满意', kind: 'count', measure: 'evaluations.satisfied', required: false },
    basicallySatisfied: {
      header: '基本满意',
      kind: 'count',
      measure: 'evaluations.basically_satisfied',
      required: false,
    },
    dissatisfied: {
      header: '不满意',
      kind: 'count',
      measure: 'evaluations.dissatisfied',
      required: false,
    },
    veryDissatisfied: {
      header: '非常不满意',
      kind: 'count',
      measure: 'evaluations.very_dissatisfied',
      required: false,
    },
    satisfaction: {
      header: ['满意率', '满意度'],
      kind: 'percent',
      indicator: 'satisfaction',
      required: false,
    },
    activeEvaluationRate: {
      header: '主动评价率',
      kind: 'percent',
      indicator: 'active_evaluation_rate',
      required: false,
    },
  },
});
