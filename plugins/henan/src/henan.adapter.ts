import {
  AdapterError,
  assertReportKind,
  BatchBuilder,
  checkTableRates,
  formatLocation,
  readGrid,
  readTable,
  safeDetect,
} from '@efficacy/plugin-sdk';
import type {
  AdapterManifest,
  DetectResult,
  GridSheet,
  NormalisedBatch,
  ParseContext,
  ProvinceAdapter,
  ReportKindManifest,
  SourceFile,
  TableSpec,
} from '@efficacy/plugin-sdk';

import { ANNEX_KINDS, COMBINED_ANNEXES_KIND } from './mappings/annexes';
import { HENAN_PROVINCE_CODE } from './mappings/regions';
import type { HenanRegion } from './mappings/regions';
import { resolveHenanPeriod, sheetTitleLines } from './lib/period';
import type { SheetTitleLines } from './lib/period';
import { ancestorsOf, findRegionInText, resolveRegion } from './lib/region';
import { applyRemarks } from './lib/remarks';
import { hasText, matchSheets, selectSheets } from './lib/sheets';

/** Verified against the annexes of the Yindu June 2023 bulletin (殷放管服办〔2023〕18号). */
const YINDU_2023_06 = {
  edition: '殷放管服办〔2023〕18号',
  from: '2023-06',
  to: '2023-06',
} as const;

const REPORT_KINDS: ReportKindManifest[] = [
  ...ANNEX_KINDS.map(
    (annex): ReportKindManifest => ({
      id: annex.reportKind,
      name: annex.name,
      coverage: annex.coverage ?? [
        {
          ...YINDU_2023_06,
          note: `殷都区 monthly capability bulletin, annex ${annex.annex ?? '?'} (附件${annex.annex ?? '?'}), one table per workbook`,
        },
      ],
      fileTypes: ['xlsx', 'csv'],
    }),
  ),
  {
    id: COMBINED_ANNEXES_KIND,
    name: {
      zh: '政务服务能力提升工作运行情况通报附件（多表工作簿）',
      en: 'Capability bulletin annexes, several tables as sheets of one workbook',
    },
    coverage: [
      { ...YINDU_2023_06, note: '殷都区 annexes 1–8 as sheets 附件1 … 附件8 of one workbook' },
    ],
    fileTypes: ['xlsx'],
  },
];

/**
 * 河南省 (Henan, 410000): the statistics tables that county 放管服 offices attach to their
 * monthly 政务服务能力提升工作运行情况通报, figures taken from the provincial 一体化政务服务平台,
 * the 互联网+监管 system and the hall's own records. See README.md for formats and quirks.
 */
export const henanManifest: AdapterManifest = {
  id: 'henan',
  province: { code: HENAN_PROVINCE_CODE, name: { zh: '河南省', en: 'Henan' } },
  // Recorded with every import: bump it whenever the output for the same file changes.
  version: '1.1.0',
  fileTypes: ['xlsx', 'csv'],
  reportKinds: REPORT_KINDS,
};

/** Detection without a Henan place name in the title stays below any adapter that has one. */
const NO_REGION_CAP = 0.6;

function limitsOf(context?: ParseContext): Pick<ParseContext, 'limits'> {
  return context?.limits ? { limits: context.limits } : {};
}

/**
 * The lines above the header, for detection: rows until the first one holding two or more
 * labels (the header). readTable would give the exact header row, but it can throw on a bad
 * cell, and a file with one typo must still be recognised.
 */
function leadingText(sheet: GridSheet): string {
  const lines: string[] = [];
  for (const row of sheet.rows.slice(0, 10)) {
    const texts = row.cells.map((cell) => cell.text.trim()).filter((text) => text !== '');
    if (texts.length >= 2) break;
    lines.push(...texts);
  }
  return lines.join(' ');
}

function detectHenan(file: SourceFile, context?: ParseContext): Promise<DetectResult> {
  return safeDetect(async () => {
    const grid = await readGrid(file, limitsOf(context));
    const selection = selectSheets(matchSheets(grid));
    if (!selection) {
      return { confidence: 0, reason: 'no sheet holds a Henan annex table' };
    }
    const named = selection.picks.some((pick) => findRegionInText(leadingText(pick.sheet)));
    if (named) {
      return {
        confidence: selection.confidence,
        reportKind: selection.reportKind,
        reason: selection.reason,
      };
    }
    return {
      confidence: Math.min(selection.confidence, NO_REGION_CAP),
      reportKind: selection.reportKind,
      reason: `${selection.reason}; the title names no Henan region`,
    };
  });
}

/** The spec with the region's own name as a total row and its enclosing regions as benchmarks. */
function withRegionRows(spec: TableSpec, region: HenanRegion | undefined): TableSpec {
  if (!region) return spec;
  return {
    ...spec,
    rows: {
      ...spec.rows,
      totalLabels: [...(spec.rows?.totalLabels ?? []), ...region.names],
      benchmarkLabels: [
        ...(spec.rows?.benchmarkLabels ?? []),
        ...ancestorsOf(region).flatMap((ancestor) => ancestor.names),
      ],
    },
  };
}

async function parseHenan(file: SourceFile, context: ParseContext = {}): Promise<NormalisedBatch> {
  if (context.reportKind !== undefined) {
    assertReportKind(henanManifest, context.reportKind, file.name);
  }
  const grid = await readGrid(file, limitsOf(context));
  if (!grid.sheets.some(hasText)) {
    const first = grid.sheets[0];
    throw new AdapterError(
      'EMPTY_TABLE',
      'the workbook holds no data: every sheet is empty',
      first ? { file: file.name, sheet: first.name } : { file: file.name },
    );
  }
  const selection = selectSheets(matchSheets(grid), context.reportKind);
  if (!selection) {
    throw new AdapterError(
      'UNKNOWN_REPORT_KIND',
      `no sheet holds a table this adapter reads (${henanManifest.reportKinds.map((kind) => kind.id).join(', ')})`,
      { file: file.name },
    );
  }

  // First pass: where each header is, so the title lines above it can be read.
  const firstPass = selection.picks.map((pick) => ({
    pick,
    table: readTable(pick.sheet, pick.annex.table, { file: file.name }),
  }));
  const titles: SheetTitleLines[] = firstPass.map(({ pick, table }) =>
    sheetTitleLines(file.name, pick.sheet, table.header.top),
  );
  const region = resolveRegion(file.name, titles, context);
  const { period, warnings: periodWarnings } = resolveHenanPeriod(file.name, titles, context);

  const builder = new BatchBuilder({
    manifest: henanManifest,
    reportKind: selection.reportKind,
    file,
    period: period.period,
    regionCode: region.code,
  });
  for (const warning of [...region.warnings, ...periodWarnings]) builder.warn(warning);
  // Second pass: rows named after the region (殷都区) are its total, rows named after an
  // enclosing region (安阳市) are benchmarks; neither is a unit.
  const picked = new Set<string>();
  for (const { pick } of firstPass) {
    picked.add(pick.sheet.name);
    const read = readTable(pick.sheet, withRegionRows(pick.annex.table, region.region), {
      file: file.name,
    });
    // A remark such as 附件7's “无需排查” makes the row's rates not applicable (see remarks.ts).
    const { table, warnings: remarkWarnings } = applyRemarks(read);
    builder.addTable(table);
    for (const warning of checkTableRates(table, period.period)) builder.warn(warning);
    for (const warning of remarkWarnings) builder.warn(warning);
  }
  for (const sheet of grid.sheets) {
    if (picked.has(sheet.name) || !hasText(sheet)) continue;
    builder.warn({
      code: 'SHEET_NOT_READ',
      message: `${formatLocation({ file: file.name, sheet: sheet.name })}: the sheet holds no table of ${selection.reportKind} and is not imported`,
      provenance: { file: file.name, sheet: sheet.name },
    });
  }
  return builder.build();
}

export const henanAdapter: ProvinceAdapter = {
  manifest: henanManifest,
  detect: detectHenan,
  parse: parseHenan,
};
