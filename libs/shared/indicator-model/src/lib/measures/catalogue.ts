import type {
  MeasureDecomposition,
  MeasureDefinition,
  MeasureTemporal,
  MeasureUnit,
} from './measure';

function m<C extends string>(
  code: C,
  labelZh: string,
  labelEn: string,
  temporal: MeasureTemporal,
  unit: MeasureUnit = 'count',
  decompositions?: readonly MeasureDecomposition[],
): MeasureDefinition & { readonly code: C } {
  return decompositions
    ? { code, labelZh, labelEn, unit, temporal, decompositions }
    : { code, labelZh, labelEn, unit, temporal };
}

const SUB_ITEM_KINDS = [
  ['inspection', '行政检查', 'inspection'],
  ['penalty', '行政处罚', 'penalty'],
  ['enforcement', '行政强制', 'enforcement'],
  ['other', '其他', 'other'],
] as const;

/** 12345 request categories (诉求类型) and service classes, as Yinchuan's bulletin prints them. */
export const HOTLINE_CATEGORIES = [
  ['consultation', '咨询类', 'consultations'],
  ['complaint', '投诉类', 'complaints'],
  ['help', '求助类', 'requests for help'],
  ['suggestion', '建议类', 'suggestions'],
  ['report', '举报类', 'reports of wrongdoing'],
  ['praise', '表扬类', 'praise'],
  ['other', '其他类', 'other requests'],
  ['invalid', '无效诉求', 'invalid requests'],
  ['administrative', '行政化服务类', 'administrative-service requests'],
  ['social', '社会化服务类', 'social-service requests'],
] as const;

/** 好差评 channels (评价渠道), as Weiyuan's 2020 summary prints them. */
export const EVALUATION_CHANNELS = [
  ['hall_terminal', '政务服务大厅其他终端', 'other terminals in the service hall'],
  ['hall_tablet', '政务服务大厅平板电脑', 'tablets in the service hall'],
  ['mobile', '移动服务端', 'the mobile app'],
  ['pc', 'PC端', 'the website (PC)'],
  ['sms', '短信', 'text messages'],
  ['qr_code', '二维码', 'QR codes'],
] as const;

/**
 * Every base measure the seeds' tables contain. Adding a measure is a code change on
 * purpose: formulas and validation rules refer to these codes.
 */
export const MEASURES = [
  // Service items (事项)
  m('items', '事项数', 'items', 'stock', 'count', [
    {
      id: 'items-equal-immediate-one-day-other',
      parts: ['items.immediate', 'items.one_day', 'items.other'],
    },
  ]),
  m('items.with_cases', '产生办件的事项数', 'items with at least one case', 'period', 'count', [
    {
      id: 'items-with-cases-equal-approval-plus-convenience',
      parts: ['items.with_cases.approval', 'items.with_cases.convenience'],
    },
  ]),
  m('items.with_cases.approval', '产生办件的审批事项数', 'approval items with cases', 'period'),
  m(
    'items.with_cases.convenience',
    '产生办件的便民事项数',
    'convenience items with cases',
    'period',
  ),
  m(
    'items.covered_by_test_only',
    '仅有测试件的事项数',
    'items whose only cases are labelled test cases (测试件)',
    'period',
  ),
  m('items.claimed', '已认领事项数', 'items claimed', 'stock'),
  m('items.unclaimed', '待认领事项数', 'items awaiting claim', 'stock'),
  m('items.published', '已发布事项数', 'items published', 'stock'),
  m('items.immediate', '即办件事项数', 'immediate items (即办件)', 'stock'),
  m('items.one_day', '一日办结事项数', 'items finished within one day', 'stock'),
  m('items.other', '非一日办结事项数', 'items taking more than one day', 'stock'),
  m('items.contactless', '不见面审批事项数', 'contactless items (不见面审批)', 'stock'),
  m('items.elicence_linked', '关联电子证照的事项数', 'items linked to e-licences', 'stock'),
  m('items.finely_sorted', '完成精细化梳理的事项数', 'items finely sorted (精细化梳理)', 'stock'),
  m(
    'items.catalogue_scope',
    '应编目事项数（依申请及公共服务）',
    'items to catalogue (on-application and public service)',
    'stock',
  ),
  m('items.catalogued', '已编目事项数', 'items catalogued', 'stock'),
  m('items.power', '行政权力事项数', 'administrative power items', 'stock'),
  m(
    'items.power.catalogued',
    '已编目行政权力事项数',
    'administrative power items catalogued',
    'stock',
  ),
  m('items.public_service', '公共服务事项数', 'public service items', 'stock'),
  m(
    'items.public_service.catalogued',
    '已编目公共服务事项数',
    'public service items catalogued',
    'stock',
  ),
  m(
    'time_limit.legal_days',
    '法定时限合计（工作日）',
    'sum of legal time limits',
    'stock',
    'working-days',
  ),
  m(
    'time_limit.promised_days',
    '承诺时限合计（工作日）',
    'sum of promised time limits',
    'stock',
    'working-days',
  ),
  m('visits', '跑动次数合计', 'sum of required visits', 'stock'),
  // Administrative licensing only (行政许可): the Gansu plan scopes three indicators to it.
  m('licensing.items', '行政许可事项数', 'administrative licensing items', 'stock'),
  m('licensing.items.immediate', '行政许可即办件事项数', 'immediate licensing items', 'stock'),
  m(
    'licensing.time_limit.legal_days',
    '行政许可法定时限合计',
    'licensing: sum of legal time limits',
    'stock',
    'working-days',
  ),
  m(
    'licensing.time_limit.promised_days',
    '行政许可承诺时限合计',
    'licensing: sum of promised time limits',
    'stock',
    'working-days',
  ),
  m('licensing.visits', '行政许可跑动次数合计', 'licensing: sum of required visits', 'stock'),

  // Cases (办件)
  m('cases', '办件量', 'cases', 'flow', 'count', [
    { id: 'online-plus-offline-equals-cases', parts: ['cases.online', 'cases.offline'] },
    {
      id: 'approval-plus-convenience-equals-cases',
      parts: ['cases.approval', 'cases.convenience'],
    },
  ]),
  m('cases.online', '线上办件数', 'online cases', 'flow'),
  m('cases.offline', '线下办件数', 'offline cases', 'flow'),
  m('cases.approval', '审批事项办件量', 'cases of approval items', 'flow'),
  m('cases.convenience', '便民事项办件量', 'cases of convenience items', 'flow'),
  m('cases.offline.evaluated', '线下评价数', 'offline cases evaluated', 'flow'),
  m('cases.finished_normal', '正常办结件', 'cases finished on time', 'flow'),
  m('cases.overdue', '超期件', 'overdue cases', 'flow', 'count', [
    {
      id: 'finished-late-plus-unfinished-late-equals-overdue',
      parts: ['cases.finished_late', 'cases.unfinished_late'],
    },
  ]),
  m('cases.finished_late', '超期办结件', 'cases finished late', 'flow'),
  m('cases.unfinished_late', '超期未办件', 'cases unfinished and late', 'flow'),
  m('cases.test', '测试件', 'labelled test cases (测试件)', 'flow'),
  m(
    'cases.pre_review_rejected',
    '预审不通过办件',
    'cases rejected at pre-review',
    'flow',
    'count',
    [
      {
        id: 'pre-review-rejected-equals-systems',
        parts: [
          'cases.pre_review_rejected.approval_system',
          'cases.pre_review_rejected.convenience_system',
        ],
      },
    ],
  ),
  m(
    'cases.pre_review_rejected.approval_system',
    '审批系统预审不通过办件',
    'pre-review rejections, approval system',
    'flow',
  ),
  m(
    'cases.pre_review_rejected.convenience_system',
    '便民系统预审不通过办件',
    'pre-review rejections, convenience system',
    'flow',
  ),
  m('cases.hall_window', '大厅窗口办件数', 'cases at hall windows', 'flow'),
  m(
    'cases.reported_nationally',
    '办件数据上报国办入库量',
    'case records accepted by the national platform',
    'flow',
  ),
  m('cases.channel.window', '窗口办件量', 'cases at service-hall windows', 'flow'),
  m(
    'cases.channel.township',
    '乡镇（街道）及村（社区）办件量',
    'cases at township and village centres',
    'flow',
  ),
  m(
    'cases.channel.online_platform',
    '“一网通办”平台办件量',
    'cases on the online platform',
    'flow',
  ),
  m('cases.channel.fully_online', '全程网办办件量', 'cases handled fully online', 'flow'),
  m('cases.channel.mobile', '掌上办办件量', 'cases handled on mobile', 'flow'),
  // One volume, three sources; they disagree when work bypasses the hall (明进暗不进).
  m(
    'case_volume.department_report',
    '部门报送办件量',
    'case volume reported by the department',
    'flow',
  ),
  m(
    'case_volume.e_supervision',
    '电子监察办件量',
    'case volume in the e-supervision system',
    'flow',
  ),
  m(
    'case_volume.integrated_window',
    '综窗办理办件量',
    'case volume at the integrated window',
    'flow',
  ),
  // Service-centre requests (便民服务中心)
  m('consultations', '咨询件', 'consultations', 'flow'),
  m('applications', '申请件', 'applications', 'flow'),
  m('applications.accepted', '受理件', 'applications accepted', 'flow'),
  m('applications.finished', '办结件', 'applications finished', 'flow'),

  // Evaluations (好差评)
  m('evaluations', '评价数', 'evaluations', 'flow', 'count', [
    {
      id: 'online-plus-offline-equals-evaluations',
      parts: ['evaluations.online', 'evaluations.offline'],
    },
    { id: 'good-plus-bad-equals-evaluations', parts: ['evaluations.good', 'evaluations.bad'] },
  ]),
  m('evaluations.online', '线上评价数', 'online evaluations', 'flow'),
  m('evaluations.offline', '线下评价次数', 'offline evaluations', 'flow'),
  m('evaluations.good', '好评数', 'good reviews', 'flow', 'count', [
    {
      id: 'satisfaction-levels-equal-good-reviews',
      parts: [
        'evaluations.very_satisfied',
        'evaluations.satisfied',
        'evaluations.basically_satisfied',
      ],
    },
  ]),
  m('evaluations.bad', '差评数', 'bad reviews', 'flow', 'count', [
    {
      id: 'dissatisfaction-levels-equal-bad-reviews',
      parts: ['evaluations.dissatisfied', 'evaluations.very_dissatisfied'],
    },
  ]),
  m('evaluations.very_satisfied', '非常满意', 'very satisfied', 'flow'),
  m('evaluations.satisfied', '满意', 'satisfied', 'flow'),
  m('evaluations.basically_satisfied', '基本满意', 'basically satisfied', 'flow'),
  m('evaluations.dissatisfied', '不满意', 'dissatisfied', 'flow'),
  m('evaluations.very_dissatisfied', '非常不满意', 'very dissatisfied', 'flow'),
  m('evaluations.bad_rectified', '已整改差评数', 'bad reviews rectified', 'flow'),
  // Evaluations by channel (评价渠道): Weiyuan prints counts and shares per channel.
  ...EVALUATION_CHANNELS.map(([kind, zh, en]) =>
    m(`evaluations.channel.${kind}`, `${zh}评价数`, `evaluations through ${en}`, 'flow'),
  ),
  m('complaints.received', '投诉建议件', 'complaints and suggestions received', 'flow'),
  m('complaints.finished', '已办结投诉建议件', 'complaints and suggestions finished', 'flow'),

  // 12345 hotline (政务服务便民热线), per line or per unit answering it
  m(
    'hotline.requests',
    '热线受理量（人次/件）',
    'hotline requests received (calls and messages)',
    'flow',
  ),
  m('hotline.assigned', '登记交办件数', 'hotline requests registered and assigned', 'flow'),
  m('hotline.finished', '已办结件数', 'hotline requests finished', 'flow'),
  m('hotline.requests.phone', '热线受理量（电话）', 'hotline requests received by phone', 'flow'),
  m(
    'hotline.requests.multimedia',
    '多媒体受理量',
    'hotline requests received through other media (web, app, messages)',
    'flow',
  ),
  // Per request category (诉求类型) and service class: Yinchuan's 12345一号通 prints each.
  ...HOTLINE_CATEGORIES.flatMap(([kind, zh, en]) => [
    m(`hotline.requests.${kind}`, `${zh}受理量`, `${en} received`, 'flow'),
    m(`hotline.requests.${kind}.phone`, `${zh}热线受理量`, `${en} received by phone`, 'flow'),
    m(
      `hotline.requests.${kind}.multimedia`,
      `${zh}多媒体受理量`,
      `${en} received through other media`,
      'flow',
    ),
    m(`hotline.finished.${kind}`, `${zh}办结量`, `${en} finished`, 'flow'),
  ]),

  // Electronic licences (电子证照) and seals
  m('elicence.records_added', '电子证照入库量', 'e-licence records added', 'flow'),
  m('elicence.records_total', '电子证照汇聚总量', 'e-licence records held', 'stock', 'count', [
    {
      id: 'signed-plus-unsigned-equals-elicence-records',
      parts: ['elicence.signed', 'elicence.unsigned'],
    },
  ]),
  m('elicence.signed', '已签章数量', 'e-licences signed', 'stock'),
  m('elicence.unsigned', '未签章数量', 'e-licences not signed', 'stock'),
  m('elicence.types_bound', '绑定电子证照模板种类', 'e-licence templates bound', 'stock'),
  m('elicence.types_with_records', '已录入证照信息的种类', 'e-licence types with records', 'stock'),
  m('elicence.types_collected', '证照汇聚类型', 'e-licence types collected nationally', 'stock'),
  m('elicence.types_claimed', '认领电子证照种类', 'e-licence types claimed', 'stock'),
  m(
    'elicence.types_sealed',
    '加盖电子印章电子证照种类',
    'e-licence types carrying an e-seal',
    'stock',
  ),
  m('seals.required', '应备案电子印章数', 'e-seals to file', 'stock'),
  m('seals.filed', '已备案电子印章数', 'e-seals filed', 'stock'),

  // Data sharing (数据共享)
  m('catalogues.published', '已发布资源目录数', 'resource catalogues published', 'stock'),
  m('catalogues.mounted', '已挂载资源目录数', 'resource catalogues mounted', 'stock'),
  m('catalogues.records', '资源数据总量', 'records in mounted resources', 'stock'),
  m('interfaces.national', '国家接口数', 'national interfaces available', 'stock'),
  m('interfaces.applied', '已申请接口数', 'national interfaces applied for', 'stock'),
  m('interfaces.approved', '已通过接口数', 'interfaces approved', 'stock'),
  m('interfaces.uncalled', '未调用接口数', 'approved interfaces never called', 'stock'),

  // "Internet + supervision" (互联网+监管)
  m('supervision.main_items', '事项主项数', 'supervision main items', 'stock'),
  m('supervision.main_items.covered', '主项覆盖数', 'supervision main items covered', 'stock'),
  ...SUB_ITEM_KINDS.flatMap(([kind, zh, en]) => [
    m(`supervision.sub_items.${kind}`, `${zh}子项个数`, `${en} sub-items`, 'stock'),
    m(
      `supervision.sub_items.${kind}.covered`,
      `${zh}子项覆盖数`,
      `${en} sub-items covered`,
      'stock',
    ),
    m(
      `supervision.sub_items.${kind}.collected`,
      `${zh}子项汇聚数`,
      `${en} sub-item records collected`,
      'stock',
    ),
  ]),

  // Online-service audit (网办问题排查)
  m('audit.listed', '排查事项总数', 'items listed for audit', 'stock', 'count', [
    { id: 'done-plus-pending-equals-listed', parts: ['audit.done', 'audit.pending'] },
  ]),
  m('audit.done', '已完成事项', 'audit items done', 'stock'),
  m('audit.pending', '未完成事项', 'audit items not done', 'stock'),

  // Hall staff (派驻人员考勤)
  m('staff.stationed', '入驻总人数', 'staff stationed', 'stock', 'persons'),
  m('staff.on_leave', '请假人数', 'staff who took leave', 'flow', 'persons'),
  m('staff.leave_days', '累计请假天数', 'days of leave', 'flow', 'days'),
  m('staff.late', '迟到人数', 'staff late', 'flow', 'persons'),
  m('staff.late_times', '累计迟到次数', 'times late', 'flow'),
  m('staff.missed_clock', '缺卡人数', 'staff with missed clock-ins', 'flow', 'persons'),
  m('staff.missed_clock_times', '累计缺卡次数', 'missed clock-ins', 'flow'),
  m('staff.absent', '旷工人数', 'staff absent without leave', 'flow', 'persons'),
  m('staff.absent_days', '累计旷工天数', 'days absent without leave', 'flow', 'days'),
  m('staff.out_on_duty', '公出人数', 'staff out on duty', 'flow', 'persons'),
  m('staff.out_on_duty_hours', '累计公出（小时）', 'hours out on duty', 'flow', 'hours'),

  // Platform users (Gansu plan)
  m(
    'users.personal.registered_new',
    '本年度个人注册用户数',
    'personal users registered this year',
    'flow',
    'persons',
  ),
  m(
    'users.personal.registered_total',
    '个人用户注册总数',
    'personal users registered in total',
    'stock',
    'persons',
  ),
  m(
    'users.personal.complete_profiles_new',
    '本年度信息完备个人用户数',
    'this year’s personal users with complete profiles',
    'flow',
    'persons',
  ),
  m('users.personal.active', '活跃个人用户数', 'active personal users', 'period', 'persons'),
  m('users.legal_person.enterprises', '企业数', 'enterprises', 'stock'),
  m('users.legal_person.registered', '已注册法人用户数', 'enterprises registered', 'stock'),
  m(
    'users.legal_person.complete_profiles',
    '信息完备法人用户数',
    'enterprises with complete profiles',
    'stock',
  ),
] as const;

export type MeasureCode = (typeof MEASURES)[number]['code'];

const BY_CODE: ReadonlyMap<string, MeasureDefinition> = new Map(MEASURES.map((d) => [d.code, d]));

export function isMeasureCode(code: string): code is MeasureCode {
  return BY_CODE.has(code);
}

export function getMeasure(code: string): MeasureDefinition | undefined {
  return BY_CODE.get(code);
}

/** The definition, or a clear error naming the unknown code. */
export function requireMeasure(code: string): MeasureDefinition {
  const definition = BY_CODE.get(code);
  if (!definition) throw new RangeError(`Unknown measure code "${code}"`);
  return definition;
}
