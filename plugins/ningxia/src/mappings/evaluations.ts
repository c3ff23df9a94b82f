import { defineTable } from '@efficacy/plugin-sdk';

import { REGION_TOTAL_LABELS } from './regions';

/**
 * Lingwu H1 analysis, 二(四) 好差评 (layout defined in tools/fixtures/README.md): 单位,
 * 评价次数总计, 线上评价数, 线下评价数, 好差评评价率, 群众满意度, 差评整改率; one row, the city.
 *
 * Here 线下评价数 counts evaluations (次: 2982 + 22495 = 25477), so it is
 * `evaluations.offline`, unlike Jinfeng's annex 2 where the same label counts evaluated cases.
 */
export const evaluationsTable = defineTable({
  name: 'lingwu-evaluations',
  unit: { header: ['单位', '单位/部门', '地区'] },
  columns: {
    evaluations: { header: ['评价次数总计', '评价次数'], kind: 'count', measure: 'evaluations' },
    online: { header: '线上评价数', kind: 'count', measure: 'evaluations.online' },
    offline: { header: '线下评价数', kind: 'count', measure: 'evaluations.offline' },
    evaluationRate: {
      header: ['好差评评价率', '评价率'],
      kind: 'percent',
      indicator: 'evaluation_rate',
    },
    satisfaction: { header: ['群众满意度', '满意度'], kind: 'percent', indicator: 'satisfaction' },
    rectification: {
      header: ['差评整改率', '整改率'],
      kind: 'percent',
      indicator: 'bad_review_rectification_rate',
    },
  },
  rows: { totalLabels: REGION_TOTAL_LABELS },
});
