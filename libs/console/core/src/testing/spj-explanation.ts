import type { Explanation } from '@efficacy/api-contract';

/** GET /api/explanations?unit=640106:spj&period=2022-01..2022-08&indicator=offline_evaluation_rate */
export const SPJ_EXPLANATION: Explanation = {
  indicator: {
    code: 'offline_evaluation_rate',
    version: 1,
    nameZh: '线下参评率',
    nameEn: 'offline evaluation rate',
    formulaZh: '线下评价数 ÷ 线下办件数 × 100',
    formulaEn: 'offline cases evaluated ÷ offline cases × 100',
    rounding: {
      mode: 'half-up',
      digits: 2,
    },
    roundingEvidence:
      'Jinfeng annex 2: 5769/5835 = 98.868… is printed 98.87 (truncation gives 98.86). One row disagrees: 丰登镇 366/380 = 96.315… is printed 96.31, which only truncation gives; it is flagged, not used to change the rule.',
    validFrom: '2019-01-01',
    policy: [
      {
        document: '金凤区审批服务管理局《金凤区1-8月政务服务运行情况的通报》（2022年9月13日）',
        textZh: '线上办件35767件，线下评价12009件，线下评价率98.95%',
      },
      {
        document: '金凤区审批服务管理局《金凤区1-8月政务服务运行情况的通报》（2022年9月13日）',
        textZh: '以及银川市“2022年评价率98.5%以上”的阶段性目标要求',
      },
    ],
  },
  subject: {
    kind: 'unit',
    id: '640106:spj',
  },
  nameZh: '金凤区审批服务管理局',
  period: '2022-01..2022-08',
  asOf: '2022-08-31',
  value: {
    status: 'number',
    value: 98.87,
    display: '98.87',
    source: 'derived',
    derived: {
      status: 'number',
      value: 98.87,
      numerator: 5769,
      denominator: 5835,
      basis: 'unit',
      excludedUnits: 0,
    },
    reported: {
      status: 'number',
      value: 98.87,
      printed: '98.87',
      cell: {
        importId: 'ed751b61-0c29-4482-9a09-ce5f4a1eeb59',
        adapterId: 'ningxia',
        adapterVersion: '1.0.0',
        file: 'jinfeng-2022-01to08-annex2-haochaping.xlsx',
        sheet: '附件2',
        row: 4,
        column: 'G',
        printed: '98.87',
        rowLabel: '审批局',
      },
    },
  },
  exact: {
    fraction: '38460/389',
    decimal: '98.8688946015',
  },
  inputs: [
    {
      measure: 'cases.offline.evaluated',
      labelZh: '线下评价数',
      labelEn: 'offline cases evaluated',
      period: '2022-01..2022-08',
      total: 5769,
      contributions: [
        {
          subject: {
            kind: 'unit',
            id: '640106:spj',
          },
          nameZh: '金凤区审批服务管理局',
          value: 5769,
          path: 'recorded',
          cells: [
            {
              importId: 'ed751b61-0c29-4482-9a09-ce5f4a1eeb59',
              adapterId: 'ningxia',
              adapterVersion: '1.0.0',
              file: 'jinfeng-2022-01to08-annex2-haochaping.xlsx',
              sheet: '附件2',
              row: 4,
              column: 'F',
              printed: '5769',
              rowLabel: '审批局',
            },
          ],
        },
      ],
    },
    {
      measure: 'cases.offline',
      labelZh: '线下办件数',
      labelEn: 'offline cases',
      period: '2022-01..2022-08',
      total: 5835,
      contributions: [
        {
          subject: {
            kind: 'unit',
            id: '640106:spj',
          },
          nameZh: '金凤区审批服务管理局',
          value: 5835,
          path: 'recorded',
          cells: [
            {
              importId: 'ed751b61-0c29-4482-9a09-ce5f4a1eeb59',
              adapterId: 'ningxia',
              adapterVersion: '1.0.0',
              file: 'jinfeng-2022-01to08-annex2-haochaping.xlsx',
              sheet: '附件2',
              row: 4,
              column: 'E',
              printed: '5835',
              rowLabel: '审批局',
            },
          ],
        },
      ],
    },
  ],
  excluded: [],
  warnings: [],
};
