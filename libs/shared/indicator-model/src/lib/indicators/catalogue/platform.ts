import type { IndicatorDefinition } from '../definition';
import { count, define, HALF_UP_1, HALF_UP_2, percent, policy, WHOLE } from './sources';

/** E-licences and e-seals. */
export const ELICENCE_INDICATORS: readonly IndicatorDefinition[] = [
  define({
    code: 'elicence_growth',
    nameZh: '电子证照入库增长率',
    nameEn: 'e-licence records growth',
    family: 'elicence',
    formula: {
      kind: 'growth',
      terms: [{ measure: 'elicence.records_added' }],
      base: 'same-period-last-year',
      factor: 100,
    },
    unit: 'percent',
    polarity: 'higher-is-better',
    rounding: HALF_UP_1,
    roundingEvidence: 'Jinfeng prints one decimal: 54098/46356 − 1 = 16.700… → 16.7%.',
    policy: [
      policy('jinfeng', '2020年入库总量46356个，2021年入库总量54098个，年入库增长16.7%'),
      policy('jinfeng', '以及银川市“2022年电子证照入库增量10%以上”的阶段性目标要求'),
    ],
  }),
  define({
    code: 'elicence_types_collected',
    nameZh: '证照汇聚类型',
    nameEn: 'e-licence types collected',
    family: 'gansu-plan',
    formula: count('elicence.types_collected'),
    unit: 'count',
    polarity: 'higher-is-better',
    rounding: WHOLE,
    policy: [
      policy(
        'gansu',
        '（十九）证照汇聚类型……证照种类与国办要求895类有较大差距。……证照汇聚类型不低于191类。',
      ),
    ],
  }),
  define({
    code: 'elicence_records',
    nameZh: '证照汇聚数量',
    nameEn: 'e-licence records collected',
    family: 'gansu-plan',
    formula: count('elicence.records_total'),
    unit: 'count',
    polarity: 'higher-is-better',
    rounding: WHOLE,
    policy: [
      policy('gansu', '（二十）证照汇聚数量……证照汇聚数量不低于63万条。'),
      policy('yindu', '截至6月30日，区直各部门汇聚的电子证照总量为41327，较5月份增长437条。'),
    ],
  }),
  define({
    code: 'elicence_sealed_type_ratio',
    nameZh: '加盖电子印章电子证照种类占比',
    nameEn: 'e-licence types carrying an e-seal',
    family: 'gansu-plan',
    formula: percent(['elicence.types_sealed'], ['elicence.types_claimed']),
    unit: 'percent',
    polarity: 'higher-is-better',
    rounding: HALF_UP_2,
    policy: [
      policy(
        'gansu',
        '（二十一）加盖电子印章电子证照种类情况……加盖电子印章电子证照种类数应与认领电子证照数相同。',
      ),
    ],
  }),
  define({
    code: 'seal_filing_rate',
    nameZh: '电子印章备案率',
    nameEn: 'e-seal filing rate',
    family: 'gansu-plan',
    formula: percent(['seals.filed'], ['seals.required']),
    unit: 'percent',
    polarity: 'higher-is-better',
    rounding: HALF_UP_2,
    policy: [policy('gansu', '（二十二）电子印章备案率……本年度电子印章备案率不低于98%')],
  }),
];

/** Data sharing: resource catalogues and national interfaces. */
export const DATA_SHARING_INDICATORS: readonly IndicatorDefinition[] = [
  define({
    code: 'catalogue_mount_rate',
    nameZh: '资源挂载率',
    nameEn: 'resource catalogue mount rate',
    family: 'data-sharing',
    formula: percent(['catalogues.mounted'], ['catalogues.published']),
    unit: 'percent',
    polarity: 'higher-is-better',
    rounding: HALF_UP_2,
    roundingEvidence:
      'Yindu annex 4: 5/9 = 55.555… is printed 55.56%, 8/31 = 25.806… is printed 25.81%.',
    policy: [
      policy(
        'yindu',
        '发布资源目录总数累计为117条，累计挂载资源目录数为73条，累计资源挂载率为62.39%',
      ),
    ],
  }),
  define({
    code: 'interface_uncalled_rate',
    nameZh: '接口未调用率',
    nameEn: 'share of approved interfaces never called',
    family: 'gansu-plan',
    formula: percent(['interfaces.uncalled'], ['interfaces.approved']),
    unit: 'percent',
    polarity: 'lower-is-better',
    rounding: HALF_UP_2,
    policy: [
      policy('gansu', '（十七）接口未调用率……本年度接口未调用率达到0%，即所有接口均被调用。'),
    ],
  }),
  define({
    code: 'interface_application_rate',
    nameZh: '接口申请量（申请覆盖率）',
    nameEn: 'national interfaces applied for',
    family: 'gansu-plan',
    formula: percent(['interfaces.applied'], ['interfaces.national']),
    unit: 'percent',
    polarity: 'higher-is-better',
    rounding: HALF_UP_2,
    policy: [policy('gansu', '（十八）接口申请量……全量申请国家接口。')],
  }),
];

/** "Internet + supervision", the online-service audit and hall staff attendance. */
export const SUPERVISION_INDICATORS: readonly IndicatorDefinition[] = [
  define({
    code: 'supervision_main_item_coverage',
    nameZh: '主项覆盖率',
    nameEn: 'supervision main-item coverage',
    family: 'supervision',
    formula: percent(['supervision.main_items.covered'], ['supervision.main_items']),
    unit: 'percent',
    polarity: 'higher-is-better',
    rounding: HALF_UP_2,
    roundingEvidence:
      'Yindu annex 5: 79/383 = 20.626… is printed 20.63%, 3/21 = 14.285… is printed 14.29%.',
    policy: [policy('yindu', '主项383项，主项覆盖数79项，主项覆盖率20.63%')],
  }),
  define({
    code: 'supervision_sub_item_coverage',
    nameZh: '子项覆盖率',
    nameEn: 'supervision sub-item coverage',
    family: 'supervision',
    formula: percent(
      [
        'supervision.sub_items.inspection.covered',
        'supervision.sub_items.penalty.covered',
        'supervision.sub_items.enforcement.covered',
        'supervision.sub_items.other.covered',
      ],
      [
        'supervision.sub_items.inspection',
        'supervision.sub_items.penalty',
        'supervision.sub_items.enforcement',
        'supervision.sub_items.other',
      ],
    ),
    unit: 'percent',
    polarity: 'higher-is-better',
    rounding: HALF_UP_2,
    roundingEvidence:
      'Yindu annex 5: 1/22 = 4.545… is printed 4.55%, 461/1679 = 27.456… is printed 27.46%.',
    policy: [policy('yindu', '监管事项子项共1679项，子项覆盖数461项，子项覆盖率27.46%')],
  }),
  define({
    code: 'online_audit_completion_rate',
    nameZh: '网办问题排查完成率',
    nameEn: 'online-service audit completion',
    family: 'supervision',
    formula: percent(['audit.done'], ['audit.listed']),
    unit: 'percent',
    polarity: 'higher-is-better',
    rounding: HALF_UP_2,
    roundingEvidence: 'Yindu annex 7: 4/15 = 26.666… is printed 26.67%.',
    policy: [
      policy(
        'yindu',
        '省局下发的第二批网办问题排查事项清单共200项，全区除自然资源局、卫健委、市场监管局外，其他单位仍未开展问题排查工作',
      ),
    ],
  }),
  define({
    code: 'staff_leave_ratio',
    nameZh: '请假人数比例',
    nameEn: 'staff leave ratio',
    family: 'staff',
    formula: percent(['staff.on_leave'], ['staff.stationed']),
    unit: 'percent',
    // The bulletin lists it without judging it; leave is not misconduct, so it is not ranked.
    polarity: 'neutral',
    rounding: HALF_UP_2,
    roundingEvidence: 'Yindu annex 8: 8/9 = 88.888… is printed 88.89%.',
    policy: [
      policy(
        'yindu',
        '存在派驻单位窗口人员请假未能及时派驻B岗人员替岗，造成群众大批量等待或重复跑趟情况，如民政局',
      ),
    ],
  }),
];

/** Platform users (Gansu plan (四)–(九)). */
export const USER_INDICATORS: readonly IndicatorDefinition[] = [
  define({
    code: 'personal_users.new_registrations',
    nameZh: '个人用户年度注册用户数',
    nameEn: 'personal users registered this year',
    family: 'gansu-plan',
    formula: count('users.personal.registered_new'),
    unit: 'count',
    polarity: 'higher-is-better',
    rounding: WHOLE,
    policy: [
      policy(
        'gansu',
        '（四）个人用户年度注册用户数……本年度个人用户年度注册用户数不低于15.75万人。',
      ),
    ],
  }),
  define({
    code: 'personal_users.total_registrations',
    nameZh: '个人用户注册总数量',
    nameEn: 'personal users registered in total',
    family: 'gansu-plan',
    formula: count('users.personal.registered_total'),
    unit: 'count',
    polarity: 'higher-is-better',
    rounding: WHOLE,
    policy: [policy('gansu', '（五）个人用户注册总数量……个人用户注册总量不低于25.2万人。')],
  }),
  define({
    code: 'personal_users.profile_completeness',
    nameZh: '个人用户本年度用户信息完备度',
    nameEn: 'personal user profile completeness',
    family: 'gansu-plan',
    formula: percent(['users.personal.complete_profiles_new'], ['users.personal.registered_new']),
    unit: 'percent',
    polarity: 'higher-is-better',
    rounding: HALF_UP_2,
    policy: [
      policy(
        'gansu',
        '（六）个人用户本年度用户信息完备度……个人用户本年度用户信息完备度不低于80%。',
      ),
    ],
  }),
  define({
    code: 'personal_users.activity',
    nameZh: '个人用户活跃度',
    nameEn: 'personal user activity',
    family: 'gansu-plan',
    formula: percent(['users.personal.active'], ['users.personal.registered_total']),
    unit: 'percent',
    polarity: 'higher-is-better',
    rounding: HALF_UP_2,
    policy: [policy('gansu', '（七）个人用户活跃度……个人用户活跃度不低于10%')],
  }),
  define({
    code: 'legal_person_users.registration_rate',
    nameZh: '法人用户企业注册率',
    nameEn: 'enterprise registration rate',
    family: 'gansu-plan',
    formula: percent(['users.legal_person.registered'], ['users.legal_person.enterprises']),
    unit: 'percent',
    polarity: 'higher-is-better',
    rounding: HALF_UP_2,
    policy: [
      policy(
        'gansu',
        '（八）法人用户企业注册率……法人用户企业注册率达到100%。责任单位：市市场监管局',
      ),
    ],
  }),
  define({
    code: 'legal_person_users.profile_completeness',
    nameZh: '法人用户企业信息完备度',
    nameEn: 'enterprise profile completeness',
    family: 'gansu-plan',
    formula: percent(['users.legal_person.complete_profiles'], ['users.legal_person.registered']),
    unit: 'percent',
    polarity: 'higher-is-better',
    rounding: HALF_UP_2,
    policy: [
      policy(
        'gansu',
        '（九）法人用户企业信息完备度……法人用户企业信息完备度达到100%。责任单位：市市场监管局',
      ),
    ],
  }),
];
