import type { Assessment, Signal, Warning } from '@efficacy/api-contract';
import { JINFENG } from '@efficacy/console/core/testing';

const PERIOD = '2022-01..2022-08';
const CELL = {
  importId: 'i1',
  adapterId: 'ningxia',
  adapterVersion: '1.0.0',
  file: 'jinfeng-2022-01to08-annex2-haochaping.xlsx',
  sheet: '附件2',
  row: 21,
  column: 'F',
};

export const SIGNALS: Signal[] = [
  {
    kind: 'zero-case-unit',
    severity: 'medium',
    subject: { kind: 'unit', id: '640106:yczmj' },
    period: PERIOD,
    figures: { cases: 0 },
    cells: [CELL],
    messageZh: '区烟草专卖局本期办件量为0',
    messageEn: 'District tobacco monopoly bureau has no cases this period',
  },
  {
    kind: 'zero-case-items',
    severity: 'high',
    subject: { kind: 'unit', id: '640106:cl' },
    period: PERIOD,
    figures: { items: 12, itemsWithCases: 0, itemsWithoutCases: 12 },
    cells: [],
    messageZh: '区残联12项事项中12项本期零办件',
    messageEn: '12 of 12 items of the disabled persons federation had no case this period',
  },
  {
    kind: 'test-case-only-items',
    severity: 'medium',
    subject: { kind: 'unit', id: '640106:spj' },
    period: PERIOD,
    figures: { items: 3 },
    cells: [CELL],
    messageZh: '审批局有3项事项仅靠“测试件”计为有办件',
    messageEn: '3 items of the approval bureau count as covered only through labelled test cases',
  },
  {
    kind: 'case-volume-sources-disagree',
    severity: 'high',
    subject: { kind: 'unit', id: '640106:tyjr' },
    period: PERIOD,
    figures: { department: 900, supervision: 2000, window: 18 },
    cells: [],
    messageZh: '退役军人事务局办件量：部门上报900件、电子监察2000件、综合窗口18件',
    messageEn: 'Veterans affairs bureau case volumes disagree',
    pattern: 'bypasses-hall',
  },
];

export const WARNINGS: Warning[] = [
  {
    code: 'reported-rate-matches-counts',
    severity: 'warning',
    subject: { kind: 'unit', id: '640106:fengdeng-mszx' },
    period: PERIOD,
    cell: CELL,
    expected: 96.32,
    actual: 96.31,
    messageZh: '丰登镇民生服务中心印刷的参评率96.31%与366/380=96.32%不一致',
    messageEn: 'The printed rate 96.31% of Fengdeng does not round from 366/380 = 96.32%',
    hintsZh: ['按截断而非四舍五入'],
    hintsEn: ['truncated, not rounded'],
  },
];

/** The Jinfeng assessment of the console's fixtures, with signals and discrepancies. */
export const JINFENG_WITH_FINDINGS: Assessment = {
  ...JINFENG,
  signals: SIGNALS,
  warnings: WARNINGS,
};
