import type { MeasureCode } from '@efficacy/indicator-model';

/**
 * The Gansu (Jiayuguan) plan's 26 indicators: the labels a Gansu file prints for them, the
 * model's indicator code, and which base measures an indicator-values file's 分子 / 分母
 * columns hold. Labels are verbatim: the plan's heading as printed (half-width brackets, as
 * in 嘉政办发〔2022〕100号) first, then the model's Chinese name where it differs. Codes are
 * those of `GANSU_PLAN_INDICATORS` in @efficacy/indicator-model; a spec checks that every
 * entry agrees with the model's formula, so a change there cannot silently drift from here.
 */
export type GansuValueKind = 'percent' | 'number' | 'count';

export interface GansuIndicatorMapping {
  /** The plan's sequence number, (一) = 1 … (二十六) = 26. */
  readonly seq: number;
  readonly indicator: string;
  readonly labels: readonly string[];
  /** How the indicator's own figure is printed: percent points, a plain ratio, or a count. */
  readonly value: GansuValueKind;
  /**
   * Set when the indicator is a plain count of one base measure: its figure is that
   * measure, imported as a count rather than as a reported rate.
   */
  readonly measure?: MeasureCode;
  /** The base measure a 分子 column holds for this indicator. */
  readonly numerator?: MeasureCode;
  /** The base measure a 分母 column holds for this indicator. */
  readonly denominator?: MeasureCode;
  /** Why a printed 分子 or 分母 cannot be imported as one base measure (said in the warning). */
  readonly unmapped?: { readonly numerator?: string; readonly denominator?: string };
}

export const GANSU_INDICATORS: readonly GansuIndicatorMapping[] = [
  {
    seq: 1,
    indicator: 'required_evaluation_rate',
    labels: ['主动评价数据汇聚', '主动评价数据汇聚（评价率）'],
    value: 'percent',
    numerator: 'evaluations',
    unmapped: {
      denominator:
        'the denominator is 2 × offline cases + 3 × online cases, which the model reads as cases.offline and cases.online, not as one count',
    },
  },
  {
    seq: 2,
    indicator: 'bad_review_rectification_rate',
    labels: ['本年度差评整改率', '差评整改率'],
    value: 'percent',
    numerator: 'evaluations.bad_rectified',
    denominator: 'evaluations.bad',
  },
  {
    seq: 3,
    indicator: 'complaint_completion_rate',
    labels: ['投诉建议', '投诉建议办结率'],
    value: 'percent',
    numerator: 'complaints.finished',
    denominator: 'complaints.received',
  },
  {
    seq: 4,
    indicator: 'personal_users.new_registrations',
    labels: ['个人用户年度注册用户数'],
    value: 'count',
    measure: 'users.personal.registered_new',
  },
  {
    seq: 5,
    indicator: 'personal_users.total_registrations',
    labels: ['个人用户注册总数量'],
    value: 'count',
    measure: 'users.personal.registered_total',
  },
  {
    seq: 6,
    indicator: 'personal_users.profile_completeness',
    labels: ['个人用户本年度用户信息完备度'],
    value: 'percent',
    numerator: 'users.personal.complete_profiles_new',
    denominator: 'users.personal.registered_new',
  },
  {
    seq: 7,
    indicator: 'personal_users.activity',
    labels: ['个人用户活跃度'],
    value: 'percent',
    numerator: 'users.personal.active',
    denominator: 'users.personal.registered_total',
  },
  {
    seq: 8,
    indicator: 'legal_person_users.registration_rate',
    labels: ['法人用户企业注册率'],
    value: 'percent',
    numerator: 'users.legal_person.registered',
    denominator: 'users.legal_person.enterprises',
  },
  {
    seq: 9,
    indicator: 'legal_person_users.profile_completeness',
    labels: ['法人用户企业信息完备度'],
    value: 'percent',
    numerator: 'users.legal_person.complete_profiles',
    denominator: 'users.legal_person.registered',
  },
  {
    // 1 − promised / legal: 分子 is the promised days, 分母 the legal days.
    seq: 10,
    indicator: 'licensing.time_limit_compression',
    labels: ['承诺时限压缩比(行政许可)'],
    value: 'percent',
    numerator: 'licensing.time_limit.promised_days',
    denominator: 'licensing.time_limit.legal_days',
  },
  {
    seq: 11,
    indicator: 'licensing.visits_per_item',
    labels: ['平均跑动次数(行政许可)'],
    value: 'number',
    numerator: 'licensing.visits',
    denominator: 'licensing.items',
  },
  {
    seq: 12,
    indicator: 'licensing.immediate_item_share',
    labels: ['即办件占比(行政许可)'],
    value: 'percent',
    numerator: 'licensing.items.immediate',
    denominator: 'licensing.items',
  },
  {
    seq: 13,
    indicator: 'elicence_linked_item_share',
    labels: ['关联电子证照的事项占比'],
    value: 'percent',
    numerator: 'items.elicence_linked',
    denominator: 'items',
  },
  {
    seq: 14,
    indicator: 'catalogued_item_share',
    labels: ['编目事项数量', '编目事项数量（编目完成率）'],
    value: 'percent',
    numerator: 'items.catalogued',
    denominator: 'items.catalogue_scope',
  },
  {
    seq: 15,
    indicator: 'catalogue_coverage.power_items',
    labels: ['数据编目覆盖事项比例(行政权力)'],
    value: 'percent',
    numerator: 'items.power.catalogued',
    denominator: 'items.power',
  },
  {
    seq: 16,
    indicator: 'catalogue_coverage.public_service_items',
    labels: ['数据编目覆盖事项比例(公共服务)'],
    value: 'percent',
    numerator: 'items.public_service.catalogued',
    denominator: 'items.public_service',
  },
  {
    seq: 17,
    indicator: 'interface_uncalled_rate',
    labels: ['接口未调用率'],
    value: 'percent',
    numerator: 'interfaces.uncalled',
    denominator: 'interfaces.approved',
  },
  {
    seq: 18,
    indicator: 'interface_application_rate',
    labels: ['接口申请量', '接口申请量（申请覆盖率）'],
    value: 'percent',
    numerator: 'interfaces.applied',
    denominator: 'interfaces.national',
  },
  {
    seq: 19,
    indicator: 'elicence_types_collected',
    labels: ['证照汇聚类型'],
    value: 'count',
    measure: 'elicence.types_collected',
  },
  {
    seq: 20,
    indicator: 'elicence_records',
    labels: ['证照汇聚数量'],
    value: 'count',
    measure: 'elicence.records_total',
  },
  {
    seq: 21,
    indicator: 'elicence_sealed_type_ratio',
    labels: ['加盖电子印章电子证照种类情况', '加盖电子印章电子证照种类占比'],
    value: 'percent',
    numerator: 'elicence.types_sealed',
    denominator: 'elicence.types_claimed',
  },
  {
    seq: 22,
    indicator: 'seal_filing_rate',
    labels: ['电子印章备案率'],
    value: 'percent',
    numerator: 'seals.filed',
    denominator: 'seals.required',
  },
  {
    seq: 23,
    indicator: 'case_records_reported',
    labels: ['办件数据上报国办入库量'],
    value: 'count',
    measure: 'cases.reported_nationally',
  },
  {
    seq: 24,
    indicator: 'case_item_linkage',
    labels: ['办件信息与事项关联程度', '办件信息与事项关联度'],
    value: 'percent',
    numerator: 'items.with_cases',
    denominator: 'items',
  },
  {
    seq: 25,
    indicator: 'finely_sorted_item_share',
    labels: ['完成精细化梳理的事项占比'],
    value: 'percent',
    numerator: 'items.finely_sorted',
    denominator: 'items',
  },
  {
    seq: 26,
    indicator: 'guide_accuracy',
    labels: ['指南准确度', '办事指南准确率'],
    value: 'percent',
    unmapped: {
      numerator: 'the model takes guide accuracy as a reported rate only, with no base counts',
      denominator: 'the model takes guide accuracy as a reported rate only, with no base counts',
    },
  },
];

/**
 * The comparison key for an indicator label: NFKC (full-width brackets become half-width),
 * no whitespace, no quotes. Not the SDK's `normaliseLabel`: that strips a trailing "(…)" as
 * a unit annotation, which would merge 数据编目覆盖事项比例(行政权力) with (公共服务).
 */
export function indicatorLabelKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u200b\ufeff]+/g, '')
    .replace(/["'“”‘’]/g, '');
}

const BY_LABEL: ReadonlyMap<string, GansuIndicatorMapping> = new Map(
  GANSU_INDICATORS.flatMap((mapping) =>
    mapping.labels.map((label) => [indicatorLabelKey(label), mapping] as const),
  ),
);

export function findGansuIndicator(label: string): GansuIndicatorMapping | undefined {
  return BY_LABEL.get(indicatorLabelKey(label));
}
