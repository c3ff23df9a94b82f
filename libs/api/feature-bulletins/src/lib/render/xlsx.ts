import { Workbook, type Worksheet } from 'exceljs';
import type { BulletinAnnex, BulletinDocument } from '@efficacy/api-contract';

const FONT = '宋体';
const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** A cell as the annex prints it: numbers stay numbers (rates as 98.87 or 0.9887 with a % format). */
function cellValue(annex: BulletinAnnex, column: number, text: string, value?: number) {
  if (value === undefined) return text;
  const kind = annex.columns[column]?.kind;
  if (kind === 'percent' && text.endsWith('%')) return { value: value / 100, numFmt: '0.00%' };
  if (kind === 'percent') return { value, numFmt: '0.00' };
  return { value, numFmt: '0' };
}

function fillAnnex(sheet: Worksheet, annex: BulletinAnnex): void {
  const width = 2 + annex.columns.length;
  const grouped = annex.columns.some((c) => c.group);
  sheet.mergeCells(1, 1, 1, width);
  const title = sheet.getCell(1, 1);
  title.value = annex.title;
  title.font = { name: FONT, size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  sheet.getRow(1).height = 36;

  let r = 2;
  if (grouped) {
    const top = sheet.getRow(2);
    const bottom = sheet.getRow(3);
    top.getCell(1).value = '序号';
    top.getCell(2).value = annex.nameHeader;
    sheet.mergeCells(2, 1, 3, 1);
    sheet.mergeCells(2, 2, 3, 2);
    for (let i = 0; i < annex.columns.length; ) {
      const column = annex.columns[i];
      if (!column) break;
      const c = 3 + i;
      if (!column.group) {
        top.getCell(c).value = column.header;
        sheet.mergeCells(2, c, 3, c);
        i++;
        continue;
      }
      let span = 0;
      while (annex.columns[i + span]?.group === column.group) {
        bottom.getCell(c + span).value = annex.columns[i + span]?.header ?? '';
        span++;
      }
      top.getCell(c).value = column.group;
      if (span > 1) sheet.mergeCells(2, c, 2, c + span - 1);
      i += span;
    }
    r = 4;
  } else {
    sheet.getRow(2).values = ['序号', annex.nameHeader, ...annex.columns.map((c) => c.header)];
    r = 3;
  }
  const headerRows = r - 2;
  for (let h = 2; h < r; h++) sheet.getRow(h).font = { name: FONT, size: 11, bold: true };

  for (const row of annex.rows) {
    const line = sheet.getRow(r);
    line.getCell(1).value = row.seq === '' ? '' : Number(row.seq);
    line.getCell(2).value = row.name;
    row.cells.forEach((c, i) => {
      const target = line.getCell(3 + i);
      const v = cellValue(annex, i, c.text, c.value);
      if (typeof v === 'object') {
        target.value = v.value;
        target.numFmt = v.numFmt;
      } else target.value = v;
    });
    if (row.kind !== 'unit') line.font = { name: FONT, size: 11, bold: true };
    r++;
  }
  for (let row = 2; row < r; row++) {
    for (let c = 1; c <= width; c++) {
      const cell = sheet.getCell(row, c);
      cell.border = BORDER;
      cell.alignment = {
        vertical: 'middle',
        horizontal: c === 2 && row >= 2 + headerRows ? 'left' : 'center',
        wrapText: true,
      };
      if (!cell.font) cell.font = { name: FONT, size: 11 };
    }
  }
  if (annex.note) {
    sheet.mergeCells(r, 1, r, width);
    sheet.getCell(r, 1).value = annex.note;
  }
  sheet.getColumn(1).width = 6;
  sheet.getColumn(2).width = 30;
  for (let c = 3; c <= width; c++) sheet.getColumn(c).width = grouped ? 8 : 14;
  sheet.views = [{ state: 'frozen', ySplit: r > 2 ? 1 + headerRows : 0 }];
}

/** One sheet per annex (附件1, 附件2, …) in the seed layouts, for clerks who rework the tables. */
export async function renderXlsx(document: BulletinDocument): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'Efficacy';
  workbook.title = document.title;
  workbook.created = new Date(`${document.issueDate}T00:00:00Z`);
  for (const annex of document.annexes) {
    const sheet = workbook.addWorksheet(`附件${annex.number}`, {
      pageSetup: {
        paperSize: 9,
        orientation: annex.columns.length > 6 ? 'landscape' : 'portrait',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      },
    });
    fillAnnex(sheet, annex);
  }
  if (document.annexes.length === 0) {
    workbook.addWorksheet('附件').getCell(1, 1).value = `${document.title}：本期无附表`;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
