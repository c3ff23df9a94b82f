import type { Workbook, Worksheet } from 'exceljs';
import type {
  Assessment,
  AssessmentRow,
  IndicatorAssessment,
  Subject,
} from '@efficacy/api-contract';
import { deltaText, gapText, matrixRows, subjectKey, targetText } from '@efficacy/console/ui';
import type { DetailRow } from '../detail-rows';

export type Translate = (key: string, params?: Record<string, unknown>) => string;

export interface AnnexInput {
  /** "金凤区2022年1-8月" */
  readonly place: string;
  readonly assessment: Assessment;
  readonly subject: Subject;
  readonly rows: readonly DetailRow[];
  readonly regionNames: ReadonlyMap<string, string>;
  readonly t: Translate;
}

const FONT = '宋体';
const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** A figure as the annex prints it: a number, "/" not connected, "-" not applicable, blank missing. */
function cellValue(row: AssessmentRow | undefined): number | string {
  if (!row) return '';
  const v = row.value;
  if (v.status === 'number' && v.value !== undefined) return v.value;
  if (v.status === 'not_connected') return '/';
  if (v.status === 'not_applicable') return '-';
  return '';
}

function numberFormat(indicator: IndicatorAssessment): string {
  const digits = indicator.rounding.digits;
  return digits > 0 ? `0.${'0'.repeat(digits)}` : '#,##0';
}

function header(indicator: IndicatorAssessment): string {
  return indicator.unit === 'percent' ? `${indicator.nameZh}（%）` : indicator.nameZh;
}

function frame(sheet: Worksheet, from: number, to: number, columns: number): void {
  for (let r = from; r <= to; r++) {
    for (let c = 1; c <= columns; c++) {
      const cell = sheet.getCell(r, c);
      cell.border = BORDER;
      cell.alignment = {
        vertical: 'middle',
        horizontal: c === 2 ? 'left' : 'center',
        wrapText: true,
      };
      if (!cell.font) cell.font = { name: FONT, size: 11 };
    }
  }
}

/**
 * The bulletin annex layout: a title row, 序号 / 单位 / one column per indicator, one row per
 * unit or sub-region, and the region's own figures as the closing 合计 row; then a second
 * sheet with the detail table (target, gap, rank, 环比, 同比).
 */
export function fillAnnexWorkbook(workbook: Workbook, input: AnnexInput): void {
  const { assessment, t } = input;
  const indicators = assessment.indicators;
  const columns = 2 + indicators.length;
  const sheet = workbook.addWorksheet(t('export.annexSheet'), {
    pageSetup: { paperSize: 9, orientation: columns > 6 ? 'landscape' : 'portrait' },
  });

  sheet.mergeCells(1, 1, 1, columns);
  const title = sheet.getCell(1, 1);
  title.value = t('export.title', { place: input.place });
  title.font = { name: FONT, size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 32;

  const head = sheet.getRow(2);
  head.values = [t('export.seq'), t('export.unit'), ...indicators.map(header)];
  head.font = { name: FONT, size: 11, bold: true };
  head.height = 36;

  const all = matrixRows(assessment);
  const own = subjectKey(input.subject);
  const body =
    input.subject.kind === 'region'
      ? all.filter((r) => !r.total)
      : all.filter((r) => r.key === own);
  let r = 3;
  body.forEach((row, i) => {
    const line = sheet.getRow(r++);
    line.values = [
      i + 1,
      row.nameZh,
      ...indicators.map((ind) => cellValue(row.cells.get(ind.code))),
    ];
  });
  if (input.subject.kind === 'region') {
    const total = all.find((x) => x.total);
    const line = sheet.getRow(r++);
    line.values = [
      t('export.total'),
      '',
      ...indicators.map((ind) => cellValue(total?.cells.get(ind.code))),
    ];
    sheet.mergeCells(line.number, 1, line.number, 2);
    line.font = { name: FONT, size: 11, bold: true };
  }
  indicators.forEach((ind, i) => {
    for (let row = 3; row < r; row++) {
      const cell = sheet.getCell(row, 3 + i);
      if (typeof cell.value === 'number') cell.numFmt = numberFormat(ind);
    }
  });
  frame(sheet, 2, r - 1, columns);
  sheet.mergeCells(r, 1, r, columns);
  const note = sheet.getCell(r, 1);
  note.value = t('export.note');
  note.font = { name: FONT, size: 10 };
  sheet.getColumn(1).width = 8;
  sheet.getColumn(2).width = 34;
  for (let c = 3; c <= columns; c++) sheet.getColumn(c).width = 16;
  sheet.views = [{ state: 'frozen', ySplit: 2, xSplit: 2 }];

  fillDetailSheet(workbook, input);
}

function fillDetailSheet(workbook: Workbook, input: AnnexInput): void {
  const { t } = input;
  const sheet = workbook.addWorksheet(t('export.detailSheet'));
  const heads = [
    t('detail.indicator'),
    t('detail.value'),
    t('detail.status'),
    t('detail.target'),
    t('export.setOn'),
    t('detail.gap'),
    t('detail.rank'),
    t('detail.previous'),
    t('detail.yearOnYear'),
  ];
  sheet.mergeCells(1, 1, 1, heads.length);
  const title = sheet.getCell(1, 1);
  title.value = t('export.detailTitle', { place: input.place });
  title.font = { name: FONT, size: 14, bold: true };
  title.alignment = { horizontal: 'center' };
  sheet.getRow(2).values = heads;
  sheet.getRow(2).font = { name: FONT, size: 11, bold: true };
  input.rows.forEach((d, i) => {
    const target = d.row.target;
    const row = sheet.getRow(3 + i);
    row.values = [
      d.indicator.nameZh,
      cellValue(d.row),
      t(`status.${target?.status ?? 'none'}`),
      target?.value !== undefined
        ? targetText(target.comparator, target.value, d.indicator.unit)
        : '',
      target
        ? target.inherited
          ? t('detail.inheritedFrom', {
              region: input.regionNames.get(target.setOn) ?? target.setOn,
            })
          : t('detail.setHere')
        : '',
      target?.gap ? gapText(target.gap, d.indicator.unit) : '',
      d.rank !== undefined ? `${d.rank} / ${d.rankedOf ?? ''}` : '',
      deltaText(d.row.change.previous, d.indicator.unit),
      deltaText(d.row.change.yearOnYear, d.indicator.unit),
    ];
    const value = row.getCell(2);
    if (typeof value.value === 'number') value.numFmt = numberFormat(d.indicator);
  });
  frame(sheet, 2, 2 + input.rows.length, heads.length);
  sheet.getColumn(1).width = 26;
  sheet.getColumn(5).width = 18;
  for (const c of [2, 3, 4, 6, 7, 8, 9]) sheet.getColumn(c).width = 13;
}

/** Builds the workbook with exceljs, fetched only when someone exports. */
export async function annexBlob(input: AnnexInput): Promise<Blob> {
  const module = await import('exceljs');
  const ExcelJS = ((module as unknown as { default?: typeof module }).default ??
    module) as typeof module;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Efficacy';
  workbook.created = new Date();
  fillAnnexWorkbook(workbook, input);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
}
