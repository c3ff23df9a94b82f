import type { BulletinAnnex, BulletinDocument } from '@efficacy/api-contract';
import { createAssessmentContext } from '@efficacy/assessment-engine';
import { DEMO_DATASETS, DEMO_REGISTRY, DEMO_TARGETS } from '@efficacy/indicator-model';
import {
  NoFiguresError,
  areaWord,
  chineseNumeral,
  composeBulletin,
  documentNumber,
  officeFor,
  withOffice,
} from './compose';
import { DEFAULT_TEMPLATES, checkTemplates, fillTemplate } from './templates';

const context = createAssessmentContext({
  registry: DEMO_REGISTRY,
  datasets: DEMO_DATASETS,
  targets: DEMO_TARGETS,
});

function compose(regionCode: string, period: string): BulletinDocument {
  return composeBulletin(context, {
    regionCode,
    period,
    templates: DEFAULT_TEMPLATES,
    documentNumber: '金审管〔2022〕3号',
    issueDate: '2022-09-13',
  });
}

const text = (d: BulletinDocument) =>
  d.sections.flatMap((s) => [s.heading, ...s.paragraphs.map((p) => p.text)]).join('\n');
const rowsOf = (annex: BulletinAnnex | undefined) =>
  (annex?.rows ?? []).map((r) => [r.name, ...r.cells.map((c) => c.text)]);

describe('composing the 金凤区 2022年1-8月 bulletin from the seed figures', () => {
  const doc = compose('640106', '2022-01..2022-08');
  const body = text(doc);

  it('titles the bulletin with the place and period and numbers it', () => {
    expect(doc.title).toBe('金凤区2022年1-8月政务服务运行情况的通报');
    expect(doc.documentNumber).toBe('金审管〔2022〕3号');
    // No office settings saved: a draft prints marked placeholders, never a made-up office.
    expect(doc.issuer).toBe('【待设置：发文机关（红头）】');
    expect(doc.signature).toBe('【待设置：落款】');
    expect(doc.imprint).toEqual({ printedBy: '【待设置：印发机关】', printDate: '2022-09-13' });
    expect(doc.missingSettings).toEqual(['issuer', 'signature', 'numberPrefix', 'printedBy']);
  });

  it('writes the headline figures into sentences, with the targets and their gaps', () => {
    expect(body).toContain('全区事项覆盖率为28.08%（472/1681）');
    expect(body).toContain(
      '按照银川市“2022年事项覆盖率达到40%”的目标要求，尚差11.92个百分点，未达到目标',
    );
    expect(body).toContain('全区线下评价率为98.95%（12009/12136）');
    expect(body).toContain('全区政务服务“好差评”整体满意率为100%');
    expect(body).toContain('差评0件');
    expect(body).toContain('全区超期率为5.86%（2808/47903）');
    expect(body).toContain('全区超期未办件为29');
  });

  it('names the units below target with their figures', () => {
    expect(body).toContain(
      '线下参评率低于目标的单位有3个：金凤区残疾人联合会（53.03%）、丰登镇民生服务中心（96.31%）、良田镇民生服务中心（98.33%）。',
    );
    const rate = doc.figures.find((f) => f.indicator === 'offline_evaluation_rate');
    // Worst first, as a laggard list reads.
    expect(rate?.belowTarget).toEqual([
      '金凤区残疾人联合会',
      '丰登镇民生服务中心',
      '良田镇民生服务中心',
    ]);
    expect(rate?.target).toEqual({ comparator: '>=', value: 98.5, status: 'met' });
  });

  it('reproduces annex 2 row by row, 合计 last, "/" where the evaluation system is not connected', () => {
    const annex = doc.annexes.find((a) => a.code === 'good-bad-review');
    expect(annex?.title).toBe('金凤区2022年1-8月政务服务系统各单位“好差评”情况');
    const rows = rowsOf(annex);
    expect(rows).toHaveLength(17);
    expect(rows[0]).toEqual([
      '金凤区审批服务管理局',
      '5867',
      '32',
      '5835',
      '5769',
      '98.87',
      '100.00',
    ]);
    expect(rows[1]).toEqual([
      '国家税务总局银川市金凤区税务局',
      '6196',
      '6196',
      '0',
      '/',
      '/',
      '100.00',
    ]);
    expect(rows[9]).toEqual(['丰登镇民生服务中心', '799', '419', '380', '366', '96.31', '100.00']);
    expect(rows[16]).toEqual(['合计', '47903', '35767', '12136', '12009', '98.95', '100.00']);
    expect(body).toContain(`详见附件${annex?.number}。`);
  });

  it('takes the next-step requirements from the templates and ranks units in charts', () => {
    expect(body).toContain('二、下一步工作要求');
    expect(body).toContain('（一）提高事项覆盖率');
    const chart = doc.charts.find((c) => c.code === 'ranking-offline_evaluation_rate');
    expect(chart?.kind).toBe('ranking');
    if (chart?.kind === 'ranking') {
      expect(chart.target).toBe(98.5);
      expect(chart.bars[chart.bars.length - 1]).toEqual({
        name: '金凤区残疾人联合会',
        value: 53.03,
      });
    }
  });
});

describe('composing the 殷都区 2023年6月 bulletin', () => {
  const doc = compose('410505', '2023-06');
  const body = text(doc);
  const annex = (code: string) => doc.annexes.find((a) => a.code === code);

  it('reports the overall figures in prose', () => {
    expect(body).toContain('全区政务服务不见面审批事项占比为100%');
    expect(body).toContain('全区即办件占比为62.71%（1031/1644）');
    expect(body).toContain('全区政务服务事项时限压缩比例为92.25%');
    expect(body).toContain('全区主项覆盖率为20.63%（79/383）');
    expect(body).toContain('全区子项覆盖率为27.46%（461/1679）');
    expect(body).toContain('全区网办问题排查完成率为5.50%（11/200）');
  });

  it('reproduces annex 1 (contactless and immediate items) with the 合计 on top', () => {
    const rows = rowsOf(annex('contactless-immediate'));
    expect(rows).toHaveLength(32);
    expect(rows[0]).toEqual(['合计', '1644', '100.00%', '1031', '62.71%']);
    expect(rows[16]).toEqual(['殷都区医保局', '66', '100.00%', '59', '89.39%']);
    expect(rows[31]).toEqual(['殷都区财政局', '3', '100.00%', '0', '0.00%']);
  });

  it('reproduces annex 2 (time-limit compression) ranked by the compression ratio', () => {
    const rows = rowsOf(annex('time-limit-compression'));
    expect(rows[0]).toEqual(['合计', '1644', '42166', '3266', '1031', '505', '108', '92.25%']);
    expect(rows[1]).toEqual(['殷都区退役军人事务局', '40', '4320', '40', '0', '40', '0', '99.07%']);
    expect(rows[19]).toEqual(['殷都区人社局', '242', '8163', '408', '125', '97', '20', '95.00%']);
    expect(rows[31]).toEqual(['殷都区公安分局', '143', '1838', '1532', '64', '3', '76', '16.65%']);
  });

  it('reproduces annex 5 (互联网+监管) with the city benchmark row and two-row header', () => {
    const a = annex('internet-plus-supervision');
    expect(a?.columns.filter((c) => c.group === '行政检查').map((c) => c.header)).toEqual([
      '个数',
      '覆盖数',
      '汇聚数',
    ]);
    const rows = rowsOf(a);
    expect(rows[0]?.slice(0, 4)).toEqual(['安阳市', '4234', '2018', '47.66%']);
    expect(rows[0]?.[16]).toBe('45.39%');
    expect(rows[1]).toEqual(
      '殷都区 383 79 20.63% 488 57 122 930 245 351 68 20 20 193 139 142 27.46%'.split(' '),
    );
    expect(rows[5]?.slice(0, 4)).toEqual(['殷都区卫健委', '29', '26', '89.66%']);
    expect(rows).toHaveLength(27);
  });

  it('reproduces annex 7 (online-service audit) with the 合计 last', () => {
    const rows = rowsOf(annex('online-service-audit'));
    expect(rows[0]).toEqual(['殷都区自然资源局', '6', '4', '2', '66.67%']);
    expect(rows[9]).toEqual(['合计', '200', '11', '189', '5.50%']);
  });
});

describe('wording helpers and templates', () => {
  it('numbers sections in Chinese and says 全区 / 全县 / 全市', () => {
    expect([1, 5, 10, 12, 21].map(chineseNumeral)).toEqual(['一', '五', '十', '十二', '二十一']);
    expect(areaWord('金凤区')).toBe('全区');
    expect(areaWord('灵武市')).toBe('全市');
  });

  it('fills placeholders and refuses unknown ones with the field named', () => {
    const values = {
      region: '金凤区',
      area: '全区',
      period: '2022年1-8月',
      asOf: '8月底',
      year: '2022',
    };
    expect(fillTemplate('{region}{period}', values)).toBe('金凤区2022年1-8月');
    expect(checkTemplates({ ...DEFAULT_TEMPLATES, closing: '请{unit}整改' })).toContain(
      'closing: unknown placeholder {unit}',
    );
    expect(checkTemplates(DEFAULT_TEMPLATES)).toBeUndefined();
  });
});

describe('the office settings and the 发文字号', () => {
  const office = {
    issuer: '{region}审批服务管理局',
    signature: '{region}审批服务管理局',
    numberPrefix: '金政务',
    copyTo: '区委办公室，区人大办公室，区政府办公室。',
    printedBy: '{region}审批服务管理局办公室',
  };
  const doc = composeBulletin(context, {
    regionCode: '640106',
    period: '2022-01..2022-08',
    templates: { ...DEFAULT_TEMPLATES, office },
    sequence: 3,
    issueDate: '2027-01-04',
  });

  it("drafts the number from the issue date's year and the office's sequence", () => {
    expect(doc.documentNumber).toBe('金政务〔2027〕3号');
    expect(documentNumber('殷放管服办', '2023-07-10', 18)).toBe('殷放管服办〔2023〕18号');
  });

  it('prints the 红头, 落款 and 版记 from the settings', () => {
    expect(doc.issuer).toBe('金凤区审批服务管理局');
    expect(doc.signature).toBe('金凤区审批服务管理局');
    expect(doc.imprint).toEqual({
      copyTo: '区委办公室，区人大办公室，区政府办公室。',
      printedBy: '金凤区审批服务管理局办公室',
      printDate: '2027-01-04',
    });
    expect(doc.missingSettings).toBeUndefined();
  });

  it('renumbers and re-dates a draft at publication with the settings then in force', () => {
    const draft = compose('640106', '2022-01..2022-08');
    const published = withOffice(
      draft,
      officeFor({ ...DEFAULT_TEMPLATES, office }, draft),
      '2027-12-31',
      12,
    );
    expect(published.documentNumber).toBe('金政务〔2027〕12号');
    expect(published.issueDate).toBe('2027-12-31');
    expect(published.missingSettings).toBeUndefined();
  });
});

describe('no data, no bulletin', () => {
  it('refuses a period without imported figures for the region, saying so', () => {
    expect(() => compose('640106', '2030-01')).toThrow(NoFiguresError);
    expect(() => compose('640106', '2030-01')).toThrow(
      "no figures have been imported for 金凤区 (640106) in 2030-01: import the period's statistics before composing its bulletin",
    );
  });
});

describe('sections the seeds print and one value per figure', () => {
  it("writes 金凤区's 电子证照 and 预审不通过 sections from the imported counts", () => {
    const body = text(compose('640106', '2022-01..2022-08'));
    expect(body).toContain('（三）电子证照入库情况');
    expect(body).toContain(
      '金凤区绑定电子证照模板46种，已录入电子证照信息的36种，入库总量15870个。2020年入库总量46356个，2021年入库总量54098个，年入库增长16.7%。',
    );
    expect(body).toContain('（五）预审不通过办结情况');
    expect(body).toContain(
      '预审不通过办件151件，其中：审批系统预审不通过办件37件；便民系统预审不通过办件114件。',
    );
  });

  it("prints 西区's case count once, the one its rates use, and names the platform's 4288", () => {
    const body = text(compose('510403', '2022-09'));
    const counts = [...body.matchAll(/(\d{4})件|\/(\d{4})）/g)].map((m) => m[1] ?? m[2]);
    expect(new Set(counts.filter((c) => c === '4288' || c === '4290'))).toEqual(
      new Set(['4290', '4288']),
    );
    expect(body).toContain(
      '通过平台办理政务服务事项4290件（各单位办件量合计；平台统计的西区办件量为4288件，相差2件',
    );
    expect(body).toContain('全区超期率为0%（0/4290）');
  });

  it('leaves out requirements about indicators the bulletin does not report', () => {
    const xiqu = compose('510403', '2022-09');
    expect(text(xiqu)).not.toContain('提高事项覆盖率');
    expect(text(xiqu)).toContain('（一）持续提升政务服务“好差评”工作质效');
    expect(text(compose('640106', '2022-01..2022-08'))).toContain('（一）提高事项覆盖率');
  });
});
