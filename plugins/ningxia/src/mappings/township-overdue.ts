import { defineTable } from '@efficacy/plugin-sdk';

import { REGION_TOTAL_LABELS } from './regions';

/**
 * Lingwu H1 analysis, 三(三) 一是: overdue unfinished cases on the 一网通办 platform per
 * township (layout defined in tools/fixtures/README.md): 序号, 乡镇(街道), 超期未办件数. The
 * text prints no total, so neither does the table.
 */
export const townshipOverdueTable = defineTable({
  name: 'lingwu-overdue-by-township',
  unit: { header: ['乡镇(街道)', '乡镇', '街道'] },
  columns: {
    unfinishedLate: {
      header: ['超期未办件数', '超期未办'],
      kind: 'count',
      measure: 'cases.unfinished_late',
    },
  },
  rows: { totalLabels: REGION_TOTAL_LABELS },
});
