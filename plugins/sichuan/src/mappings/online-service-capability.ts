import { defineTable } from '@efficacy/plugin-sdk';

/** 附件1 “一网通办”能力提升工作情况: one row per department, no total row. */
export const ONLINE_SERVICE_CAPABILITY_KIND = 'online-service-capability';

/**
 * Two header rows: 序号 and 部门 merged down both, 事项梳理 over C–I, 运行效能 over J–S. The
 * labels are matched on the lower row only, so a re-grouped upper row does not break the
 * mapping. Codes follow the model's demo dataset for the same annex
 * (libs/shared/indicator-model, demo/seeds/sichuan.ts).
 */
export const onlineServiceCapabilityTable = defineTable({
  name: 'annex-1-online-service-capability',
  unit: { header: '部门' },
  columns: {
    claimed: { header: '已认领', kind: 'count', measure: 'items.claimed' },
    unclaimed: { header: '待认领', kind: 'count', measure: 'items.unclaimed' },
    claimRate: { header: '认领率', kind: 'percent', indicator: 'claim_rate' },
    published: { header: '已发布', kind: 'count', measure: 'items.published' },
    publishRate: { header: '发布率', kind: 'percent', indicator: 'publish_rate' },
    guideAccuracy: { header: '办事指南准确率', kind: 'percent', indicator: 'guide_accuracy' },
    // Printed "梳理 完成率" (a wrapped cell); label matching ignores the space.
    sortingCompletion: {
      header: '梳理完成率',
      kind: 'percent',
      indicator: 'sorting_completion_rate',
    },
    overdueNew: { header: '新增超时件', kind: 'count', measure: 'cases.overdue' },
    overdueToDate: {
      header: '累计超时件',
      kind: 'count',
      measure: 'cases.overdue',
      period: 'year-to-date',
    },
    // The label does not say 累计, but it sits with the cumulative overdue count and the
    // model's demo dataset reads it as year to date; every printed figure is 0.00%, so the
    // source cannot settle it (see README, "Known quirks").
    overdueRate: {
      header: '超期率',
      kind: 'percent',
      indicator: 'overdue_rate',
      period: 'year-to-date',
    },
    cases: { header: '办件量', kind: 'count', measure: 'cases' },
    casesToDate: {
      header: '累计办件量',
      kind: 'count',
      measure: 'cases',
      period: 'year-to-date',
    },
    // 主动评价数: evaluations citizens gave on their own initiative; the model's `evaluations`.
    evaluations: { header: '主动评价数', kind: 'count', measure: 'evaluations' },
    evaluationsToDate: {
      header: '累计主动评价数',
      kind: 'count',
      measure: 'evaluations',
      period: 'year-to-date',
    },
    // Platform-computed on a basis it does not publish (区民政局: 173 evaluations for 152
    // cases is printed 95.05%), so it is kept as reported and never rebuilt from the counts.
    activeEvaluationRate: {
      header: '主动评价率',
      kind: 'percent',
      indicator: 'active_evaluation_rate',
    },
    activeEvaluationRateToDate: {
      header: '累计主动评价率',
      kind: 'percent',
      indicator: 'active_evaluation_rate',
      period: 'year-to-date',
    },
    // Reported without its counts: nothing in the file can rebuild it.
    caseCoverage: { header: '办件覆盖率', kind: 'percent', indicator: 'case_coverage' },
  },
});
