import type { ParseContext, ProvinceAdapter, SourceFile } from '../contract/adapter';
import { AdapterError } from '../contract/errors';
import type { AdapterManifest } from '../contract/manifest';
import { BatchBuilder } from '../batch/builder';
import { detectByTables, titleCandidates } from '../detect/detect';
import { readGrid } from '../grid/read-grid';
import { resolvePeriod } from '../periods/period';
import { defineTable, readTable } from '../table/table';

/**
 * A tiny adapter written the way a plugin is: declarative table spec, detect by headers,
 * parse = grid → table → period → batch. Used by the SDK's own specs (harness self-test,
 * detection); it is also the example in the README.
 */

export const fakeManifest: AdapterManifest = {
  id: 'fake-ningxia',
  province: { code: '640000', name: { zh: '宁夏回族自治区', en: 'Ningxia' } },
  version: '0.1.0',
  fileTypes: ['xlsx', 'csv'],
  reportKinds: [
    {
      id: 'good-bad-review',
      name: { zh: '各单位“好差评”情况', en: 'Good/bad reviews per unit' },
      coverage: [{ edition: '金凤区通报附件2', from: '2022-01', to: '2022-08' }],
      fileTypes: ['xlsx', 'csv'],
    },
  ],
};

export const goodBadReviewTable = defineTable({
  name: 'good-bad-review',
  unit: { header: ['单位/部门', '单位', '部门'] },
  columns: {
    cases: { header: '办件量', kind: 'count', measure: 'cases.total' },
    offline: { header: '线下办件数', kind: 'count', measure: 'cases.offline' },
    evaluated: { header: '线下评价数', kind: 'count', measure: 'evaluations.offline' },
    rate: {
      header: ['线下参评率', '线下评价率'],
      kind: 'percent',
      indicator: 'evaluation.offline_rate',
    },
  },
});

const candidates = [
  { reportKind: 'good-bad-review', spec: goodBadReviewTable, titleIncludes: ['好差评'] },
];

export const fakeAdapter: ProvinceAdapter = {
  manifest: fakeManifest,
  detect: (file: SourceFile, context?: ParseContext) =>
    detectByTables(file, candidates, context?.limits ? { limits: context.limits } : {}),
  async parse(file: SourceFile, context: ParseContext = {}) {
    const grid = await readGrid(file, context.limits ? { limits: context.limits } : {});
    const sheet = grid.sheets[0];
    if (!sheet)
      throw new AdapterError('EMPTY_TABLE', 'the workbook has no sheet', { file: file.name });
    const table = readTable(sheet, goodBadReviewTable, { file: file.name });
    const { period } = resolvePeriod(titleCandidates(file.name, sheet, table.header.top), context, {
      file: file.name,
      sheet: sheet.name,
    });
    const regionCode = context.regionCode;
    if (!regionCode) {
      throw new AdapterError('REGION_NOT_FOUND', 'no region code given with the upload', {
        file: file.name,
      });
    }
    return new BatchBuilder({
      manifest: fakeManifest,
      reportKind: 'good-bad-review',
      file,
      period,
      regionCode,
    })
      .addTable(table)
      .build();
  },
};

export const jinfengRows: (string | number | null)[][] = [
  ['金凤区2022年1-8月政务服务系统各单位“好差评”情况'],
  ['序号', '单位/部门', '办件量', '线下办件数', '线下评价数', '线下参评率 (%)'],
  [1, '审批局', 5867, 5835, 5769, 98.87],
  [2, '国家税务总局银川市金凤区税务局', 6196, 0, '/', '/'],
  [3, '金凤区残疾人联合会', 66, 66, 35, 53.03],
  ['合计', null, 12129, 5901, 5804, 98.36],
];
