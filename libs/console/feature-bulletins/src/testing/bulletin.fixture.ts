import type { BulletinDocument, BulletinSummary } from '@efficacy/api-contract';

/** A 金凤区 bulletin as the API composes it (trimmed to what the specs look at). */
export const JINFENG_DOCUMENT: BulletinDocument = {
  regionCode: '640106',
  regionNameZh: '金凤区',
  period: '2022-01..2022-08',
  periodLabelZh: '2022年1-8月',
  title: '金凤区2022年1-8月政务服务运行情况的通报',
  issuer: '金凤区政务服务管理部门',
  documentNumber: '金凤区政务〔2022〕　号',
  issueDate: '2022-09-13',
  addressee: '各有关部门、各乡镇（街道）：',
  sections: [
    {
      heading: '一、总体情况',
      level: 1,
      paragraphs: [{ text: '截至8月底，金凤区承接政务服务事项1681项。' }],
    },
    {
      heading: '（一）政务服务“好差评”情况',
      level: 2,
      indicators: ['offline_evaluation_rate'],
      paragraphs: [
        { text: '截至8月底，全区线下评价率为98.95%（12009/12136）；差评0件。详见附件1。' },
      ],
    },
  ],
  figures: [
    {
      indicator: 'offline_evaluation_rate',
      nameZh: '线下参评率',
      display: '98.95%',
      value: 98.95,
      unit: 'percent',
      target: { comparator: '>=', value: 98.5, status: 'met' },
      belowTarget: ['金凤区残疾人联合会', '丰登镇民生服务中心'],
    },
  ],
  annexes: [
    {
      number: 1,
      code: 'good-bad-review',
      title: '金凤区2022年1-8月政务服务系统各单位“好差评”情况',
      nameHeader: '单位/部门',
      columns: [
        { header: '办件量', kind: 'count' },
        { header: '线下参评率 (%)', kind: 'percent' },
      ],
      rows: [
        {
          seq: '1',
          name: '金凤区审批服务管理局',
          kind: 'unit',
          cells: [
            { text: '5867', value: 5867 },
            { text: '98.87', value: 98.87 },
          ],
        },
        {
          seq: '',
          name: '合计',
          kind: 'total',
          cells: [
            { text: '47903', value: 47903 },
            { text: '98.95', value: 98.95 },
          ],
        },
      ],
      note: '备注：标“/”单位评价系统未联通。',
    },
  ],
  charts: [
    {
      kind: 'ranking',
      code: 'ranking-offline_evaluation_rate',
      title: '各单位线下参评率排名',
      indicator: 'offline_evaluation_rate',
      unit: '%',
      bars: [
        { name: '金凤区审批服务管理局', value: 98.87 },
        { name: '金凤区残疾人联合会', value: 53.03 },
      ],
      target: 98.5,
    },
  ],
};

export const DRAFT: BulletinSummary = {
  id: '11111111-1111-4111-8111-111111111111',
  regionCode: '640106',
  regionNameZh: '金凤区',
  period: '2022-01..2022-08',
  title: JINFENG_DOCUMENT.title,
  documentNumber: JINFENG_DOCUMENT.documentNumber,
  status: 'draft',
  createdBy: 'jinfeng.admin',
  createdAt: '2022-09-13T02:00:00.000Z',
  errata: [],
  formats: [],
};

export const PUBLISHED: BulletinSummary = {
  ...DRAFT,
  id: '22222222-2222-4222-8222-222222222222',
  documentNumber: '金凤区政务〔2022〕1号',
  status: 'published',
  publishedBy: 'yinchuan.admin',
  publishedAt: '2022-09-14T02:00:00.000Z',
  formats: ['docx', 'xlsx'],
  errata: [
    {
      id: '33333333-3333-4333-8333-333333333333',
      documentNumber: '金凤区政务〔2022〕2号',
      status: 'draft',
    },
  ],
};

export const ERRATUM: BulletinSummary = {
  ...DRAFT,
  id: '33333333-3333-4333-8333-333333333333',
  title: '关于更正《金凤区2022年1-8月政务服务运行情况的通报》的通报',
  documentNumber: '金凤区政务〔2022〕2号',
  correctsId: PUBLISHED.id,
};
