import { defineTable } from '@efficacy/plugin-sdk';

import { REGION_TOTAL_LABELS } from './regions';

/**
 * Jinfeng 附件3 各单位电子证照录入情况 (defined from the text): 绑定电子证照模板数(种),
 * 已录入电子证照种类(种), then one 入库总量 column per year and a growth rate, whose labels
 * carry their period (2020年入库总量(个), 2021年入库总量(个), 2021年入库增长率,
 * 2022年1-8月入库总量(个)). The years move with every edition, so those columns are found
 * by the patterns below rather than by fixed labels.
 */
export const eLicenceTable = defineTable({
  name: 'annex-3-e-licences',
  unit: { header: ['单位/部门', '单位', '部门'] },
  columns: {
    typesBound: {
      header: ['绑定电子证照模板数(种)', '绑定电子证照模板数'],
      kind: 'count',
      measure: 'elicence.types_bound',
    },
    typesWithRecords: {
      header: ['已录入电子证照种类(种)', '已录入电子证照种类'],
      kind: 'count',
      measure: 'elicence.types_with_records',
    },
  },
  rows: { totalLabels: REGION_TOTAL_LABELS },
});

export interface PeriodColumnPattern {
  /** Matched against the normalised header label; group 1 is the period phrase. */
  readonly pattern: RegExp;
  readonly kind: 'count' | 'percent';
  readonly measure?: string;
  readonly indicator?: string;
}

export const ELICENCE_PERIOD_COLUMNS: readonly PeriodColumnPattern[] = [
  { pattern: /^(.+)入库总量$/, kind: 'count', measure: 'elicence.records_added' },
  { pattern: /^(.+)入库增长率$/, kind: 'percent', indicator: 'elicence_growth' },
];
