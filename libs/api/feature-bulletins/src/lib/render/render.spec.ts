import JSZip from 'jszip';
import { Workbook } from 'exceljs';
import { createAssessmentContext } from '@efficacy/assessment-engine';
import { DEMO_DATASETS, DEMO_REGISTRY, DEMO_TARGETS } from '@efficacy/indicator-model';
import { composeBulletin } from '../composition/compose';
import { DEFAULT_TEMPLATES } from '../composition/templates';
import { renderChart } from './charts';
import { BODY_CHARACTER_SPACING, LINE_PITCH, renderDocx } from './docx';
import { convertDocx, findSoffice } from './pdf';
import { renderXlsx } from './xlsx';

const context = createAssessmentContext({
  registry: DEMO_REGISTRY,
  datasets: DEMO_DATASETS,
  targets: DEMO_TARGETS,
});
const jinfeng = composeBulletin(context, {
  regionCode: '640106',
  period: '2022-01..2022-08',
  templates: DEFAULT_TEMPLATES,
  documentNumber: '金审管〔2022〕3号',
  issueDate: '2022-09-13',
});
const yindu = composeBulletin(context, {
  regionCode: '410505',
  period: '2023-06',
  templates: DEFAULT_TEMPLATES,
  documentNumber: '殷放管服办〔2023〕18号',
  issueDate: '2023-07-10',
});

async function documentXml(buffer: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  return (await zip.file('word/document.xml')?.async('string')) ?? '';
}
const attr = (xml: string, tag: string, name: string) =>
  new RegExp(`<w:${tag}\\b[^>]*\\bw:${name}="(-?\\d+)"`).exec(xml)?.[1];
/** The paragraphs' visible text, one string per w:p. */
const paragraphs = (xml: string) =>
  [...xml.matchAll(/<w:p\b[\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  );

describe('the .docx (GB/T 9704-2012)', () => {
  let xml: string;
  let zip: JSZip;
  let buffer: Buffer;

  beforeAll(async () => {
    buffer = await renderDocx(
      jinfeng,
      jinfeng.charts.map((c) => renderChart(c)),
    );
    zip = await JSZip.loadAsync(buffer);
    xml = await documentXml(buffer);
    // Charts rasterised with resvg and a whole .docx: over 60 s on a loaded 2-core machine.
  }, 180_000);

  it('is A4 with 37 mm top, 35 mm bottom, 28 mm binding and 26 mm right margins', () => {
    expect(Number(attr(xml, 'pgSz', 'w'))).toBe(11906);
    expect(Number(attr(xml, 'pgSz', 'h'))).toBe(16838);
    expect(Number(attr(xml, 'pgMar', 'top'))).toBeCloseTo((37 / 25.4) * 1440, -1);
    expect(Number(attr(xml, 'pgMar', 'bottom'))).toBeCloseTo((35 / 25.4) * 1440, -1);
    expect(Number(attr(xml, 'pgMar', 'left'))).toBeCloseTo((28 / 25.4) * 1440, -1);
    expect(Number(attr(xml, 'pgMar', 'right'))).toBeCloseTo((26 / 25.4) * 1440, -1);
  });

  it('lays the body on a 22-line grid in 仿宋 三号 and the title in 小标宋 二号', () => {
    expect(Number(attr(xml, 'docGrid', 'linePitch'))).toBe(LINE_PITCH);
    expect(LINE_PITCH * 22).toBeCloseTo(((297 - 37 - 35) / 25.4) * 1440, -1);
    // 28 characters of 16 pt fill the 156 mm line: each is condensed to 15.79 pt.
    expect(BODY_CHARACTER_SPACING).toBe(-4);
    expect(xml).toContain(`<w:spacing w:val="${BODY_CHARACTER_SPACING}"/>`);
    const title =
      /<w:p\b(?:(?!<\/w:p>)[\s\S])*金凤区2022年1-8月政务服务运行情况的通报[\s\S]*?<\/w:p>/.exec(
        xml,
      )?.[0] ?? '';
    expect(title).toContain('w:eastAsia="方正小标宋简体"');
    expect(title).toContain('<w:sz w:val="44"/>');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('<w:sz w:val="32"/>');
  });

  it('declares fallbacks for the official fonts and numbers the pages', async () => {
    const fonts = (await zip.file('word/fontTable.xml')?.async('string')) ?? '';
    expect(fonts).toMatch(/w:name="仿宋_GB2312"><w:altName w:val="仿宋,FangSong/);
    const footers = Object.keys(zip.files).filter((f) => /word\/footer\d+\.xml/.test(f));
    const footer = (await zip.file(footers[0] ?? '')?.async('string')) ?? '';
    expect(footer).toContain('PAGE');
  });

  it('prints the issuer, number, headings, figures, annex list and annex 2 table', () => {
    const text = paragraphs(xml);
    expect(text).toContain('金审管〔2022〕3号');
    expect(text).toContain('一、总体情况');
    expect(text).toContain('（二）政务服务“好差评”情况');
    expect(text).toContain('二、下一步工作要求');
    expect(text.join('\n')).toContain('全区线下评价率为98.95%');
    expect(text).toContain('附件：1. 金凤区2022年1-8月政务服务系统各单位事项覆盖率情况');
    expect(text).toContain('2. 金凤区2022年1-8月政务服务系统各单位“好差评”情况');
    expect(text).toContain('5. 金凤区2022年1-8月政务服务系统各单位预审不通过办件情况');
    expect(text).toContain('2022年9月13日');
    const all = [...xml.matchAll(/<w:tr\b[\s\S]*?<\/w:tr>/g)].map((r) => paragraphs(r[0]));
    // Annex 1 (事项覆盖率: 15 units and the 合计) comes first; annex 2's header follows it.
    const rows = all.slice(all.findIndex((r) => r.includes('线上办件数')));
    expect(rows[0]).toEqual([
      '序号',
      '单位/部门',
      '办件量',
      '线上办件数',
      '线下办件数',
      '线下评价数',
      '线下参评率 (%)',
      '满意度 (%)',
    ]);
    expect(rows[1]).toEqual([
      '1',
      '金凤区审批服务管理局',
      '5867',
      '32',
      '5835',
      '5769',
      '98.87',
      '100.00',
    ]);
    expect(rows[17]).toEqual(['', '合计', '47903', '35767', '12136', '12009', '98.95', '100.00']);
  });

  it('embeds the server-rendered ranking charts as images', () => {
    const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
    expect(media.length).toBeGreaterThanOrEqual(2);
    expect(xml).toContain('各单位线下参评率排名');
  });

  it('converts a page to an image with LibreOffice when it is installed', async () => {
    if (!(await findSoffice())) {
      // Written reason, not a silent pass: the server does not need LibreOffice to start.
      console.warn(
        'skipped: LibreOffice (soffice) is not installed, so PDF/PNG conversion cannot run',
      );
      return;
    }
    const png = await convertDocx(buffer, 'png');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.length).toBeGreaterThan(10_000);
    const pdf = await convertDocx(buffer, 'pdf');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 180_000);
});

describe('the .xlsx annexes', () => {
  it('has one sheet per annex in the seed layouts, numbers as numbers', async () => {
    const workbook = new Workbook();
    await workbook.xlsx.load((await renderXlsx(yindu)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      '附件1',
      '附件2',
      '附件3',
      '附件4',
      '附件5',
    ]);
    const annex1 = workbook.getWorksheet('附件1');
    expect(annex1?.getCell('A1').value).toBe('殷都区不见面审批、即办件情况统计表');
    expect((annex1?.getRow(2).values as unknown[]).slice(1)).toEqual([
      '序号',
      '单位',
      '事项总数',
      '不见面审批事项占比',
      '即办件事项数',
      '即办件事项占比',
    ]);
    expect((annex1?.getRow(3).values as unknown[]).slice(2)).toEqual([
      '合计',
      1644,
      1,
      1031,
      0.6271,
    ]);
    expect(annex1?.getCell('F3').numFmt).toBe('0.00%');
    expect((annex1?.getRow(4).values as unknown[]).slice(1)).toEqual([
      1,
      '殷都区文广体旅局',
      161,
      1,
      161,
      1,
    ]);
    const annex4 = workbook.getWorksheet('附件4');
    expect(annex4?.getCell('F2').value).toBe('行政检查');
    expect(annex4?.getCell('F3').value).toBe('个数');
    expect(annex4?.getCell('B4').value).toBe('安阳市');
    expect(annex4?.getCell('C5').value).toBe(383);
  });
});
