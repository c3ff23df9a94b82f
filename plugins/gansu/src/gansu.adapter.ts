import {
  AdapterError,
  assertReportKind,
  BatchBuilder,
  detectByTables,
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
  Table,
  TableCandidate,
  TableScore,
} from '@efficacy/plugin-sdk';

import { addCapabilityPlan, resolvePlanPeriod } from './lib/capability-plan';
import { addOfflineReviewHalls, addReviewChannels } from './lib/evaluations';
import { addIndicatorValues, resolveValuesPeriod } from './lib/indicator-values';
import { resolveRegion } from './lib/region';
import { CAPABILITY_PLAN_KIND, capabilityPlanTable } from './mappings/capability-plan';
import {
  OFFLINE_REVIEW_HALLS_KIND,
  offlineReviewHallsTable,
  REVIEW_CHANNELS_KIND,
  reviewChannelsTable,
} from './mappings/evaluations';
import { INDICATOR_VALUES_KIND, indicatorValuesTable } from './mappings/indicator-values';
import { GANSU_PROVINCE_CODE } from './mappings/regions';

/**
 * 甘肃省 (Gansu, 620000): the Jiayuguan capability plan (targets and tasks) and indicator
 * values per unit and period. See README.md for both layouts and their quirks.
 */
export const gansuManifest: AdapterManifest = {
  id: 'gansu',
  province: { code: GANSU_PROVINCE_CODE, name: { zh: '甘肃省', en: 'Gansu' } },
  // Recorded with every import: bump it whenever the output for the same file changes.
  version: '0.2.0',
  fileTypes: ['xlsx', 'csv'],
  reportKinds: [
    {
      id: CAPABILITY_PLAN_KIND,
      name: {
        zh: '一体化政务服务能力提升实施方案（任务与目标）',
        en: 'Integrated government-service capability plan (tasks and targets)',
      },
      coverage: [
        {
          edition: '嘉政办发〔2022〕100号',
          from: '2022',
          to: '2022',
          note: '嘉峪关市 2022 plan, 三、主要任务 (一)–(二十六), one row per task',
        },
      ],
      fileTypes: ['xlsx', 'csv'],
    },
    {
      id: INDICATOR_VALUES_KIND,
      name: {
        zh: '各单位指标完成情况',
        en: 'Indicator values per unit and period',
      },
      coverage: [
        {
          edition: 'Efficacy layout v1',
          from: '2022',
          note: 'layout defined by Efficacy (the plan prints no values); no platform export seen yet',
        },
      ],
      fileTypes: ['xlsx', 'csv'],
    },
    {
      id: OFFLINE_REVIEW_HALLS_KIND,
      name: {
        zh: '政务服务大厅及分中心线下“好差评”情况（满意/基本满意/不满意）',
        en: 'Offline 好差评 per hall and branch centre (three-level scale)',
      },
      coverage: [
        {
          edition: '永昌县2023年第二季度政务服务线下“好差评”通报, 一、1–6',
          from: '2023-Q2',
          to: '2023-Q2',
          note: 'layout defined from the text of the bulletin',
        },
      ],
      fileTypes: ['xlsx', 'csv'],
    },
    {
      id: REVIEW_CHANNELS_KIND,
      name: {
        zh: '政务服务“好差评”各评价渠道评价情况',
        en: '好差评 evaluations by channel',
      },
      coverage: [
        {
          edition: '渭源县政务服务中心 2020年“好差评”情况',
          from: '2020',
          to: '2020',
          note: 'layout defined from the text of the article',
        },
      ],
      fileTypes: ['xlsx', 'csv'],
    },
  ],
};

/** One entry per report kind: the table it holds and the words its title carries. */
const CANDIDATES: readonly TableCandidate[] = [
  { reportKind: CAPABILITY_PLAN_KIND, spec: capabilityPlanTable, titleIncludes: ['方案'] },
  { reportKind: INDICATOR_VALUES_KIND, spec: indicatorValuesTable, titleIncludes: ['指标'] },
  {
    reportKind: OFFLINE_REVIEW_HALLS_KIND,
    spec: offlineReviewHallsTable,
    titleIncludes: ['好差评'],
  },
  { reportKind: REVIEW_CHANNELS_KIND, spec: reviewChannelsTable, titleIncludes: ['好差评'] },
];

function limitsOf(context?: ParseContext): Pick<ParseContext, 'limits'> {
  return context?.limits ? { limits: context.limits } : {};
}

function detectGansu(file: SourceFile, context?: ParseContext): Promise<DetectResult> {
  return detectByTables(file, CANDIDATES, limitsOf(context));
}

/** An empty workbook says so, rather than "not a report this adapter reads". */
function assertNotEmpty(grid: Grid, file: SourceFile): void {
  const blank = grid.sheets.every((sheet) =>
    sheet.rows.every((row) => row.cells.every((cell) => cell.text.trim() === '')),
  );
  if (!blank) return;
  const first = grid.sheets[0];
  throw new AdapterError(
    'EMPTY_TABLE',
    grid.sheets.length === 0 ? 'the workbook has no sheet' : 'the workbook has no data',
    first ? { file: file.name, sheet: first.name } : { file: file.name },
  );
}

/** The best-scoring table, read even when incomplete so a missing column says where. */
function chooseTable(
  grid: Grid,
  file: SourceFile,
  context: ParseContext,
): { candidate: TableCandidate; table: Table } {
  const scored = CANDIDATES.filter(
    (candidate) => context.reportKind === undefined || candidate.reportKind === context.reportKind,
  ).map((candidate): [TableCandidate, TableScore] => [candidate, scoreTable(grid, candidate)]);
  const best = scored.reduce<[TableCandidate, TableScore] | undefined>(
    (top, entry) => (!top || entry[1].confidence > top[1].confidence ? entry : top),
    undefined,
  );
  const sheet =
    best && best[1].confidence > 0 ? grid.sheets.find((s) => s.name === best[1].sheet) : undefined;
  if (!best || !sheet) {
    throw new AdapterError(
      'UNKNOWN_REPORT_KIND',
      `no sheet holds a report this adapter reads (${gansuManifest.reportKinds.map((kind) => kind.id).join(', ')})`,
      { file: file.name },
    );
  }
  const [candidate] = best;
  return { candidate, table: readTable(sheet, candidate.spec, { file: file.name }) };
}

function headerLabels(table: Table): Record<string, string> {
  return Object.fromEntries(
    Object.entries(table.columns).map(([key, column]) => [key, column.label]),
  );
}

async function parseGansu(file: SourceFile, context: ParseContext = {}): Promise<NormalisedBatch> {
  const grid = await readGrid(file, limitsOf(context));
  if (context.reportKind !== undefined) {
    assertReportKind(gansuManifest, context.reportKind, file.name);
  }
  assertNotEmpty(grid, file);
  const { candidate, table } = chooseTable(grid, file, context);
  const where = { file: file.name, sheet: table.sheet.name };
  const titles = titleCandidates(file.name, table.sheet, table.header.top);
  const { regionCode, warnings } = resolveRegion(titles, context.regionCode, where);

  if (candidate.reportKind === CAPABILITY_PLAN_KIND) {
    const period = resolvePlanPeriod(titles, context, where);
    const builder = new BatchBuilder({
      manifest: gansuManifest,
      reportKind: CAPABILITY_PLAN_KIND,
      file,
      period,
      regionCode,
    });
    for (const warning of [...warnings, ...table.warnings]) builder.warn(warning);
    addCapabilityPlan(builder, table.rows, headerLabels(table), { period, regionCode });
    return builder.build();
  }

  if (
    candidate.reportKind === OFFLINE_REVIEW_HALLS_KIND ||
    candidate.reportKind === REVIEW_CHANNELS_KIND
  ) {
    const { period } = resolvePeriod(titles, context, where);
    const builder = new BatchBuilder({
      manifest: gansuManifest,
      reportKind: candidate.reportKind,
      file,
      period,
      regionCode,
    });
    const checks =
      candidate.reportKind === OFFLINE_REVIEW_HALLS_KIND
        ? addOfflineReviewHalls(builder, table, period)
        : [...table.warnings, ...addReviewChannels(builder, table, period)];
    for (const warning of [...warnings, ...checks]) builder.warn(warning);
    return builder.build();
  }

  const period = resolveValuesPeriod(table, titles, context, where);
  const builder = new BatchBuilder({
    manifest: gansuManifest,
    reportKind: INDICATOR_VALUES_KIND,
    file,
    period,
    regionCode,
  });
  for (const warning of [...warnings, ...table.warnings]) builder.warn(warning);
  addIndicatorValues(builder, table, period);
  return builder.build();
}

export const gansuAdapter: ProvinceAdapter = {
  manifest: gansuManifest,
  detect: detectGansu,
  parse: parseGansu,
};
