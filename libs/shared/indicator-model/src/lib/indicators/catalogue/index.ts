import type { IndicatorDefinition } from '../definition';
import { CASE_INDICATORS, EVALUATION_INDICATORS, HOTLINE_INDICATORS } from './cases';
import { ITEM_INDICATORS } from './items';
import {
  DATA_SHARING_INDICATORS,
  ELICENCE_INDICATORS,
  SUPERVISION_INDICATORS,
  USER_INDICATORS,
} from './platform';

/** Every indicator definition shipped with Efficacy, all versions. */
export const INDICATOR_DEFINITIONS: readonly IndicatorDefinition[] = [
  ...ITEM_INDICATORS,
  ...CASE_INDICATORS,
  ...EVALUATION_INDICATORS,
  ...HOTLINE_INDICATORS,
  ...ELICENCE_INDICATORS,
  ...DATA_SHARING_INDICATORS,
  ...SUPERVISION_INDICATORS,
  ...USER_INDICATORS,
];

/**
 * The Gansu (Jiayuguan) plan's 26 tasks in printed order, (一) to (二十六), and the indicator
 * each one is measured by. The plan is a target set and a task list at once.
 */
export const GANSU_PLAN_INDICATORS: ReadonlyArray<{
  readonly seq: number;
  readonly titleZh: string;
  readonly indicator: string;
}> = [
  { seq: 1, titleZh: '主动评价数据汇聚', indicator: 'required_evaluation_rate' },
  { seq: 2, titleZh: '本年度差评整改率', indicator: 'bad_review_rectification_rate' },
  { seq: 3, titleZh: '投诉建议', indicator: 'complaint_completion_rate' },
  { seq: 4, titleZh: '个人用户年度注册用户数', indicator: 'personal_users.new_registrations' },
  { seq: 5, titleZh: '个人用户注册总数量', indicator: 'personal_users.total_registrations' },
  {
    seq: 6,
    titleZh: '个人用户本年度用户信息完备度',
    indicator: 'personal_users.profile_completeness',
  },
  { seq: 7, titleZh: '个人用户活跃度', indicator: 'personal_users.activity' },
  { seq: 8, titleZh: '法人用户企业注册率', indicator: 'legal_person_users.registration_rate' },
  {
    seq: 9,
    titleZh: '法人用户企业信息完备度',
    indicator: 'legal_person_users.profile_completeness',
  },
  { seq: 10, titleZh: '承诺时限压缩比（行政许可）', indicator: 'licensing.time_limit_compression' },
  { seq: 11, titleZh: '平均跑动次数（行政许可）', indicator: 'licensing.visits_per_item' },
  { seq: 12, titleZh: '即办件占比（行政许可）', indicator: 'licensing.immediate_item_share' },
  { seq: 13, titleZh: '关联电子证照的事项占比', indicator: 'elicence_linked_item_share' },
  { seq: 14, titleZh: '编目事项数量', indicator: 'catalogued_item_share' },
  {
    seq: 15,
    titleZh: '数据编目覆盖事项比例（行政权力）',
    indicator: 'catalogue_coverage.power_items',
  },
  {
    seq: 16,
    titleZh: '数据编目覆盖事项比例（公共服务）',
    indicator: 'catalogue_coverage.public_service_items',
  },
  { seq: 17, titleZh: '接口未调用率', indicator: 'interface_uncalled_rate' },
  { seq: 18, titleZh: '接口申请量', indicator: 'interface_application_rate' },
  { seq: 19, titleZh: '证照汇聚类型', indicator: 'elicence_types_collected' },
  { seq: 20, titleZh: '证照汇聚数量', indicator: 'elicence_records' },
  { seq: 21, titleZh: '加盖电子印章电子证照种类情况', indicator: 'elicence_sealed_type_ratio' },
  { seq: 22, titleZh: '电子印章备案率', indicator: 'seal_filing_rate' },
  { seq: 23, titleZh: '办件数据上报国办入库量', indicator: 'case_records_reported' },
  { seq: 24, titleZh: '办件信息与事项关联程度', indicator: 'case_item_linkage' },
  { seq: 25, titleZh: '完成精细化梳理的事项占比', indicator: 'finely_sorted_item_share' },
  { seq: 26, titleZh: '指南准确度', indicator: 'guide_accuracy' },
];
