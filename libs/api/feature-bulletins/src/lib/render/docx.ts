import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  Tab,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
  convertMillimetersToTwip,
  type ISectionOptions,
} from 'docx';
import JSZip from 'jszip';
import type { BulletinAnnex, BulletinDocument } from '@efficacy/api-contract';
import type { RenderedChart } from './charts';

/** GB/T 9704-2012 page: A4, 37 mm top, 35 mm bottom, 28 mm binding (left), 26 mm right. */
export const PAGE = {
  widthMm: 210,
  heightMm: 297,
  topMm: 37,
  bottomMm: 35,
  leftMm: 28,
  rightMm: 26,
  linesPerPage: 22,
  charsPerLine: 28,
} as const;

/** Font sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 五号 10.5 pt. */
const SIZE = { title: 44, body: 32, footer: 28, table: 21 } as const;

export const FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  table: '宋体',
} as const;

/**
 * Fallbacks written into the font table (w:altName), for machines without the official
 * fonts: FangSong / 仿宋 on Windows, Noto CJK on Linux (what LibreOffice falls back to).
 */
const FONT_FALLBACKS: Readonly<Record<string, string>> = {
  [FONTS.title]: '华文中宋,STZhongsong,Noto Serif CJK SC',
  [FONTS.body]: '仿宋,FangSong,STFangsong,Noto Serif CJK SC',
  [FONTS.heading1]: 'SimHei,Noto Sans CJK SC',
  [FONTS.heading2]: '楷体,KaiTi,STKaiti,Noto Serif CJK SC',
  [FONTS.table]: 'SimSun,Noto Serif CJK SC',
};

const mm = convertMillimetersToTwip;
const textHeightMm = PAGE.heightMm - PAGE.topMm - PAGE.bottomMm;
const textWidthMm = PAGE.widthMm - PAGE.leftMm - PAGE.rightMm;
/** 22 lines in the text area: the line pitch in twips (225 mm / 22). */
export const LINE_PITCH = Math.round(mm(textHeightMm) / PAGE.linesPerPage);
/**
 * 28 characters of 16 pt per line: the text width (156 mm = 442.2 pt) gives a pitch of 15.79 pt,
 * so body runs are condensed by the difference, in twentieths of a point. A line-only grid
 * (rather than Word's character grid) keeps Latin digits at their natural width and renders
 * the same in Word and LibreOffice.
 */
export const BODY_CHARACTER_SPACING = Math.round(
  (((textWidthMm / 25.4) * 72) / PAGE.charsPerLine - 16) * 20,
);

function font(name: string) {
  return { ascii: name, eastAsia: name, hAnsi: name, cs: name };
}

function run(text: string, name: string = FONTS.body, size: number = SIZE.body, extra = {}) {
  const condensed = size === SIZE.body ? { characterSpacing: BODY_CHARACTER_SPACING } : {};
  return new TextRun({ text, font: font(name), size, ...condensed, ...extra });
}

const exactLine = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

function body(text: string, lead?: string, keep = false): Paragraph {
  return new Paragraph({
    spacing: exactLine,
    // The last lines of the body travel with the 附件说明, 落款 and 成文日期 (GB/T 9704 7.3.5).
    ...(keep ? { keepNext: true, keepLines: true } : {}),
    indent: { firstLine: 640 },
    alignment: AlignmentType.JUSTIFIED,
    children: [...(lead ? [run(lead, FONTS.body, SIZE.body, { bold: true })] : []), run(text)],
  });
}

function heading(text: string, level: 1 | 2): Paragraph {
  return new Paragraph({
    spacing: exactLine,
    indent: { firstLine: 640 },
    keepNext: true,
    children: [run(text, level === 1 ? FONTS.heading1 : FONTS.heading2)],
  });
}

function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function chartParagraph(chart: RenderedChart): Paragraph[] {
  const widthPx = 560;
  const heightPx = Math.round((chart.height / chart.width) * widthPx);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        new ImageRun({
          type: 'png',
          data: chart.png,
          transformation: { width: widthPx, height: heightPx },
          altText: { name: chart.code, title: chart.title, description: chart.title },
        }),
      ],
    }),
  ];
}

const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const CELL_BORDERS = { top: THIN, bottom: THIN, left: THIN, right: THIN };

function cell(
  text: string,
  options: { bold?: boolean; columnSpan?: number; rowSpan?: number; size?: number } = {},
) {
  return new TableCell({
    borders: CELL_BORDERS,
    verticalAlign: VerticalAlignTable.CENTER,
    ...(options.columnSpan ? { columnSpan: options.columnSpan } : {}),
    ...(options.rowSpan ? { rowSpan: options.rowSpan } : {}),
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 0, after: 0 },
        children: [
          run(text, FONTS.table, options.size ?? SIZE.table, options.bold ? { bold: true } : {}),
        ],
      }),
    ],
  });
}

/** Text width of a page in twips: 156 mm portrait, 243 mm landscape. */
function textWidth(landscape: boolean): number {
  const page = landscape ? PAGE.heightMm : PAGE.widthMm;
  return Math.floor(mm(page - PAGE.leftMm - PAGE.rightMm));
}

/**
 * Annexes of more than 8 columns with 序号 and the unit (more than 6 figures: 压缩办理时限 has 7,
 * 互联网+监管 16) go on landscape pages in a smaller size, so that 42166 stays on one line.
 */
export function isWide(annex: BulletinAnnex): boolean {
  return annex.columns.length > 6;
}

export function annexTable(annex: BulletinAnnex): Table {
  const grouped = annex.columns.some((c) => c.group);
  const wide = isWide(annex);
  const size = wide ? 15 : SIZE.table;
  // 序号 narrow, the unit's name wide, the figures share the rest (rates half as wide again).
  const total = textWidth(wide);
  // Widths measured in LibreOffice with Noto Serif CJK digits: a portrait count column must
  // hold 5 digits (47903) at 五号, so the name column gives way and wraps instead.
  const seq = Math.round(total * (wide ? 0.04 : 0.06));
  const name = Math.round(total * (wide ? 0.12 : 0.24));
  const weights = annex.columns.map((c) => (c.kind === 'percent' ? 1.2 : 1));
  const unit = (total - seq - name) / weights.reduce((a, b) => a + b, 0);
  const columnWidths = [seq, name, ...weights.map((w) => Math.floor(w * unit))];
  const header: TableRow[] = [];
  if (grouped) {
    const top: TableCell[] = [
      cell('序号', { bold: true, rowSpan: 2, size }),
      cell(annex.nameHeader, { bold: true, rowSpan: 2, size }),
    ];
    const bottom: TableCell[] = [];
    for (let i = 0; i < annex.columns.length; ) {
      const column = annex.columns[i];
      if (!column) break;
      if (!column.group) {
        top.push(cell(column.header, { bold: true, rowSpan: 2, size }));
        i++;
        continue;
      }
      let span = 0;
      while (annex.columns[i + span]?.group === column.group) {
        bottom.push(cell(annex.columns[i + span]?.header ?? '', { bold: true, size }));
        span++;
      }
      top.push(cell(column.group, { bold: true, columnSpan: span, size }));
      i += span;
    }
    header.push(new TableRow({ tableHeader: true, children: top }));
    header.push(new TableRow({ tableHeader: true, children: bottom }));
  } else {
    header.push(
      new TableRow({
        tableHeader: true,
        children: [
          cell('序号', { bold: true, size }),
          cell(annex.nameHeader, { bold: true, size }),
          ...annex.columns.map((c) => cell(c.header, { bold: true, size })),
        ],
      }),
    );
  }
  const rows = annex.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell(r.seq, { size }),
          cell(r.name, { bold: r.kind !== 'unit', size }),
          ...r.cells.map((c) => cell(c.text, { size })),
        ],
      }),
  );
  return new Table({
    width: { size: total, type: WidthType.DXA },
    // Narrow cell margins (1 mm) leave the figures their width.
    margins: { left: 57, right: 57 },
    columnWidths,
    layout: TableLayoutType.FIXED,
    rows: [...header, ...rows],
  });
}

function pageFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          run('— ', FONTS.table, SIZE.footer),
          new TextRun({
            children: [PageNumber.CURRENT],
            font: font(FONTS.table),
            size: SIZE.footer,
          }),
          run(' —', FONTS.table, SIZE.footer),
        ],
      }),
    ],
  });
}

function pageProperties(landscape: boolean, grid = true): ISectionOptions['properties'] {
  return {
    page: {
      size: {
        // A4 in twips as Word writes it (210 × 297 mm rounds to 11906 × 16838).
        width: 11906,
        height: 16838,
        orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
      },
      margin: {
        top: mm(PAGE.topMm),
        bottom: mm(PAGE.bottomMm),
        left: mm(PAGE.leftMm),
        right: mm(PAGE.rightMm),
        header: mm(15),
        footer: mm(20),
      },
    },
    ...(grid ? { grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH } } : {}),
  };
}

/**
 * The bulletin as an official document (GB/T 9704-2012): red issuer header and document
 * number, title in 小标宋 二号, body in 仿宋 三号 on a 22 × 28 grid, page numbers "— 1 —",
 * charts after the sections they illustrate, the annex list and signature, then each annex on
 * its own page (landscape when it is wide).
 */
export async function renderDocx(
  document: BulletinDocument,
  charts: readonly RenderedChart[],
): Promise<Buffer> {
  const byCode = new Map(charts.map((c) => [c.code, c]));

  const main: Array<Paragraph | Table> = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 240 },
      children: [run(`${document.issuer}文件`, FONTS.title, 52, { color: 'C00000' })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: exactLine,
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: 'C00000', space: 8 } },
      children: [run(document.documentNumber)],
    }),
    new Paragraph({ spacing: exactLine, children: [] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      children: [run(document.title, FONTS.title, SIZE.title)],
    }),
  ];
  if (document.corrects) {
    main.push(
      body(
        `本通报更正${document.corrects.documentNumber}，更正原因：${document.corrects.reason}。原通报同时作废，以本通报为准。`,
      ),
    );
  }
  main.push(new Paragraph({ spacing: exactLine, children: [] }));
  main.push(new Paragraph({ spacing: exactLine, children: [run(document.addressee)] }));
  const last = document.sections.at(-1);
  for (const section of document.sections) {
    if (section.heading) main.push(heading(section.heading, section.level));
    section.paragraphs.forEach((p, i) =>
      main.push(body(p.text, p.lead, section === last && i === section.paragraphs.length - 1)),
    );
    // One figure per section keeps the body readable: the ranking of its first indicator, and
    // the monthly trend when there is one; every chart is still in the console's preview.
    const codes = section.indicators ?? [];
    for (const kind of ['ranking', 'trend'] as const) {
      const chart = codes.map((code) => byCode.get(`${kind}-${code}`)).find((c) => c);
      if (chart) main.push(...chartParagraph(chart));
    }
  }
  const kept = { spacing: exactLine, keepNext: true, keepLines: true };
  if (document.annexes.length > 0) {
    main.push(new Paragraph({ ...kept, children: [] }));
    document.annexes.forEach((a, i) =>
      main.push(
        new Paragraph({
          ...kept,
          indent: i === 0 ? { firstLine: 640 } : { left: 1600 },
          children: [run(`${i === 0 ? '附件：' : ''}${a.number}. ${a.title}`)],
        }),
      ),
    );
  }
  main.push(new Paragraph({ ...kept, children: [] }));
  main.push(
    new Paragraph({
      ...kept,
      alignment: AlignmentType.RIGHT,
      indent: { right: 1280 },
      children: [run(document.signature ?? document.issuer)],
    }),
    new Paragraph({
      spacing: exactLine,
      keepLines: true,
      alignment: AlignmentType.RIGHT,
      indent: { right: 1280 },
      children: [run(chineseDate(document.issueDate))],
    }),
  );

  const imprint = imprintBlock(document);
  if (document.annexes.length === 0) main.push(...imprint);
  const lastAnnex = document.annexes.at(-1);
  const sections: ISectionOptions[] = [
    { properties: pageProperties(false), footers: { default: pageFooter() }, children: main },
    ...document.annexes.map(
      (annex): ISectionOptions => ({
        properties: pageProperties(isWide(annex), false),
        footers: { default: pageFooter() },
        children: [
          new Paragraph({
            spacing: exactLine,
            children: [run(`附件${annex.number}`, FONTS.heading1)],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 120, after: 240 },
            children: [run(annex.title, FONTS.title, SIZE.body + 4)],
          }),
          annexTable(annex),
          ...(annex.note
            ? [new Paragraph({ children: [run(annex.note, FONTS.table, SIZE.table)] })]
            : []),
          // 版记 after the last annex (GB/T 9704 8: 附件 before 版记), on its page when portrait.
          ...(annex === lastAnnex && !isWide(annex) ? imprint : []),
        ],
      }),
    ),
    ...(lastAnnex && isWide(lastAnnex)
      ? [
          {
            properties: pageProperties(false, false),
            footers: { default: pageFooter() },
            children: imprint,
          },
        ]
      : []),
  ];

  const doc = new Document({
    creator: 'Efficacy',
    title: document.title,
    description: document.documentNumber,
    styles: {
      default: { document: { run: { font: font(FONTS.body), size: SIZE.body } } },
    },
    sections,
  });
  return withFontFallbacks(await Packer.toBuffer(doc));
}

const THICK_RULE = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 };
const THIN_RULE = { style: BorderStyle.SINGLE, size: 4, color: '000000', space: 4 };

/**
 * 版记 (GB/T 9704 7.4): 抄送 between a thick and a thin rule, then 印发机关 on the left and
 * 印发日期 on the right above a thick rule, in 仿宋 四号; kept together.
 */
export function imprintBlock(document: BulletinDocument): Paragraph[] {
  const imprint = document.imprint;
  if (!imprint) return [];
  const size = 28;
  const lines: Paragraph[] = [new Paragraph({ spacing: exactLine, keepNext: true, children: [] })];
  if (imprint.copyTo) {
    lines.push(
      new Paragraph({
        spacing: exactLine,
        keepNext: true,
        indent: { left: 280, right: 280, hanging: 840 },
        border: { top: THICK_RULE, bottom: THIN_RULE },
        children: [run(`抄送：${imprint.copyTo}`, FONTS.body, size)],
      }),
    );
  }
  lines.push(
    new Paragraph({
      spacing: exactLine,
      indent: { left: 280, right: 280 },
      border: { ...(imprint.copyTo ? {} : { top: THICK_RULE }), bottom: THICK_RULE },
      tabStops: [
        { type: TabStopType.RIGHT, position: mm(PAGE.widthMm - PAGE.leftMm - PAGE.rightMm) - 560 },
      ],
      children: [
        run(imprint.printedBy, FONTS.body, size),
        new TextRun({
          children: [new Tab(), `${chineseDate(imprint.printDate)}印发`],
          font: font(FONTS.body),
          size,
        }),
      ],
    }),
  );
  return lines;
}

/** Adds the fallback fonts to word/fontTable.xml (docx writes only the fonts' names). */
async function withFontFallbacks(buffer: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer);
  const file = zip.file('word/fontTable.xml');
  if (!file) return buffer;
  let xml = await file.async('string');
  const entries = Object.entries(FONT_FALLBACKS)
    .map(
      ([name, alt]) =>
        `<w:font w:name="${name}"><w:altName w:val="${alt}"/><w:charset w:val="86"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>`,
    )
    .join('');
  xml = xml.includes('</w:fonts>')
    ? xml.replace('</w:fonts>', `${entries}</w:fonts>`)
    : xml.replace(/<w:fonts([^>]*)\/>/, `<w:fonts$1>${entries}</w:fonts>`);
  zip.file('word/fontTable.xml', xml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
