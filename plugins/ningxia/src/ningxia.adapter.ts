import {
  AdapterError,
  assertReportKind,
  BatchBuilder,
  checkTableRates,
  detectByTables,
  formatLocation,
  isBlankRow,
  normaliseText,
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
  GridSheet,
  NormalisedBatch,
  ParseContext,
  PeriodCandidate,
  ProvinceAdapter,
  ReportKindManifest,
  SourceFile,
  Table,
  TableCandidate,
  TableSpec,
  WarningRecord,
} from '@efficacy/plugin-sdk';

import { addCategoryTable } from './lib/category-rows';
import { addChannelTable } from './lib/channels';
import { checkGroupTotals } from './lib/group-totals';
import { applyColumnPeriods, withPeriodColumns } from './lib/period-columns';
import { readTableAllowingTotalsOnly } from './lib/read-table';
import { resolveRegion } from './lib/region';
import { channelTable } from './mappings/channels';
import { ELICENCE_PERIOD_COLUMNS, eLicenceTable } from './mappings/e-licences';
import { evaluationsTable } from './mappings/evaluations';
import { failedPreReviewTable } from './mappings/failed-pre-review';
import { goodBadReviewTable } from './mappings/good-bad-review';
import { hallVolumesTable } from './mappings/hall-volumes';
import { hotlineCategoryTable, hotlineServiceClassTable } from './mappings/hotline';
import { itemCoverageTable } from './mappings/item-coverage';
import { overdueTable } from './mappings/overdue';
import { townshipOverdueTable } from './mappings/township-overdue';
import { readNingxiaCases } from './cases/read-cases';

/** How a report kind's table becomes records. */
type Shape =
  /** Units in rows, one code per column; a 合计 row is the region's total. */
  | 'unit-table'
  /** 附件3: like a unit table, plus columns whose label names their own period. */
  | 'period-columns'
  /** Lingwu's channels: rows are channels of the whole city, not units. */
  | 'channels'
  /** Yinchuan's 12345 tables: rows are request categories of the whole city, not units. */
  | 'categories';

interface ReportKind {
  readonly manifest: ReportKindManifest;
  readonly spec: TableSpec;
  /** Words of the title, for detection. */
  readonly titleIncludes: readonly string[];
  readonly shape: Shape;
  /**
   * The layout lists units; a file with only its total row is read, with a warning that
   * the units' figures are missing. False for tables that describe the region only.
   */
  readonly perUnit: boolean;
  /**
   * A layout so plain (单位 and 办件量) that most bulletins' tables hold it: the kind is chosen
   * only when the title carries every one of its words, or when the upload names the kind.
   */
  readonly onlyWithTitleWords?: boolean;
}

const JINFENG_2022 = { from: '2022-01', to: '2022-08' };
const JINFENG_DEFINED = 'layout defined from the text of 金凤区 1-8 月政务服务运行情况的通报';
const LINGWU_DEFINED = 'layout defined from the text of 灵武市政务服务2022年上半年运行分析';
const YINCHUAN_12345 =
  'layout defined from the text of 银川市“12345一号通”平台2019年第25周、26周受理办理情况通报';
const ZHONGNING_DEFINED =
  'layout defined from the text of 中宁县2021年第二季度政务服务工作情况的通报';
const BOTH: ReportKindManifest['fileTypes'] = ['xlsx', 'csv'];
const ANNEX_LABEL = /^附件\s*\d+\s*[:：]?$/;

const REPORT_KINDS: readonly ReportKind[] = [
  {
    manifest: {
      id: 'good-bad-review',
      name: { zh: '各单位“好差评”情况', en: 'Good/bad reviews (好差评) per unit' },
      coverage: [
        { edition: '金凤区 1-8 月政务服务运行情况的通报, 附件2 (printed)', ...JINFENG_2022 },
      ],
      fileTypes: BOTH,
    },
    spec: goodBadReviewTable,
    titleIncludes: ['好差评'],
    shape: 'unit-table',
    perUnit: true,
  },
  {
    manifest: {
      id: 'item-coverage',
      name: { zh: '各单位事项覆盖率情况', en: 'Item coverage per unit' },
      coverage: [{ edition: '金凤区通报 附件1', note: JINFENG_DEFINED, ...JINFENG_2022 }],
      fileTypes: BOTH,
    },
    spec: itemCoverageTable,
    titleIncludes: ['事项覆盖率'],
    shape: 'unit-table',
    perUnit: true,
  },
  {
    manifest: {
      id: 'e-licences',
      name: { zh: '各单位电子证照录入情况', en: 'E-licence records per unit' },
      coverage: [{ edition: '金凤区通报 附件3', note: JINFENG_DEFINED, ...JINFENG_2022 }],
      fileTypes: BOTH,
    },
    spec: eLicenceTable,
    titleIncludes: ['电子证照'],
    shape: 'period-columns',
    perUnit: true,
  },
  {
    manifest: {
      id: 'overdue',
      name: { zh: '各单位超期件情况', en: 'Overdue cases per unit' },
      coverage: [{ edition: '金凤区通报 附件4', note: JINFENG_DEFINED, ...JINFENG_2022 }],
      fileTypes: BOTH,
    },
    spec: overdueTable,
    titleIncludes: ['超期件'],
    shape: 'unit-table',
    perUnit: true,
  },
  {
    manifest: {
      id: 'failed-pre-review',
      name: { zh: '各单位预审不通过办件情况', en: 'Cases failing pre-review per unit' },
      coverage: [{ edition: '金凤区通报 附件5', note: JINFENG_DEFINED, ...JINFENG_2022 }],
      fileTypes: BOTH,
    },
    spec: failedPreReviewTable,
    titleIncludes: ['预审不通过'],
    shape: 'unit-table',
    perUnit: true,
  },
  {
    manifest: {
      id: 'case-channels',
      name: { zh: '各渠道办件量及占比', en: 'Cases and shares by channel' },
      coverage: [
        {
          edition: '灵武市 一、总体运行情况',
          note: LINGWU_DEFINED,
          from: '2022-H1',
          to: '2022-H1',
        },
      ],
      fileTypes: BOTH,
    },
    spec: channelTable,
    titleIncludes: ['渠道'],
    shape: 'channels',
    perUnit: false,
  },
  {
    manifest: {
      id: 'township-overdue',
      name: { zh: '各乡镇(街道)超期未办件情况', en: 'Overdue unfinished cases per township' },
      coverage: [
        { edition: '灵武市 三(三)', note: LINGWU_DEFINED, from: '2022-H1', to: '2022-H1' },
      ],
      fileTypes: BOTH,
    },
    spec: townshipOverdueTable,
    titleIncludes: ['超期未办件'],
    shape: 'unit-table',
    perUnit: true,
  },
  {
    manifest: {
      id: 'evaluation-summary',
      name: { zh: '政务服务“好差评”情况', en: 'Evaluation summary (好差评)' },
      coverage: [
        { edition: '灵武市 二(四)', note: LINGWU_DEFINED, from: '2022-H1', to: '2022-H1' },
      ],
      fileTypes: BOTH,
    },
    spec: evaluationsTable,
    titleIncludes: ['好差评'],
    shape: 'unit-table',
    perUnit: false,
  },
  // Kinds of other places and periods come last: on a tie the seeds' kinds are chosen.
  {
    manifest: {
      id: 'hotline-categories',
      name: { zh: '12345热线各类诉求受理办理情况', en: '12345 hotline requests by category' },
      coverage: [
        {
          edition: '银川市“12345一号通”平台 一、基本受理情况',
          note: YINCHUAN_12345,
          from: '2019-06',
          to: '2019-07',
        },
      ],
      fileTypes: BOTH,
    },
    spec: hotlineCategoryTable,
    titleIncludes: ['12345'],
    shape: 'categories',
    perUnit: false,
  },
  {
    manifest: {
      id: 'hotline-service-classes',
      name: {
        zh: '12345热线行政化、社会化服务类诉求受理办理情况',
        en: '12345 hotline requests by service class',
      },
      coverage: [
        {
          edition: '银川市“12345一号通”平台 一、基本受理情况',
          note: YINCHUAN_12345,
          from: '2019-06',
          to: '2019-07',
        },
      ],
      fileTypes: BOTH,
    },
    spec: hotlineServiceClassTable,
    titleIncludes: ['12345'],
    shape: 'categories',
    perUnit: false,
  },
  {
    manifest: {
      id: 'hall-case-volumes',
      name: { zh: '政务服务大厅各部门办件情况', en: 'Service-hall cases per department' },
      coverage: [
        {
          edition: '中宁县政务服务工作情况的通报 一、(一)',
          note: ZHONGNING_DEFINED,
          from: '2021-Q2',
          to: '2021-Q2',
        },
      ],
      fileTypes: BOTH,
    },
    spec: hallVolumesTable,
    titleIncludes: ['大厅', '办件'],
    shape: 'unit-table',
    perUnit: true,
    onlyWithTitleWords: true,
  },
];

export const ningxiaManifest: AdapterManifest = {
  id: 'ningxia',
  province: { code: '640000', name: { zh: '宁夏回族自治区', en: 'Ningxia' } },
  // Recorded with every import: bump it whenever the output for the same file changes.
  version: '1.0.0',
  fileTypes: BOTH,
  reportKinds: REPORT_KINDS.map((kind) => kind.manifest),
};

function candidateOf(kind: ReportKind): TableCandidate {
  return { reportKind: kind.manifest.id, spec: kind.spec, titleIncludes: kind.titleIncludes };
}

function limitsOf(context?: ParseContext): Pick<ParseContext, 'limits'> {
  return context?.limits ? { limits: context.limits } : {};
}

/** The words of a sheet's first rows (title, annex label, date line), normalised. */
function topText(sheet: GridSheet): string {
  return sheet.rows
    .slice(0, 4)
    .flatMap((row) => row.cells.map((cell) => normaliseText(cell.text)))
    .join(' ')
    .replace(/\s+/g, '');
}

function titleAllows(kind: ReportKind, sheets: readonly GridSheet[]): boolean {
  if (!kind.onlyWithTitleWords) return true;
  return sheets.some((sheet) => {
    const text = topText(sheet);
    return kind.titleIncludes.every((word) => text.includes(word));
  });
}

async function detectNingxia(file: SourceFile, context?: ParseContext): Promise<DetectResult> {
  const grid = await readGrid(file, limitsOf(context));
  const candidates = REPORT_KINDS.filter((kind) => titleAllows(kind, grid.sheets)).map(candidateOf);
  return detectByTables(file, candidates, limitsOf(context));
}

/**
 * The report kind and sheet to read: the explicit choice, else the best-scoring table.
 * A partly matching table is still read, so that a missing column is reported where it
 * is missing rather than as "not a Ningxia report".
 */
function chooseKind(
  grid: Grid,
  file: string,
  context: ParseContext,
): { kind: ReportKind; sheet: GridSheet } {
  if (context.reportKind !== undefined) assertReportKind(ningxiaManifest, context.reportKind, file);
  const allowed = REPORT_KINDS.filter(
    (kind) => context.reportKind === undefined || kind.manifest.id === context.reportKind,
  );
  let best: { kind: ReportKind; sheet: string; confidence: number } | undefined;
  for (const kind of allowed) {
    if (context.reportKind === undefined && !titleAllows(kind, grid.sheets)) continue;
    const score = scoreTable(grid, candidateOf(kind));
    if (!best || score.confidence > best.confidence) {
      best = { kind, sheet: score.sheet, confidence: score.confidence };
    }
  }
  const firstSheet = grid.sheets[0];
  if (!firstSheet || grid.sheets.every((sheet) => sheet.rows.every(isBlankRow))) {
    throw new AdapterError('EMPTY_TABLE', 'the workbook holds no data', {
      file,
      ...(firstSheet ? { sheet: firstSheet.name } : {}),
    });
  }
  const chosen = best && best.confidence > 0 ? best : undefined;
  if (chosen) {
    const sheet = grid.sheets.find((s) => s.name === chosen.sheet) ?? firstSheet;
    return { kind: chosen.kind, sheet };
  }
  // An explicit choice is read as asked, so the error names the header it could not find.
  if (context.reportKind !== undefined && allowed[0])
    return { kind: allowed[0], sheet: firstSheet };
  throw new AdapterError(
    'UNKNOWN_REPORT_KIND',
    `no sheet holds a Ningxia report this adapter reads (${REPORT_KINDS.map((kind) => kind.manifest.id).join(', ')})`,
    { file },
  );
}

function noUnitRows(file: string, table: Table): WarningRecord {
  const location = { file, sheet: table.sheet.name };
  return {
    code: 'NO_UNIT_ROWS',
    message: `${file}, sheet "${table.sheet.name}": the table lists no units, only its ${table.rows
      .map((row) => row.label ?? row.unitName)
      .join(', ')} row; the units' figures are missing from this file`,
    provenance: location,
  };
}

const WEEKS = /第\s*\d+\s*周/;

/**
 * A bulletin of weeks (银川's 12345一号通: 第25周、26周, 6月28日12:00至7月12日12:00) names no
 * month, quarter or year that the model holds, and reading its year (2019年) as the period
 * would file two weeks' figures as a whole year's. Such a file takes its period from the
 * upload, with a warning that says what the file covers; without one it is refused and the
 * uploader is asked for the period.
 */
function weekPeriod(
  titles: readonly PeriodCandidate[],
  context: ParseContext,
): { period: string; warning: WarningRecord } | undefined {
  const title = titles.find((candidate) => WEEKS.test(normaliseText(candidate.text)));
  if (!title) return undefined;
  const span = titles
    .map((candidate) => candidate.text.trim())
    .filter((text) => text !== title.text.trim() && text.includes('至'))
    .join('; ');
  const covers = span !== '' ? `${title.text.trim()} (${span})` : title.text.trim();
  if (context.period === undefined) {
    throw new AdapterError(
      'PERIOD_NOT_FOUND',
      `"${covers}" names weeks, not a month, quarter, half year or year; give the reporting period with the upload (--period), e.g. the month or months the weeks fall in`,
      title.location,
    );
  }
  resolvePeriod([], context, title.location);
  return {
    period: context.period,
    warning: {
      code: 'PERIOD_FROM_CONTEXT',
      message: `${formatLocation(title.location)}: the file covers ${covers}, which is not a calendar period; its figures are filed under ${context.period} as given with the upload`,
      provenance: title.location,
    },
  };
}

async function parseNingxia(
  file: SourceFile,
  context: ParseContext = {},
): Promise<NormalisedBatch> {
  const grid = await readGrid(file, limitsOf(context));
  const { kind, sheet } = chooseKind(grid, file.name, context);

  const periodColumns =
    kind.shape === 'period-columns'
      ? withPeriodColumns(sheet, kind.spec, ELICENCE_PERIOD_COLUMNS)
      : undefined;
  const spec = periodColumns?.spec ?? kind.spec;
  const { table, totalsOnly } =
    kind.shape === 'channels'
      ? { table: readTable(sheet, spec, { file: file.name }), totalsOnly: false }
      : readTableAllowingTotalsOnly(sheet, spec, file.name);

  // The annex label above the title (附件2:) names no period; leaving it out makes a missing
  // period point at the title row, where a clerk would add it.
  const titles = titleCandidates(file.name, sheet, table.header.top).filter(
    (candidate) => !ANNEX_LABEL.test(candidate.text.trim()),
  );
  const weeks = weekPeriod(titles, context);
  const { period } =
    weeks ?? resolvePeriod(titles, context, { file: file.name, sheet: sheet.name });
  const region = resolveRegion(file.name, titles, context.regionCode);
  const builder = new BatchBuilder({
    manifest: ningxiaManifest,
    reportKind: kind.manifest.id,
    file,
    period,
    regionCode: region.regionCode,
  });

  const warnings: WarningRecord[] = [];
  if (weeks) warnings.push(weeks.warning);
  if (kind.shape === 'channels') {
    warnings.push(...table.warnings, ...addChannelTable(builder, table));
  } else if (kind.shape === 'categories') {
    warnings.push(...table.warnings, ...addCategoryTable(builder, table));
  } else {
    builder.addTable(table);
    if (totalsOnly && kind.perUnit) warnings.push(noUnitRows(file.name, table));
    warnings.push(...checkTableRates(table, period));
    if (kind.manifest.id === 'hall-case-volumes')
      warnings.push(...checkGroupTotals(table, 'cases'));
  }
  warnings.push(...region.warnings);
  for (const warning of warnings) builder.warn(warning);

  const batch = builder.build();
  return periodColumns && periodColumns.periods.size > 0
    ? applyColumnPeriods(batch, sheet.name, spec.name, periodColumns.periods)
    : batch;
}

export const ningxiaAdapter: ProvinceAdapter = {
  manifest: ningxiaManifest,
  detect: detectNingxia,
  parse: parseNingxia,
  readCases: readNingxiaCases,
};
