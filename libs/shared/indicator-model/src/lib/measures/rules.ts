import { MEASURES, type MeasureCode } from './catalogue';

/**
 * Plausibility rules shipped with the catalogue and run by the engine on every import.
 * The id is the stable code of the warning a violation produces.
 */
export interface NotGreaterRule {
  readonly kind: 'not-greater';
  readonly id: string;
  /** Must not exceed `than`. */
  readonly measure: MeasureCode;
  readonly than: MeasureCode;
  readonly descriptionZh: string;
  readonly descriptionEn: string;
}

export interface PartsRule {
  readonly kind: 'parts';
  readonly id: string;
  readonly whole: MeasureCode;
  readonly parts: readonly MeasureCode[];
  readonly descriptionZh: string;
  readonly descriptionEn: string;
}

export type MeasureRule = NotGreaterRule | PartsRule;

function notGreater(
  id: string,
  measure: MeasureCode,
  than: MeasureCode,
  descriptionZh: string,
  descriptionEn: string,
): NotGreaterRule {
  return { kind: 'not-greater', id, measure, than, descriptionZh, descriptionEn };
}

export const NOT_GREATER_RULES: readonly NotGreaterRule[] = [
  notGreater(
    'offline-evaluated-le-offline-cases',
    'cases.offline.evaluated',
    'cases.offline',
    '线下评价数不应超过线下办件数',
    'offline cases evaluated cannot exceed offline cases',
  ),
  notGreater(
    'items-with-cases-le-items',
    'items.with_cases',
    'items',
    '产生办件的事项数不应超过事项数',
    'items with cases cannot exceed items',
  ),
  notGreater(
    'immediate-items-le-items',
    'items.immediate',
    'items',
    '即办件事项数不应超过事项数',
    'immediate items cannot exceed items',
  ),
  notGreater(
    'contactless-items-le-items',
    'items.contactless',
    'items',
    '不见面审批事项数不应超过事项数',
    'contactless items cannot exceed items',
  ),
  notGreater(
    'published-items-le-claimed',
    'items.published',
    'items.claimed',
    '已发布事项数不应超过已认领事项数',
    'published items cannot exceed claimed items',
  ),
  notGreater(
    'promised-days-le-legal-days',
    'time_limit.promised_days',
    'time_limit.legal_days',
    '承诺时限不应超过法定时限',
    'promised time limits cannot exceed legal ones',
  ),
  notGreater(
    'overdue-le-cases',
    'cases.overdue',
    'cases',
    '超期件不应超过办件量',
    'overdue cases cannot exceed cases',
  ),
  notGreater(
    'rectified-le-bad-reviews',
    'evaluations.bad_rectified',
    'evaluations.bad',
    '已整改差评数不应超过差评数',
    'rectified bad reviews cannot exceed bad reviews',
  ),
  notGreater(
    'complaints-finished-le-received',
    'complaints.finished',
    'complaints.received',
    '已办结投诉不应超过收到的投诉',
    'finished complaints cannot exceed received ones',
  ),
  notGreater(
    'accepted-le-applications',
    'applications.accepted',
    'applications',
    '受理件不应超过申请件',
    'accepted applications cannot exceed applications',
  ),
  notGreater(
    'finished-le-accepted',
    'applications.finished',
    'applications.accepted',
    '办结件不应超过受理件',
    'finished applications cannot exceed accepted ones',
  ),
  notGreater(
    'mounted-catalogues-le-published',
    'catalogues.mounted',
    'catalogues.published',
    '已挂载资源目录数不应超过已发布数',
    'mounted catalogues cannot exceed published ones',
  ),
  notGreater(
    'main-items-covered-le-main-items',
    'supervision.main_items.covered',
    'supervision.main_items',
    '主项覆盖数不应超过主项数',
    'covered main items cannot exceed main items',
  ),
  notGreater(
    'inspection-covered-le-count',
    'supervision.sub_items.inspection.covered',
    'supervision.sub_items.inspection',
    '行政检查覆盖数不应超过个数',
    'covered inspection sub-items cannot exceed sub-items',
  ),
  notGreater(
    'penalty-covered-le-count',
    'supervision.sub_items.penalty.covered',
    'supervision.sub_items.penalty',
    '行政处罚覆盖数不应超过个数',
    'covered penalty sub-items cannot exceed sub-items',
  ),
  notGreater(
    'enforcement-covered-le-count',
    'supervision.sub_items.enforcement.covered',
    'supervision.sub_items.enforcement',
    '行政强制覆盖数不应超过个数',
    'covered enforcement sub-items cannot exceed sub-items',
  ),
  notGreater(
    'other-covered-le-count',
    'supervision.sub_items.other.covered',
    'supervision.sub_items.other',
    '其他子项覆盖数不应超过个数',
    'covered other sub-items cannot exceed sub-items',
  ),
  notGreater(
    'audit-done-le-listed',
    'audit.done',
    'audit.listed',
    '已完成排查事项不应超过排查事项总数',
    'audited items cannot exceed listed ones',
  ),
  notGreater(
    'staff-on-leave-le-stationed',
    'staff.on_leave',
    'staff.stationed',
    '请假人数不应超过入驻总人数',
    'staff on leave cannot exceed staff stationed',
  ),
  notGreater(
    'filed-seals-le-required',
    'seals.filed',
    'seals.required',
    '已备案电子印章数不应超过应备案数',
    'filed seals cannot exceed required ones',
  ),
];

/** One rule per decomposition in the measure catalogue ("online + offline = cases", …). */
export const PARTS_RULES: readonly PartsRule[] = MEASURES.flatMap((definition) =>
  (definition.decompositions ?? []).map(
    (decomposition): PartsRule => ({
      kind: 'parts',
      id: decomposition.id,
      whole: definition.code,
      parts: decomposition.parts as readonly MeasureCode[],
      descriptionZh: `${definition.labelZh}应等于各分项之和`,
      descriptionEn: `${definition.labelEn} must equal the sum of its parts`,
    }),
  ),
);

export const MEASURE_RULES: readonly MeasureRule[] = [...NOT_GREATER_RULES, ...PARTS_RULES];
