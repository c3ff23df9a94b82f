import type { MeasureCode } from '@efficacy/indicator-model';

/** Where a column's figure comes from: a base count, or an indicator as printed or derived. */
export type AnnexSource =
  | { readonly measure: MeasureCode; readonly yearsBack?: number }
  | { readonly indicator: string; readonly percentSign?: boolean; readonly yearsBack?: number }
  | { readonly note: true };

export interface AnnexColumnSpec {
  /**
   * As printed; {period} is the bulletin's period label, {year-1} and {year-2} the years
   * before its year (2021年入库总量(个)).
   */
  readonly header: string;
  readonly group?: string;
  readonly source: AnnexSource;
}

/**
 * An annex layout learned from the seed bulletins: which units appear (those with a figure for
 * `keyMeasure` in the period, in the order the source listed them, or ranked by `sortBy`), the
 * columns, and where the region's 合计 row goes.
 */
export interface AnnexSpec {
  readonly code: string;
  /** Filled with the place and period label: 金凤区2022年1-8月政务服务系统各单位“好差评”情况 */
  readonly title: (place: string, periodLabel: string) => string;
  /** Short name for the annex list in the body text. */
  readonly listName: (place: string) => string;
  readonly keyMeasure: MeasureCode;
  /** Units with a printed figure for this indicator are listed too (a rate-only table). */
  readonly keyIndicator?: string;
  readonly nameHeader: string;
  readonly columns: readonly AnnexColumnSpec[];
  readonly total: 'top' | 'bottom';
  readonly totalLabel: 'total' | 'region';
  /** Ranked by this indicator, best first; ties keep the source's order. */
  readonly sortBy?: string;
  /** Print the parent region's benchmark row (安阳市 above 殷都区) when the source had one. */
  readonly benchmark?: boolean;
  readonly note?: string;
}

const pct = (header: string, indicator: string, percentSign = false): AnnexColumnSpec => ({
  header,
  source: { indicator, percentSign },
});
const count = (header: string, measure: MeasureCode, group?: string): AnnexColumnSpec => ({
  header,
  source: { measure },
  ...(group ? { group } : {}),
});
const countBack = (header: string, measure: MeasureCode, yearsBack: number): AnnexColumnSpec => ({
  header,
  source: { measure, yearsBack },
});

/** What an annex whose source listed only its 合计 row says under the table. */
export const TOTAL_ONLY_NOTE = '备注：导入的源表只有合计行，各单位数据未导入，故只列合计。';

export const ANNEX_SPECS: readonly AnnexSpec[] = [
  {
    code: 'item-coverage',
    title: (place, period) => `${place}${period}政务服务系统各单位事项覆盖率情况`,
    listName: () => '各单位事项覆盖率情况',
    keyMeasure: 'items.with_cases',
    keyIndicator: 'item_coverage',
    nameHeader: '单位/部门',
    columns: [
      count('事项数', 'items'),
      count('产生办件事项数', 'items.with_cases'),
      pct('事项覆盖率 (%)', 'item_coverage'),
    ],
    total: 'bottom',
    totalLabel: 'total',
    sortBy: 'item_coverage',
  },
  {
    code: 'good-bad-review',
    title: (place, period) => `${place}${period}政务服务系统各单位“好差评”情况`,
    listName: () => '各单位“好差评”情况',
    keyMeasure: 'cases.offline',
    nameHeader: '单位/部门',
    columns: [
      count('办件量', 'cases'),
      count('线上办件数', 'cases.online'),
      count('线下办件数', 'cases.offline'),
      count('线下评价数', 'cases.offline.evaluated'),
      pct('线下参评率 (%)', 'offline_evaluation_rate'),
      pct('满意度 (%)', 'satisfaction'),
    ],
    total: 'bottom',
    totalLabel: 'total',
    note: '备注：标“/”单位评价系统未联通。',
  },
  {
    code: 'e-licences',
    title: (place, period) => `${place}${period}政务服务系统各单位电子证照录入情况`,
    listName: () => '各单位电子证照录入情况',
    keyMeasure: 'elicence.types_bound',
    nameHeader: '单位/部门',
    columns: [
      count('绑定电子证照模板数(种)', 'elicence.types_bound'),
      count('已录入电子证照种类(种)', 'elicence.types_with_records'),
      countBack('{year-2}年入库总量(个)', 'elicence.records_added', 2),
      countBack('{year-1}年入库总量(个)', 'elicence.records_added', 1),
      {
        header: '{year-1}年入库增长率',
        source: { indicator: 'elicence_growth', percentSign: true, yearsBack: 1 },
      },
      count('{period}入库总量(个)', 'elicence.records_added'),
    ],
    total: 'bottom',
    totalLabel: 'total',
  },
  {
    code: 'overdue',
    title: (place, period) => `${place}${period}政务服务系统各单位超期件情况`,
    listName: () => '各单位超期件情况',
    keyMeasure: 'cases.finished_normal',
    nameHeader: '单位/部门',
    columns: [
      count('办件量', 'cases'),
      count('正常办结', 'cases.finished_normal'),
      count('超期', 'cases.overdue'),
      count('超期办结', 'cases.finished_late'),
      count('超期未办', 'cases.unfinished_late'),
      pct('超期率', 'overdue_rate', true),
    ],
    total: 'bottom',
    totalLabel: 'total',
  },
  {
    code: 'failed-pre-review',
    title: (place, period) => `${place}${period}政务服务系统各单位预审不通过办件情况`,
    listName: () => '各单位预审不通过办件情况',
    keyMeasure: 'cases.pre_review_rejected',
    nameHeader: '单位/部门',
    columns: [
      count('预审不通过办件数', 'cases.pre_review_rejected'),
      count('其中：审批系统预审不通过办件数', 'cases.pre_review_rejected.approval_system'),
      count('其中：便民系统预审不通过办件数', 'cases.pre_review_rejected.convenience_system'),
    ],
    total: 'bottom',
    totalLabel: 'total',
  },
  {
    code: 'contactless-immediate',
    title: (place) => `${place}不见面审批、即办件情况统计表`,
    listName: (place) => `${place}不见面审批、即办件情况统计表`,
    keyMeasure: 'items.immediate',
    nameHeader: '单位',
    columns: [
      count('事项总数', 'items'),
      pct('不见面审批事项占比', 'contactless_item_share', true),
      count('即办件事项数', 'items.immediate'),
      pct('即办件事项占比', 'immediate_item_share', true),
    ],
    total: 'top',
    totalLabel: 'total',
    sortBy: 'immediate_item_share',
  },
  {
    code: 'time-limit-compression',
    title: (place) => `${place}政务服务事项压缩办理时限统计表`,
    listName: (place) => `${place}政务服务事项压缩办理时限统计表`,
    keyMeasure: 'time_limit.legal_days',
    nameHeader: '单位',
    columns: [
      count('事项总数', 'items'),
      count('法定时限（工作日）', 'time_limit.legal_days'),
      count('承诺时限（工作日）', 'time_limit.promised_days'),
      count('即办件事项数', 'items.immediate'),
      count('一日办结事项数', 'items.one_day'),
      count('非一日办结事项数', 'items.other'),
      pct('压缩比例', 'time_limit_compression', true),
    ],
    total: 'top',
    totalLabel: 'total',
    sortBy: 'time_limit_compression',
  },
  {
    code: 'data-catalogues',
    title: (place) => `${place}政务信息资源发布情况统计表`,
    listName: (place) => `${place}政务信息资源发布情况统计表`,
    keyMeasure: 'catalogues.published',
    nameHeader: '单位名称',
    columns: [
      count('已发布资源目录数', 'catalogues.published'),
      count('已挂载资源目录数', 'catalogues.mounted'),
      count('资源数据总量', 'catalogues.records'),
      pct('资源挂载率', 'catalogue_mount_rate', true),
    ],
    total: 'top',
    totalLabel: 'region',
    sortBy: 'catalogue_mount_rate',
  },
  {
    code: 'internet-plus-supervision',
    title: (place) => `${place}“互联网+监管”数据汇集情况统计表`,
    listName: (place) => `${place}“互联网+监管”数据汇集情况统计表`,
    keyMeasure: 'supervision.main_items',
    nameHeader: '区划/部门',
    columns: [
      count('事项主项数', 'supervision.main_items'),
      count('主项覆盖数', 'supervision.main_items.covered'),
      pct('主项覆盖率', 'supervision_main_item_coverage', true),
      count('个数', 'supervision.sub_items.inspection', '行政检查'),
      count('覆盖数', 'supervision.sub_items.inspection.covered', '行政检查'),
      count('汇聚数', 'supervision.sub_items.inspection.collected', '行政检查'),
      count('个数', 'supervision.sub_items.penalty', '行政处罚'),
      count('覆盖数', 'supervision.sub_items.penalty.covered', '行政处罚'),
      count('汇聚数', 'supervision.sub_items.penalty.collected', '行政处罚'),
      count('个数', 'supervision.sub_items.enforcement', '行政强制'),
      count('覆盖数', 'supervision.sub_items.enforcement.covered', '行政强制'),
      count('汇聚数', 'supervision.sub_items.enforcement.collected', '行政强制'),
      count('个数', 'supervision.sub_items.other', '其他'),
      count('覆盖数', 'supervision.sub_items.other.covered', '其他'),
      count('汇聚数', 'supervision.sub_items.other.collected', '其他'),
      pct('子项覆盖率', 'supervision_sub_item_coverage', true),
    ],
    total: 'top',
    totalLabel: 'region',
    benchmark: true,
    sortBy: 'supervision_main_item_coverage',
  },
  {
    code: 'online-service-audit',
    title: (place) => `${place}政务服务网网办问题排查清单`,
    listName: (place) => `${place}政务服务网网办问题排查清单`,
    keyMeasure: 'audit.listed',
    nameHeader: '单位名称',
    columns: [
      count('排查事项总数', 'audit.listed'),
      count('已完成事项', 'audit.done'),
      count('未完成事项', 'audit.pending'),
      pct('完成率', 'online_audit_completion_rate', true),
    ],
    total: 'bottom',
    totalLabel: 'total',
    sortBy: 'online_audit_completion_rate',
  },
];
