import type { Dataset, Subject } from '../../values/observation';
import { regionSubject, unitSubject } from '../../values/observation';
import { transcribeTable, transcribeText, type RowSpec, type TextFigure } from './table';

const JINFENG_FILE = 'ningxia-jinfeng-2022-01to08-bulletin.txt';
const JINFENG_IMPORT = 'seed-jinfeng-2022-01..08';
const JINFENG_PERIOD = '2022-01..2022-08';
const JINFENG = regionSubject('640106');

function jinfengRow(row: number, slug: string, name: string, cells: string[]): RowSpec {
  return { row, subject: unitSubject(`640106:${slug}`), name, cells };
}

/**
 * 附件2 金凤区2022年1-8月政务服务系统各单位“好差评”情况. Columns: A 序号, B 单位/部门,
 * C 办件量, D 线上办件数, E 线下办件数, F 线下评价数, G 线下参评率 (%), H 满意度 (%).
 * The rates print "100" for 100.00, so the column precision (2) is given explicitly.
 */
const jinfengAnnex2 = transcribeTable({
  importId: JINFENG_IMPORT,
  file: JINFENG_FILE,
  sheet: '附件2',
  period: JINFENG_PERIOD,
  columns: [
    { column: 'C', measure: 'cases' },
    { column: 'D', measure: 'cases.online' },
    { column: 'E', measure: 'cases.offline' },
    { column: 'F', measure: 'cases.offline.evaluated' },
    { column: 'G', indicator: 'offline_evaluation_rate', digits: 2 },
    { column: 'H', indicator: 'satisfaction', digits: 2 },
  ],
  rows: [
    jinfengRow(2, 'spj', '审批局', ['5867', '32', '5835', '5769', '98.87', '100']),
    jinfengRow(3, 'swj', '国家税务总局银川市金凤区税务局', ['6196', '6196', '0', '/', '/', '100']),
    jinfengRow(4, 'cl', '金凤区残疾人联合会', ['66', '0', '66', '35', '53.03', '100']),
    jinfengRow(5, 'jycyrc', '金凤区就业创业和人才服务中心', ['3569', '3569', '0', '/', '/', '100']),
    jinfengRow(6, 'sbj', '金凤区社会保险和事业管理局', ['16480', '16480', '0', '/', '/', '100']),
    jinfengRow(7, 'gaj', '银川市公安局金凤区分局', ['2', '2', '0', '/', '/', '100']),
    jinfengRow(8, 'scjgj', '银川市市场监督管理局金凤区分局', ['1', '1', '0', '/', '/', '100']),
    jinfengRow(9, 'zrzyj', '金凤区自然资源局', ['1', '0', '1', '1', '100', '100']),
    jinfengRow(10, 'liangtian-mszx', '良田镇民生服务中心', [
      '1591',
      '1051',
      '540',
      '531',
      '98.33',
      '100',
    ]),
    jinfengRow(11, 'fengdeng-mszx', '丰登镇民生服务中心', [
      '799',
      '419',
      '380',
      '366',
      '96.31',
      '100',
    ]),
    jinfengRow(12, 'shanghaixilu-mszx', '上海西路民生服务中心', [
      '1795',
      '1363',
      '432',
      '432',
      '100',
      '100',
    ]),
    jinfengRow(13, 'changchengzhonglu-mszx', '长城中路民生服务中心', [
      '2780',
      '1809',
      '971',
      '971',
      '100',
      '100',
    ]),
    jinfengRow(14, 'huanghedonglu-mszx', '黄河东路民生服务中心', [
      '4412',
      '1560',
      '2852',
      '2845',
      '99.75',
      '100',
    ]),
    jinfengRow(15, 'manchengbeijie-mszx', '满城北街民生服务中心', [
      '3204',
      '2704',
      '500',
      '500',
      '100',
      '100',
    ]),
    jinfengRow(16, 'beijingzhonglu-mszx', '北京中路民生服务中心', [
      '853',
      '442',
      '411',
      '411',
      '100',
      '100',
    ]),
    jinfengRow(17, 'helanshanzhonglu-mszx', '贺兰山中路民生服务中心', [
      '287',
      '139',
      '148',
      '148',
      '100',
      '100',
    ]),
    {
      row: 18,
      subject: JINFENG,
      name: '合计',
      role: 'total',
      cells: ['47903', '35767', '12136', '12009', '98.95', '100'],
    },
  ],
});

function coverage(slug: string, printed: string): TextFigure {
  return {
    subject: unitSubject(`640106:${slug}`),
    locator: '一、（一）',
    indicator: 'item_coverage',
    printed,
    digits: 2,
  };
}

/** Figures quoted in the Jinfeng bulletin's text (annexes 1, 3, 4 and 5 are not printed). */
const jinfengText = transcribeText(
  { importId: JINFENG_IMPORT, file: JINFENG_FILE, period: JINFENG_PERIOD },
  [
    { subject: JINFENG, locator: '一、总体情况', measure: 'items', printed: '1681' },
    { subject: JINFENG, locator: '一、（一）', measure: 'items.with_cases', printed: '472' },
    {
      subject: JINFENG,
      locator: '一、（一）',
      measure: 'items.with_cases.approval',
      printed: '370',
    },
    {
      subject: JINFENG,
      locator: '一、（一）',
      measure: 'items.with_cases.convenience',
      printed: '102',
    },
    { subject: JINFENG, locator: '一、（一）', indicator: 'item_coverage', printed: '28.08%' },
    coverage('yczmj', '100%'),
    coverage('spj', '95.36%'),
    coverage('sbj', '36.36%'),
    coverage('jycyrc', '31.70%'),
    coverage('manchengbeijie-mszx', '26.66%'),
    coverage('changchengzhonglu-mszx', '26.66%'),
    coverage('helanshanzhonglu-mszx', '23.91%'),
    coverage('huanghedonglu-mszx', '21.66%'),
    coverage('scjgj', '20.00%'),
    coverage('shanghaixilu-mszx', '20.00%'),
    coverage('fengdeng-mszx', '18.33%'),
    coverage('beijingzhonglu-mszx', '14.04%'),
    coverage('cl', '12.50%'),
    coverage('liangtian-mszx', '12.50%'),
    coverage('zrzyj', '10.00%'),
    { subject: JINFENG, locator: '一、（二）', measure: 'cases', printed: '47903' },
    { subject: JINFENG, locator: '一、（二）', measure: 'cases.approval', printed: '32182' },
    { subject: JINFENG, locator: '一、（二）', measure: 'cases.convenience', printed: '15721' },
    { subject: JINFENG, locator: '一、（二）', measure: 'cases.online', printed: '35767' },
    {
      subject: JINFENG,
      locator: '一、（二）',
      measure: 'cases.offline.evaluated',
      printed: '12009',
    },
    {
      subject: JINFENG,
      locator: '一、（二）',
      indicator: 'offline_evaluation_rate',
      printed: '98.95%',
    },
    { subject: JINFENG, locator: '一、（二）', measure: 'evaluations.bad', printed: '0' },
    {
      subject: JINFENG,
      locator: '一、（二）',
      indicator: 'satisfaction',
      printed: '100%',
      digits: 2,
    },
    { subject: JINFENG, locator: '一、（三）', measure: 'elicence.types_bound', printed: '46' },
    {
      subject: JINFENG,
      locator: '一、（三）',
      measure: 'elicence.types_with_records',
      printed: '36',
    },
    {
      subject: JINFENG,
      locator: '一、（三）',
      measure: 'elicence.records_added',
      printed: '15870',
    },
    {
      subject: JINFENG,
      locator: '一、（三）',
      measure: 'elicence.records_added',
      printed: '46356',
      period: '2020',
    },
    {
      subject: JINFENG,
      locator: '一、（三）',
      measure: 'elicence.records_added',
      printed: '54098',
      period: '2021',
    },
    {
      subject: JINFENG,
      locator: '一、（三）',
      indicator: 'elicence_growth',
      printed: '16.7%',
      period: '2021',
    },
    { subject: JINFENG, locator: '一、（四）', measure: 'cases.finished_normal', printed: '45095' },
    { subject: JINFENG, locator: '一、（四）', measure: 'cases.overdue', printed: '2808' },
    { subject: JINFENG, locator: '一、（四）', measure: 'cases.finished_late', printed: '2779' },
    { subject: JINFENG, locator: '一、（四）', measure: 'cases.unfinished_late', printed: '29' },
    { subject: JINFENG, locator: '一、（四）', indicator: 'overdue_rate', printed: '5.86%' },
    {
      subject: JINFENG,
      locator: '一、（五）',
      measure: 'cases.pre_review_rejected',
      printed: '151',
    },
    {
      subject: JINFENG,
      locator: '一、（五）',
      measure: 'cases.pre_review_rejected.approval_system',
      printed: '37',
    },
    {
      subject: JINFENG,
      locator: '一、（五）',
      measure: 'cases.pre_review_rejected.convenience_system',
      printed: '114',
    },
  ],
);

/** Jinfeng 2022 1–8月 bulletin: annex 2 and the text figures. */
export const JINFENG_2022_01_08: Dataset = {
  importId: JINFENG_IMPORT,
  observations: [...jinfengAnnex2.observations, ...jinfengText.observations],
  reported: [...jinfengAnnex2.reported, ...jinfengText.reported],
};

const LINGWU_FILE = 'ningxia-lingwu-2022-h1-analysis.txt';
const LINGWU_IMPORT = 'seed-lingwu-2022-h1';
const LINGWU = regionSubject('640181');

/** Lingwu's townships by the slug the transcription uses: their 统计用区划代码. */
const LINGWU_TOWNSHIP_CODES: Readonly<Record<string, string>> = {
  chengqu: '640181001000',
  dongta: '640181100000',
  haojiaqiao: '640181101000',
  chongxing: '640181102000',
  majiatan: '640181104000',
  linhe: '640181105000',
  wutongshu: '640181200000',
  baitugang: '640181201000',
};

function township(slug: keyof typeof LINGWU_TOWNSHIP_CODES): Subject {
  return regionSubject(LINGWU_TOWNSHIP_CODES[slug]);
}

/**
 * Lingwu H1 2022 analysis: only prose. Counts are printed in 万 (34.9万 = 349000), shares
 * with 0 or 1 decimal; overdue unfinished cases per township from section 三、(三).
 */
const lingwuText = transcribeText(
  { importId: LINGWU_IMPORT, file: LINGWU_FILE, period: '2022-H1' },
  [
    { subject: LINGWU, locator: '一、总体运行情况', measure: 'cases', printed: '34.9万' },
    {
      subject: LINGWU,
      locator: '一、总体运行情况',
      measure: 'cases.channel.window',
      printed: '30.6万',
    },
    {
      subject: LINGWU,
      locator: '一、总体运行情况',
      indicator: 'channel_share.window',
      printed: '88%',
    },
    {
      subject: LINGWU,
      locator: '一、总体运行情况',
      measure: 'cases.channel.township',
      printed: '4.32万',
    },
    {
      subject: LINGWU,
      locator: '一、总体运行情况',
      indicator: 'channel_share.township',
      printed: '12%',
    },
    {
      subject: LINGWU,
      locator: '一、总体运行情况',
      measure: 'cases.channel.online_platform',
      printed: '1.74万',
    },
    {
      subject: LINGWU,
      locator: '一、总体运行情况',
      indicator: 'channel_share.online_platform',
      printed: '5%',
    },
    {
      subject: LINGWU,
      locator: '一、总体运行情况',
      measure: 'cases.channel.fully_online',
      printed: '4.08万',
    },
    {
      subject: LINGWU,
      locator: '一、总体运行情况',
      indicator: 'channel_share.fully_online',
      printed: '11.7%',
    },
    {
      subject: LINGWU,
      locator: '一、总体运行情况',
      measure: 'cases.channel.mobile',
      printed: '1.15万',
    },
    {
      subject: LINGWU,
      locator: '一、总体运行情况',
      indicator: 'channel_share.mobile',
      printed: '3.3%',
    },
    { subject: LINGWU, locator: '一、总体运行情况', indicator: 'item_coverage', printed: '21.41%' },
    {
      subject: LINGWU,
      locator: '二、（三）',
      measure: 'elicence.types_with_records',
      printed: '45',
    },
    { subject: LINGWU, locator: '二、（三）', measure: 'elicence.records_added', printed: '6.4万' },
    { subject: LINGWU, locator: '二、（四）', measure: 'evaluations', printed: '25477' },
    { subject: LINGWU, locator: '二、（四）', measure: 'evaluations.online', printed: '2982' },
    { subject: LINGWU, locator: '二、（四）', measure: 'evaluations.offline', printed: '22495' },
    { subject: LINGWU, locator: '二、（四）', indicator: 'evaluation_rate', printed: '95.58%' },
    { subject: LINGWU, locator: '二、（四）', indicator: 'satisfaction', printed: '99.9%' },
    {
      subject: LINGWU,
      locator: '二、（四）',
      indicator: 'bad_review_rectification_rate',
      printed: '100%',
    },
    {
      subject: township('haojiaqiao'),
      locator: '三、（三）',
      measure: 'cases.unfinished_late',
      printed: '125',
    },
    {
      subject: township('chongxing'),
      locator: '三、（三）',
      measure: 'cases.unfinished_late',
      printed: '97',
    },
    {
      subject: township('wutongshu'),
      locator: '三、（三）',
      measure: 'cases.unfinished_late',
      printed: '86',
    },
    {
      subject: township('baitugang'),
      locator: '三、（三）',
      measure: 'cases.unfinished_late',
      printed: '35',
    },
    {
      subject: township('dongta'),
      locator: '三、（三）',
      measure: 'cases.unfinished_late',
      printed: '28',
    },
    {
      subject: township('majiatan'),
      locator: '三、（三）',
      measure: 'cases.unfinished_late',
      printed: '22',
    },
    {
      subject: township('linhe'),
      locator: '三、（三）',
      measure: 'cases.unfinished_late',
      printed: '9',
    },
    {
      subject: township('chengqu'),
      locator: '三、（三）',
      measure: 'cases.unfinished_late',
      printed: '3',
    },
  ],
);

/** Lingwu H1 2022: text figures only. */
export const LINGWU_2022_H1: Dataset = {
  importId: LINGWU_IMPORT,
  observations: lingwuText.observations,
  reported: lingwuText.reported,
};
