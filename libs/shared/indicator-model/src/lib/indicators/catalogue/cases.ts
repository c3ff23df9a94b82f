import { EVALUATION_CHANNELS } from '../../measures/catalogue';
import type { MeasureCode } from '../../measures/catalogue';
import type { IndicatorDefinition } from '../definition';
import {
  complementPercent,
  count,
  define,
  HALF_UP_1,
  HALF_UP_2,
  percent,
  policy,
  REPORTED,
  TRUNCATE_2,
  WHOLE,
} from './sources';

const LINGWU_CHANNEL_EVIDENCE =
  'Lingwu prints counts in 万 and shares with 0 or 1 decimal: 30.6/34.9 = 87.68… → 88%, 4.08/34.9 = 11.69… → 11.7%; half-up reproduces all five.';

function channelShare(
  code: string,
  measure: MeasureCode,
  nameZh: string,
  nameEn: string,
  text: string,
): IndicatorDefinition {
  return define({
    code,
    nameZh,
    nameEn,
    family: 'cases',
    formula: percent([measure], ['cases']),
    unit: 'percent',
    polarity: 'neutral',
    rounding: HALF_UP_1,
    roundingEvidence: LINGWU_CHANNEL_EVIDENCE,
    policy: [policy('lingwu', text)],
  });
}

/** Cases: timeliness, volumes by channel, and what goes up to the national platform. */
export const CASE_INDICATORS: readonly IndicatorDefinition[] = [
  define({
    code: 'overdue_rate',
    nameZh: '超期率',
    nameEn: 'overdue rate',
    family: 'cases',
    formula: percent(['cases.overdue'], ['cases']),
    unit: 'percent',
    polarity: 'lower-is-better',
    rounding: HALF_UP_2,
    roundingEvidence:
      'Jinfeng 2808/47903 = 5.8618… → 5.86 either way; half-up as in every other Ningxia rate.',
    policy: [policy('jinfeng', '超期2808件（超期办结2779件，超期未办29件）超期率5.86%')],
  }),
  define({
    code: 'on_time_rate',
    nameZh: '限时办结率',
    nameEn: 'on-time rate',
    family: 'cases',
    formula: complementPercent(['cases.overdue'], ['cases']),
    unit: 'percent',
    polarity: 'higher-is-better',
    rounding: HALF_UP_2,
    policy: [policy('jinfeng', '以及银川市“2022年限时办结率99%以上”的阶段性目标要求')],
  }),
  define({
    code: 'overdue_unfinished_count',
    nameZh: '超期未办件数',
    nameEn: 'overdue unfinished cases',
    family: 'cases',
    formula: count('cases.unfinished_late'),
    unit: 'count',
    polarity: 'lower-is-better',
    rounding: WHOLE,
    policy: [
      policy(
        'lingwu',
        '目前，郝家桥镇超期未办件125件，崇兴镇97件，梧桐树乡86件，白土岗乡35件，东塔镇28件，马家滩镇22件，临河镇9件，街道办3件',
      ),
    ],
  }),
  channelShare(
    'channel_share.window',
    'cases.channel.window',
    '窗口办件占比',
    'window share of cases',
    '其中窗口办件30.6万件，占全市办件量的88%',
  ),
  channelShare(
    'channel_share.township',
    'cases.channel.township',
    '乡镇（街道）及村（社区）办件占比',
    'township and village share of cases',
    '各乡镇(街道)及村(社区)办件4.32万件，占全市办件量的12%',
  ),
  channelShare(
    'channel_share.online_platform',
    'cases.channel.online_platform',
    '“一网通办”平台办件占比',
    'online platform share of cases',
    '“一网通办”综合服务平台(宁夏政务服务网)办件量1.74万件，占比5%',
  ),
  channelShare(
    'channel_share.fully_online',
    'cases.channel.fully_online',
    '全程网办办件占比',
    'fully online share of cases',
    '全程网办办件量4.08万件，占比11.7%',
  ),
  channelShare(
    'channel_share.mobile',
    'cases.channel.mobile',
    '掌上办办件占比',
    'mobile share of cases',
    '掌上办办件量1.15万件，占比3.3%',
  ),
  define({
    code: 'case_coverage',
    nameZh: '办件覆盖率',
    nameEn: 'case coverage',
    family: 'cases',
    formula: REPORTED,
    unit: 'percent',
    polarity: 'higher-is-better',
    rounding: HALF_UP_2,
    roundingEvidence:
      'Reported by the Sichuan platform without counts. 61.54 and 46.88 would be half-up roundings of 8/13 and 15/32, but the counts are not printed.',
    policy: [policy('xiqu', '附件1 9月“一网通办”能力提升工作情况：办件覆盖率')],
  }),
  define({
    code: 'case_records_reported',
    nameZh: '办件数据上报国办入库量',
    nameEn: 'case records reported nationally',
    family: 'gansu-plan',
    formula: count('cases.reported_nationally'),
    unit: 'count',
    polarity: 'higher-is-better',
    rounding: WHOLE,
    policy: [
      policy(
        'gansu',
        '（二十三）办件数据上报国办入库量……本年度办件数据上报国办入库量不低于25.3万条。',
      ),
    ],
  }),
  define({
    code: 'complaint_completion_rate',
    nameZh: '投诉建议办结率',
    nameEn: 'complaint completion rate',
    family: 'gansu-plan',
    formula: percent(['complaints.finished'], ['complaints.received']),
    unit: 'percent',
    polarity: 'higher-is-better',
    rounding: HALF_UP_2,
    policy: [policy('gansu', '（三）投诉建议……目标要求年度投诉建议办结率务必达到100%。')],
  }),
];

/** 好差评: evaluation coverage, satisfaction and rectification. */
export const EVALUATION_INDICATORS: readonly IndicatorDefinition[] = [
  define({
    code: 'offline_evaluation_rate',
    nameZh: '线下参评率',
    nameEn: 'offline evaluation rate',
    family: 'evaluations',
    formula: percent(['cases.offline.evaluated'], ['cases.offline']),
    unit: 'percent',
    polarity: 'higher-is-better',
    rounding: HALF_UP_2,
    roundingEvidence:
      'Jinfeng annex 2: 5769/5835 = 98.868… is printed 98.87 (truncation gives 98.86). One row disagrees: 丰登镇 366/380 = 96.315… is printed 96.31, which only truncation gives; it is flagged, not used to change the rule.',
    policy: [
      policy('jinfeng', '线上办件35767件，线下评价12009件，线下评价率98.95%'),
      policy('jinfeng', '以及银川市“2022年评价率98.5%以上”的阶段性目标要求'),
    ],
  }),
  define({
    code: 'satisfaction',
    nameZh: '满意度',
    nameEn: 'satisfaction',
    family: 'evaluations',
    formula: percent(['evaluations.good'], ['evaluations']),
    unit: 'percent',
    polarity: 'higher-is-better',
    rounding: HALF_UP_2,
    policy: [policy('jinfeng', '差评数0件，满意度100%')],
  }),
  define({
    code: 'bad_review_rectification_rate',
    nameZh: '差评整改率',
    nameEn: 'bad-review rectification rate',
    family: 'evaluations',
    formula: percent(['evaluations.bad_rectified'], ['evaluations.bad']),
    unit: 'percent',
    polarity: 'higher-is-better',
    rounding: HALF_UP_2,
    policy: [
      policy('jinfeng', '针对出现的差评数据，及时核实、整改、反馈……差评整改率必须达到100%。'),
      policy(
        'gansu',
        '（二）本年度差评整改率……目标要求年度差评整改率务必达到100%。……在5个工作日内完成整改。',
      ),
      policy('yindu', '1-6月共2个差评件，均已整改。'),
    ],
  }),
  define({
    code: 'active_evaluation_rate',
    nameZh: '主动评价率',
    nameEn: 'active evaluation rate',
    family: 'evaluations',
    // The platform's basis is not published: 区民政局 shows 173 evaluations for 152 cases as 95.05%.
    formula: {
      kind: 'reported',
      reference: {
        numerator: [{ measure: 'evaluations' }],
        denominator: [{ measure: 'cases' }],
        factor: 100,
      },
    },
    unit: 'percent',
    polarity: 'higher-is-better',
    rounding: TRUNCATE_2,
    roundingEvidence:
      'Xiqu annex 1: 区发展改革局 27/28 = 96.428… is printed 96.42% (half-up gives 96.43); 累计 figures 88.88 and 96.66 are truncations too.',
    policy: [
      policy('xiqu', '9月，全区一体化平台办件数4288件，主动评价数4084件，主动评价率97.86%。'),
    ],
  }),
  define({
    code: 'evaluation_rate',
    nameZh: '好差评评价率',
    nameEn: 'evaluation rate',
    family: 'evaluations',
    formula: REPORTED,
    unit: 'percent',
    polarity: 'higher-is-better',
    rounding: HALF_UP_2,
    roundingEvidence:
      'Only one figure (Lingwu 95.58%) and no basis is printed; the rule is assumed.',
    policy: [
      policy(
        'lingwu',
        '“好差评”评价次数总计25477次。其中，线上评价数2982次，线下评价数为22495次，好差评评价率95.58%',
      ),
    ],
  }),
  define({
    code: 'required_evaluation_rate',
    nameZh: '主动评价数据汇聚（评价率）',
    nameEn: 'evaluation rate against two per offline and three per online case',
    family: 'gansu-plan',
    formula: {
      kind: 'ratio',
      numerator: [{ measure: 'evaluations' }],
      denominator: [
        { measure: 'cases.offline', weight: 2 },
        { measure: 'cases.online', weight: 3 },
      ],
      factor: 100,
    },
    unit: 'percent',
    polarity: 'higher-is-better',
    rounding: HALF_UP_2,
    policy: [
      policy(
        'gansu',
        '（一）主动评价数据汇聚……根据办件数量完成线下办件一事两评，线上办件一事三评，评价率达到100%。',
      ),
    ],
  }),
  define({
    code: 'vote_rate',
    nameZh: '投票率',
    nameEn: 'offline vote rate (evaluations per case)',
    family: 'evaluations',
    formula: percent(['evaluations'], ['cases']),
    unit: 'percent',
    polarity: 'higher-is-better',
    rounding: HALF_UP_2,
    roundingEvidence:
      'Yongchang 2023 Q2: 3811/3816 = 99.868… is printed 99.87% (truncation gives 99.86).',
    policy: [policy('yongchang', '4-6月份累计办件3816件，群众参与投票3811件，投票率99.87%')],
  }),
  ...(
    [
      ['satisfied', '满意', 'satisfied', '满意票3808张，占比99.79%', 'higher-is-better'],
      ['basically_satisfied', '基本满意', 'basically satisfied', '基本满意3张，占0.08%', 'neutral'],
      [
        'dissatisfied',
        '不满意',
        'dissatisfied',
        '不满意票5张（未开展评价5张），占比0.13%',
        'lower-is-better',
      ],
    ] as const
  ).map(([level, zh, en, text, polarity]) =>
    define({
      code: `evaluation_level_share.${level}`,
      nameZh: `${zh}占比`,
      nameEn: `share of ${en} on the three-level scale`,
      family: 'evaluations',
      // The three levels, not the votes: Yongchang counts its 5 unvoted cases as 不满意 and
      // divides by 3808 + 3 + 5 = 3816.
      formula: percent(
        [`evaluations.${level}`],
        ['evaluations.satisfied', 'evaluations.basically_satisfied', 'evaluations.dissatisfied'],
      ),
      unit: 'percent',
      polarity,
      rounding: HALF_UP_2,
      roundingEvidence:
        'Yongchang 2023 Q2: 3/3816 = 0.0786… is printed 0.08% (truncation gives 0.07); 3808/3816 and 5/3816 agree either way.',
      policy: [policy('yongchang', text)],
    }),
  ),
  ...EVALUATION_CHANNELS.map(([kind, zh, en]) =>
    define({
      code: `evaluation_channel_share.${kind}`,
      nameZh: `${zh}评价占比`,
      nameEn: `share of evaluations through ${en}`,
      family: 'evaluations',
      formula: percent([`evaluations.channel.${kind}`], ['evaluations']),
      unit: 'percent',
      polarity: 'neutral',
      rounding: HALF_UP_2,
      roundingEvidence:
        'Weiyuan 2020: 4581/24793 = 18.476… is printed 18.48% (truncation gives 18.47); the other five channels agree either way.',
      policy: [
        policy(
          'weiyuan',
          '2020年县直单位评价总量为24793条，其中县政务服务大厅其他终端9958条，占比40.16%；移动服务端6358条，占比25.64%；PC端4581条，占比18.48%',
        ),
      ],
    }),
  ),
];

/** 12345 hotline: finished, on time and satisfied (Pingdingshan, August 2023). */
export const HOTLINE_INDICATORS: readonly IndicatorDefinition[] = [
  define({
    code: 'hotline_finish_rate',
    nameZh: '12345热线办结率',
    nameEn: '12345 hotline finish rate',
    family: 'hotline',
    formula: percent(['hotline.finished'], ['hotline.assigned']),
    unit: 'percent',
    polarity: 'higher-is-better',
    rounding: HALF_UP_2,
    roundingEvidence:
      'Pingdingshan prints 100% for 14691 of 14691 (exact either way); half-up assumed as for the other rates.',
    policy: [policy('pingdingshan', '登记交办14691件，已办结14691件，办结率100%，满意率99%')],
  }),
  define({
    code: 'hotline_on_time_finish_rate',
    nameZh: '12345热线按期办结率',
    nameEn: '12345 hotline on-time finish rate',
    family: 'hotline',
    formula: REPORTED,
    unit: 'percent',
    polarity: 'higher-is-better',
    rounding: HALF_UP_2,
    roundingEvidence:
      'Printed without the on-time count (12315: 已办结2793件，按期办结率100%); reported, not derived.',
    policy: [policy('pingdingshan', '登记交办2793件，已办结2793件，按期办结率100%')],
  }),
  define({
    code: 'hotline_satisfaction_rate',
    nameZh: '12345热线满意率',
    nameEn: '12345 hotline satisfaction rate (return visits)',
    family: 'hotline',
    formula: REPORTED,
    unit: 'percent',
    polarity: 'higher-is-better',
    rounding: HALF_UP_2,
    roundingEvidence:
      'Printed as 99% with no count of return visits or satisfied callers; reported, not derived.',
    policy: [policy('pingdingshan', '已办结11556件，办结率100%，满意率99%')],
  }),
];
