import { DOCUMENTS } from '../indicators/catalogue/sources';
import type { Target, TargetRule } from './target';

const YINCHUAN = '640100';
const JINFENG = '640106';
const JIAYUGUAN = '620200';

function yinchuan(id: string, indicator: string, rule: TargetRule, noteZh?: string): Target {
  return {
    id: `yinchuan-2022-${id}`,
    indicator,
    regionCode: YINCHUAN,
    year: 2022,
    ...rule,
    setBy: '银川市',
    // The figure is known from the Jinfeng bulletin that quotes it; its own date is not.
    setAt: '2022-09-13T00:00:00Z',
    source: DOCUMENTS.jinfeng,
    ...(noteZh ? { noteZh } : {}),
  };
}

/**
 * Yinchuan's 2022 stage targets for its counties (quoted in the Jinfeng bulletin), set on the
 * city so Jinfeng and Lingwu inherit them.
 */
export const YINCHUAN_2022_TARGETS: readonly Target[] = [
  yinchuan(
    'item-coverage',
    'item_coverage',
    { comparator: '>=', value: 40 },
    '2022年事项覆盖率40%以上',
  ),
  yinchuan(
    'evaluation-rate',
    'offline_evaluation_rate',
    { comparator: '>=', value: 98.5 },
    '2022年评价率98.5%以上',
  ),
  yinchuan(
    'elicence-growth',
    'elicence_growth',
    { comparator: '>=', value: 10 },
    '2022年电子证照入库增量10%以上',
  ),
  yinchuan(
    'on-time-rate',
    'on_time_rate',
    { comparator: '>=', value: 99 },
    '2022年限时办结率99%以上',
  ),
  yinchuan(
    'item-monthly-cases',
    'item_monthly_case_minimum',
    { comparator: '>=', value: 2 },
    '每月每个事项办件量不得低于2件',
  ),
];

/** Jinfeng's own requirement for its departments (差评整改率必须达到100%). */
export const JINFENG_2022_TARGETS: readonly Target[] = [
  {
    id: 'jinfeng-2022-bad-review-rectification',
    indicator: 'bad_review_rectification_rate',
    regionCode: JINFENG,
    year: 2022,
    comparator: '>=',
    value: 100,
    setBy: '金凤区审批服务管理局',
    setAt: '2022-09-13T00:00:00Z',
    source: DOCUMENTS.jinfeng,
    noteZh: '差评整改率必须达到100%',
  },
];

const ALL_UNITS = '各街道办事处、郊区工作办公室、市政府各部门、在嘉各单位';
const DEPARTMENTS = '市政府各部门、在嘉各单位';
const MARKET_REGULATOR = '市市场监管局';

function gansu(
  seq: number,
  indicator: string,
  rule: TargetRule,
  responsibleZh: string,
  options: { deadline?: string; ongoing?: boolean; noteZh?: string } = {},
): Target {
  return {
    id: `jiayuguan-2022-${String(seq).padStart(2, '0')}`,
    indicator,
    regionCode: JIAYUGUAN,
    year: 2022,
    ...rule,
    setBy: '嘉峪关市人民政府办公室',
    setAt: '2022-10-18T00:00:00Z',
    deadline: options.deadline ?? '2022-10-25',
    ongoing: options.ongoing ?? true,
    responsibleZh,
    source: DOCUMENTS.gansu,
    ...(options.noteZh ? { noteZh: options.noteZh } : {}),
  };
}

/** The Jiayuguan plan's 2022 targets, one per task (一)–(二十六), with deadlines and owners. */
export const GANSU_2022_TARGETS: readonly Target[] = [
  gansu(1, 'required_evaluation_rate', { comparator: '>=', value: 100 }, ALL_UNITS, {
    noteZh: '线下办件一事两评，线上办件一事三评',
  }),
  gansu(2, 'bad_review_rectification_rate', { comparator: '>=', value: 100 }, ALL_UNITS, {
    noteZh: '5个工作日内完成整改',
  }),
  gansu(3, 'complaint_completion_rate', { comparator: '>=', value: 100 }, ALL_UNITS),
  gansu(4, 'personal_users.new_registrations', { comparator: '>=', value: 157500 }, ALL_UNITS, {
    noteZh: '不低于15.75万人',
  }),
  gansu(5, 'personal_users.total_registrations', { comparator: '>=', value: 252000 }, ALL_UNITS, {
    noteZh: '不低于25.2万人',
  }),
  gansu(6, 'personal_users.profile_completeness', { comparator: '>=', value: 80 }, ALL_UNITS),
  gansu(7, 'personal_users.activity', { comparator: '>=', value: 10 }, ALL_UNITS),
  gansu(
    8,
    'legal_person_users.registration_rate',
    { comparator: '>=', value: 100 },
    MARKET_REGULATOR,
  ),
  gansu(
    9,
    'legal_person_users.profile_completeness',
    { comparator: '>=', value: 100 },
    MARKET_REGULATOR,
  ),
  gansu(10, 'licensing.time_limit_compression', { comparator: '>=', value: 72 }, DEPARTMENTS),
  gansu(11, 'licensing.visits_per_item', { comparator: '<=', value: 0.03 }, DEPARTMENTS),
  gansu(12, 'licensing.immediate_item_share', { comparator: '>=', value: 45 }, DEPARTMENTS),
  gansu(13, 'elicence_linked_item_share', { comparator: '>=', value: 30 }, DEPARTMENTS),
  gansu(14, 'catalogued_item_share', { comparator: '>=', value: 100 }, DEPARTMENTS),
  gansu(15, 'catalogue_coverage.power_items', { comparator: '>=', value: 100 }, DEPARTMENTS),
  gansu(
    16,
    'catalogue_coverage.public_service_items',
    { comparator: '>=', value: 100 },
    DEPARTMENTS,
  ),
  gansu(17, 'interface_uncalled_rate', { comparator: '<=', value: 0 }, DEPARTMENTS, {
    noteZh: '即所有接口均被调用',
  }),
  gansu(18, 'interface_application_rate', { comparator: '>=', value: 100 }, DEPARTMENTS, {
    noteZh: '全量申请国家接口',
  }),
  gansu(19, 'elicence_types_collected', { comparator: '>=', value: 191 }, DEPARTMENTS, {
    ongoing: false,
    noteZh: '国办要求895类',
  }),
  gansu(20, 'elicence_records', { comparator: '>=', value: 630000 }, DEPARTMENTS, {
    ongoing: false,
    noteZh: '不低于63万条',
  }),
  gansu(21, 'elicence_sealed_type_ratio', { comparator: '=', value: 100 }, DEPARTMENTS, {
    ongoing: false,
    noteZh: '加盖电子印章电子证照种类数应与认领电子证照数相同',
  }),
  gansu(22, 'seal_filing_rate', { comparator: '>=', value: 98 }, DEPARTMENTS, {
    deadline: '2022-10-20',
    ongoing: false,
  }),
  gansu(23, 'case_records_reported', { comparator: '>=', value: 253000 }, ALL_UNITS, {
    noteZh: '不低于25.3万条',
  }),
  gansu(24, 'case_item_linkage', { comparator: '>=', value: 90 }, ALL_UNITS, { ongoing: false }),
  gansu(25, 'finely_sorted_item_share', { comparator: '>=', value: 30 }, DEPARTMENTS),
  gansu(26, 'guide_accuracy', { comparator: 'improve' }, DEPARTMENTS),
];

/** All demo targets. */
export const DEMO_TARGETS: readonly Target[] = [
  ...YINCHUAN_2022_TARGETS,
  ...JINFENG_2022_TARGETS,
  ...GANSU_2022_TARGETS,
];
