import type { BulletinDocument } from '@efficacy/api-contract';
import { createAssessmentContext } from '@efficacy/assessment-engine';
import {
  DEMO_DATASETS,
  DEMO_REGISTRY,
  DEMO_TARGETS,
  NOT_APPLICABLE,
  NOT_CONNECTED,
  numberCell,
  unitSubject,
  type CellValue,
  type Dataset,
  type Registry,
  type ReportedIndicatorValue,
  type Unit,
} from '@efficacy/indicator-model';
import { annexList, composeBulletin } from './compose';
import { bandSentence, worstFirst, type Standing } from './laggards';
import { DEFAULT_TEMPLATES } from './templates';

const JINFENG = '640106';
const PERIOD = '2022-01..2022-08';

const text = (d: BulletinDocument) =>
  d.sections.flatMap((s) => [s.heading, ...s.paragraphs.map((p) => p.text)]).join('\n');

function compose(
  regionCode: string,
  registry: Registry = DEMO_REGISTRY,
  extra: readonly Dataset[] = [],
  period = PERIOD,
): BulletinDocument {
  const context = createAssessmentContext({
    registry,
    datasets: [...DEMO_DATASETS, ...extra],
    targets: DEMO_TARGETS,
  });
  return composeBulletin(context, {
    regionCode,
    period,
    templates: DEFAULT_TEMPLATES,
    issueDate: '2022-09-13',
  });
}

/** The 15 units the seed lists above 10%, in its printed order (ties as printed). */
const ABOVE_10 =
  '金凤区烟草专卖局100.00%、金凤区审批服务管理局95.36%、金凤区社会保险和事业管理局36.36%、' +
  '金凤区就业创业和人才服务中心31.70%、满城北街民生服务中心26.66%、长城中路民生服务中心26.66%、' +
  '贺兰山中路民生服务中心23.91%、黄河东路民生服务中心21.66%、银川市市场监督管理局金凤区分局20.00%、' +
  '上海西路民生服务中心20.00%、丰登镇民生服务中心18.33%、北京中路民生服务中心14.04%、' +
  '金凤区残疾人联合会12.50%、良田镇民生服务中心12.50%、金凤区自然资源局10.00%';

describe('金凤区 2022年1-8月: the laggards named the way the seed names them', () => {
  const doc = compose(JINFENG);
  const body = text(doc);

  it('lists the units above 10% best first, and the two with cases below 10% by name', () => {
    expect(body).toContain(`目前，共有15个办理部门事项覆盖率超过10%（具体是：${ABOVE_10}）`);
    // 税务局 (6196 cases) and 公安分局 (2 cases) handled cases but are not in the coverage
    // table, which lists only units at 10% or more: the seed names them below 10%.
    expect(body).toContain(
      '；2个办理部门通过平台办理并产生办件量，但事项覆盖率低于10%（具体是：国家税务总局银川市金凤区税务局、银川市公安局金凤区分局）。',
    );
    // Every counted unit of the registry is accounted for: nobody is said to be at 0.
    expect(body).not.toContain('为“0”');
  });

  it('names the units below the 线下参评率 target worst first, and "/" units as not connected', () => {
    expect(body).toContain(
      '线下参评率低于目标的单位有3个：金凤区残疾人联合会（53.03%）、丰登镇民生服务中心（96.31%）、良田镇民生服务中心（98.33%）。',
    );
    expect(body).toContain(
      '国家税务总局银川市金凤区税务局、金凤区就业创业和人才服务中心、金凤区社会保险和事业管理局、银川市公安局金凤区分局、银川市市场监督管理局金凤区分局系统未联通（“/”），未计入排名。',
    );
    const rate = doc.figures.find((f) => f.indicator === 'offline_evaluation_rate');
    expect(rate?.belowTarget).not.toContain('国家税务总局银川市金凤区税务局');
  });

  it('prints the five annexes of the seed whose data is imported, in its order', () => {
    expect(annexList(doc)).toEqual([
      '1. 金凤区2022年1-8月政务服务系统各单位事项覆盖率情况',
      '2. 金凤区2022年1-8月政务服务系统各单位“好差评”情况',
      '3. 金凤区2022年1-8月政务服务系统各单位电子证照录入情况',
      '4. 金凤区2022年1-8月政务服务系统各单位超期件情况',
      '5. 金凤区2022年1-8月政务服务系统各单位预审不通过办件情况',
    ]);
    expect(body).toContain('年入库增长16.7%。详见附件3。');
    expect(body).toContain('未达到目标。详见附件4。');
    expect(body).toContain('便民系统预审不通过办件114件。详见附件5。');
  });

  it('prints annexes 3 to 5 as their 合计 rows, with the years in the headers and a note why', () => {
    const rows = (code: string) =>
      doc.annexes
        .find((a) => a.code === code)
        ?.rows.map((r) => [r.name, ...r.cells.map((c) => c.text)]);
    const licences = doc.annexes.find((a) => a.code === 'e-licences');
    expect(licences?.columns.map((c) => c.header)).toEqual([
      '绑定电子证照模板数(种)',
      '已录入电子证照种类(种)',
      '2020年入库总量(个)',
      '2021年入库总量(个)',
      '2021年入库增长率',
      '2022年1-8月入库总量(个)',
    ]);
    expect(rows('e-licences')).toEqual([['合计', '46', '36', '46356', '54098', '16.7%', '15870']]);
    expect(rows('overdue')).toEqual([['合计', '47903', '45095', '2808', '2779', '29', '5.86%']]);
    expect(rows('failed-pre-review')).toEqual([['合计', '151', '37', '114']]);
    expect(licences?.note).toBe('备注：导入的源表只有合计行，各单位数据未导入，故只列合计。');
    // Annex 1 lists the 15 units the coverage table prints, ranked, and the county's 合计.
    expect(rows('item-coverage')?.[0]).toEqual(['金凤区烟草专卖局', '', '', '100.00']);
    expect(rows('item-coverage')?.[15]).toEqual(['合计', '1681', '472', '28.08']);
  });
});

describe('units at 0, not applicable and not reported', () => {
  // 金凤区 printed 35 办理部门; the registry here holds the 17 of the seed tables and 18 more,
  // which a coverage table printed at 0.00%, plus one printing "-" (无需排查), one "/" and
  // one with nothing in any table.
  const zeroUnits: Unit[] = Array.from({ length: 18 }, (_, i) => ({
    id: `640106:zero-${i + 1}`,
    kind: 'department',
    nameZh: `金凤区测试部门${i + 1}`,
    regionCode: JINFENG,
    aliases: [],
  }));
  const other = (id: string, nameZh: string): Unit => ({
    id: `640106:${id}`,
    kind: 'department',
    nameZh,
    regionCode: JINFENG,
    aliases: [],
  });
  const registry: Registry = {
    ...DEMO_REGISTRY,
    units: [
      ...DEMO_REGISTRY.units,
      ...zeroUnits,
      other('na', '金凤区档案馆'),
      other('nc', '金凤区气象局'),
      other('silent', '金凤区地震局'),
    ],
  };
  const printed = (id: string, value: CellValue, row: number): ReportedIndicatorValue => ({
    subject: unitSubject(id),
    period: PERIOD,
    indicator: 'item_coverage',
    value,
    digits: 2,
    provenance: {
      importId: 'laggards-spec',
      adapterId: 'spec',
      adapterVersion: '1',
      file: 'laggards-spec.xlsx',
      row,
    },
  });
  const extra: Dataset = {
    importId: 'laggards-spec',
    observations: [],
    reported: [
      ...zeroUnits.map((u, i) => printed(u.id, numberCell(0), i + 2)),
      printed('640106:na', NOT_APPLICABLE, 30),
      printed('640106:nc', NOT_CONNECTED, 31),
    ],
  };
  const body = text(compose(JINFENG, registry, [extra]));

  it('counts the units at 0 and says the others as what they are, never 0', () => {
    expect(body).toContain(
      '（具体是：国家税务总局银川市金凤区税务局、银川市公安局金凤区分局）；18个办理部门事项覆盖率为“0”；1个办理部门未报送事项覆盖率数据（金凤区地震局）。',
    );
    expect(body).toContain(
      '金凤区档案馆不涉及事项覆盖率统计（“-”）；金凤区气象局系统未联通（“/”），未计入排名。',
    );
    expect(body).not.toContain('金凤区档案馆0');
    expect(body).not.toContain('金凤区档案馆（0');
  });

  it('says 其余 when every other unit is at 0', () => {
    const standings: Standing[] = [
      { id: 'a', name: '甲局', status: 'number', value: 50, text: '50.00%', order: '1' },
      { id: 'b', name: '乙局', status: 'number', value: 0, text: '0.00%', order: '2' },
      { id: 'c', name: '丙局', status: 'missing', text: '', order: '3', cases: 0 },
    ];
    expect(bandSentence(standings, 10, '事项覆盖率')).toBe(
      '目前，共有1个办理部门事项覆盖率超过10%（具体是：甲局50.00%）；其余2个办理部门事项覆盖率为“0”。',
    );
  });

  it('ranks worst first with ties in the printed order, and leaves "-" out', () => {
    const standings: Standing[] = [
      { id: 'a', name: '甲', status: 'number', value: 5, text: '5%', order: '3' },
      { id: 'b', name: '乙', status: 'number', value: 1, text: '1%', order: '2' },
      { id: 'c', name: '丙', status: 'number', value: 1, text: '1%', order: '1' },
      { id: 'd', name: '丁', status: 'not_applicable', text: '-', order: '0' },
    ];
    expect(worstFirst(standings, 'higher-is-better').map((s) => s.name)).toEqual([
      '丙',
      '乙',
      '甲',
    ]);
    expect(worstFirst(standings, 'lower-is-better').map((s) => s.name)).toEqual(['甲', '丙', '乙']);
  });
});

describe('a city bulletin says how many of its counties it covers', () => {
  const doc = compose('640100');
  const body = text(doc);

  it('names the counties that reported and does not judge the partial figure', () => {
    expect(body).toContain('截至8月底，银川市2个县区中1个已报送（金凤区），已报送县区纳入统计');
    expect(body).toContain(
      '全市2个县区中1个已报送（金凤区），已报送县区事项覆盖率为28.08%（472/1681）。按照银川市“2022年事项覆盖率达到40%”的目标要求，因全市尚有1个县区未报送，暂不判定是否达到目标',
    );
    expect(body).not.toContain('全市事项覆盖率为');
    // The lead is said once per paragraph.
    expect(body).toContain('已报送县区超期率为5.86%（2808/47903）；已报送县区超期未办件为29');
    const coverage = doc.figures.find((f) => f.indicator === 'item_coverage');
    expect(coverage?.target?.status).toBe('partial');
    expect(body).not.toMatch(/事项覆盖率[^。]*未达到目标要求/);
  });

  it('says the coverage beside a complete total too', () => {
    expect(text(compose('410500', DEMO_REGISTRY, [], '2023-06'))).toContain(
      '全市资源挂载率为62.39%（73/117；全市1个县区中1个已报送）',
    );
  });
});
