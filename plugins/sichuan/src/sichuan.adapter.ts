import {
  AdapterError,
  assertReportKind,
  BatchBuilder,
  checkTableRates,
  detectByTables,
  effectiveText,
  readGrid,
  readTable,
  resolvePeriod,
  scoreTable,
  titleCandidates,
} from '@efficacy/plugin-sdk';
import type {
  AdapterManifest,
  DetectResult,
  Grid,
  NormalisedBatch,
  ParseContext,
  ProvinceAdapter,
  SourceFile,
  TableCandidate,
  TableScore,
} from '@efficacy/plugin-sdk';

import { resolveRegion } from './lib/region';
import { regionRowsAsTotals } from './lib/region-rows';
import { HALL_WINDOW_CASES_KIND, hallWindowCasesTable } from './mappings/hall-window-cases';
import {
  ONLINE_SERVICE_CAPABILITY_KIND,
  onlineServiceCapabilityTable,
} from './mappings/online-service-capability';
import { EVALUATION_SUMMARY_KIND, evaluationSummaryTable } from './mappings/evaluation-summary';
import { OVERDUE_CASES_KIND, overdueCasesTable } from './mappings/overdue-cases';
import { REPORT_SUMMARY_KIND, reportSummaryTable } from './mappings/report-summary';
import {
  SERVICE_CENTRE_CASES_KIND,
  serviceCentreCasesTable,
} from './mappings/service-centre-cases';

/**
 * The Xiqu (攀枝花市西区) monthly report on the 四川省一体化政务服务平台 was verified for one
 * month; later editions are expected to keep the layout, but nobody has seen one yet.
 */
const XIQU_2022_09 = {
  edition: '攀枝花市西区 月度政务服务工作情况 (2022-09)',
  from: '2022-09',
  to: '2022-09',
};

/** 四川省 (Sichuan, 510000): the Xiqu report's annexes 1–3 and the figures of its text. */
export const sichuanManifest: AdapterManifest = {
  id: 'sichuan',
  province: { code: '510000', name: { zh: '四川省', en: 'Sichuan' } },
  // Recorded with every import: bump it whenever the output for the same file changes.
  version: '1.0.0',
  fileTypes: ['xlsx', 'csv'],
  reportKinds: [
    {
      id: ONLINE_SERVICE_CAPABILITY_KIND,
      name: {
        zh: '“一网通办”能力提升工作情况',
        en: 'Online service ("一网通办") capability per department',
      },
      coverage: [{ ...XIQU_2022_09, note: '附件1, 19 columns, two header rows' }],
      fileTypes: ['xlsx', 'csv'],
    },
    {
      id: HALL_WINDOW_CASES_KIND,
      name: { zh: '政务服务大厅部门窗口办件情况', en: 'Cases per department window of the hall' },
      coverage: [{ ...XIQU_2022_09, note: '附件2' }],
      fileTypes: ['xlsx', 'csv'],
    },
    {
      id: SERVICE_CENTRE_CASES_KIND,
      name: {
        zh: '街道(镇)、社区(村)便民服务中心办件情况统计表',
        en: 'Requests per town and village service centre',
      },
      coverage: [{ ...XIQU_2022_09, note: '附件3, town → centre, 小计 per town, 总计' }],
      fileTypes: ['xlsx', 'csv'],
    },
    {
      id: OVERDUE_CASES_KIND,
      name: { zh: '超期件情况', en: 'Overdue cases by department' },
      coverage: [
        {
          edition: '攀枝花市西区 月度政务服务工作情况 (2022-04)',
          from: '2022-04',
          to: '2022-04',
          note: 'layout defined by Efficacy for the list in the text (一、(二)); not a platform export',
        },
      ],
      fileTypes: ['xlsx', 'csv'],
    },
    {
      id: EVALUATION_SUMMARY_KIND,
      name: {
        zh: '政务服务“好差评”情况（五级评价）',
        en: '好差评 summary on the five-level scale',
      },
      coverage: [
        {
          edition: '广元市利州区 政务服务“好差评” (2020-06)',
          from: '2020-06',
          to: '2020-06',
          note: 'layout defined by Efficacy for the figures of the text; the district 合计 only',
        },
      ],
      fileTypes: ['xlsx', 'csv'],
    },
    {
      id: REPORT_SUMMARY_KIND,
      name: { zh: '月报正文主要数据', en: 'Figures stated in the report text' },
      coverage: [
        {
          ...XIQU_2022_09,
          note: 'layout defined by Efficacy for the figures of the text; not a platform export',
        },
      ],
      fileTypes: ['xlsx', 'csv'],
    },
  ],
};

/** One entry per report kind: the table it holds and the words its title carries. */
const CANDIDATES: readonly TableCandidate[] = [
  {
    reportKind: ONLINE_SERVICE_CAPABILITY_KIND,
    spec: onlineServiceCapabilityTable,
    titleIncludes: ['一网通办'],
  },
  {
    reportKind: HALL_WINDOW_CASES_KIND,
    spec: hallWindowCasesTable,
    titleIncludes: ['政务服务大厅', '窗口办件'],
  },
  {
    reportKind: SERVICE_CENTRE_CASES_KIND,
    spec: serviceCentreCasesTable,
    titleIncludes: ['便民服务中心'],
  },
  {
    reportKind: EVALUATION_SUMMARY_KIND,
    spec: evaluationSummaryTable,
    titleIncludes: ['好差评'],
  },
  { reportKind: OVERDUE_CASES_KIND, spec: overdueCasesTable, titleIncludes: ['超期件'] },
  { reportKind: REPORT_SUMMARY_KIND, spec: reportSummaryTable, titleIncludes: ['正文'] },
];

function limitsOf(context?: ParseContext): Pick<ParseContext, 'limits'> {
  return context?.limits ? { limits: context.limits } : {};
}

function detectSichuan(file: SourceFile, context?: ParseContext): Promise<DetectResult> {
  return detectByTables(file, CANDIDATES, limitsOf(context));
}

function isEmptyGrid(grid: Grid): boolean {
  return grid.sheets.every((sheet) =>
    sheet.rows.every((row) => row.cells.every((cell) => effectiveText(cell).trim() === '')),
  );
}

/** The best-scoring candidate, even an incomplete one (see parseSichuan). */
function bestCandidate(
  grid: Grid,
  reportKind: string | undefined,
): [TableCandidate, TableScore] | undefined {
  let best: [TableCandidate, TableScore] | undefined;
  for (const candidate of CANDIDATES) {
    if (reportKind !== undefined && candidate.reportKind !== reportKind) continue;
    const score = scoreTable(grid, candidate);
    if (!best || score.confidence > best[1].confidence) best = [candidate, score];
  }
  return best && best[1].confidence > 0 ? best : undefined;
}

async function parseSichuan(
  file: SourceFile,
  context: ParseContext = {},
): Promise<NormalisedBatch> {
  if (context.reportKind !== undefined) {
    assertReportKind(sichuanManifest, context.reportKind, file.name);
  }
  const grid = await readGrid(file, limitsOf(context));
  const firstSheet = grid.sheets[0];
  if (!firstSheet || isEmptyGrid(grid)) {
    throw new AdapterError(
      'EMPTY_TABLE',
      'the workbook holds no cell with text or a number',
      firstSheet ? { file: file.name, sheet: firstSheet.name } : { file: file.name },
    );
  }
  // The best-scoring table is read even when it is incomplete, so that a missing column is
  // reported as MISSING_COLUMN at its header row rather than as "not this report".
  const best = bestCandidate(grid, context.reportKind);
  const sheet = best ? grid.sheets.find((s) => s.name === best[1].sheet) : undefined;
  if (!best || !sheet) {
    throw new AdapterError(
      'UNKNOWN_REPORT_KIND',
      `no sheet holds a report this adapter reads (${sichuanManifest.reportKinds.map((kind) => kind.id).join(', ')})`,
      { file: file.name },
    );
  }
  const [candidate] = best;
  const read = readTable(sheet, candidate.spec, { file: file.name });
  const titles = titleCandidates(file.name, sheet, read.header.top);
  // The titles print "9月" without a year: the year comes from the upload (ParseContext.year,
  // or the year of ParseContext.period); without one the file is refused, never guessed.
  const { period } = resolvePeriod(titles, context, { file: file.name, sheet: sheet.name });
  const region = resolveRegion(file.name, sheet.name, titles, context.regionCode);
  const table =
    candidate.reportKind === REPORT_SUMMARY_KIND
      ? regionRowsAsTotals(read, region.regionCode)
      : read;
  const builder = new BatchBuilder({
    manifest: sichuanManifest,
    reportKind: candidate.reportKind,
    file,
    period,
    regionCode: region.regionCode,
  }).addTable(table);
  for (const warning of region.warnings) builder.warn(warning);
  // A printed rate whose counts sit in the same row is checked at its printed decimals.
  for (const warning of checkTableRates(table, period)) builder.warn(warning);
  return builder.build();
}

export const sichuanAdapter: ProvinceAdapter = {
  manifest: sichuanManifest,
  detect: detectSichuan,
  parse: parseSichuan,
};
