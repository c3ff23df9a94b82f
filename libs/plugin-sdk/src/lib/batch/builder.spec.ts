import type { NormalisedBatch } from '../contract/batch';
import { readGrid } from '../grid/read-grid';
import type { GridSheet } from '../grid/grid';
import { defineTable, readTable } from '../table/table';
import { buildXlsx } from '../testing/workbook-builder';
import { parseDeadline, parseTarget, splitUnitList } from '../plan/targets';
import { BatchBuilder, sha256Hex } from './builder';
import { reconcileTotals, validateBatch } from './validate';

const spec = defineTable({
  name: 'annex-1-capability',
  unit: { header: '部门' },
  columns: {
    cases: { header: '办件量', kind: 'count', measure: 'cases.total' },
    casesYtd: {
      header: '累计办件量',
      kind: 'count',
      measure: 'cases.total',
      period: 'year-to-date',
    },
    rate: { header: '主动评价率', kind: 'percent', indicator: 'evaluation.active_rate' },
  },
});

async function build(
  rows: (string | number | null)[][],
): Promise<{ batch: NormalisedBatch; bytes: Uint8Array }> {
  const bytes = await buildXlsx([
    { name: '附件1', rows: [['序号', '部门', '办件量', '累计办件量', '主动评价率'], ...rows] },
  ]);
  const file = { name: 'xiqu.xlsx', bytes };
  const grid = await readGrid(file);
  const table = readTable(grid.sheets[0] as GridSheet, spec, { file: file.name });
  const batch = new BatchBuilder({
    manifest: { id: 'sichuan', version: '1.0.0' },
    reportKind: 'online-capability',
    file,
    period: '2022-09',
    regionCode: '510403',
  })
    .addTable(table)
    .build();
  return { batch, bytes };
}

describe('BatchBuilder', () => {
  it('turns a table into measures, indicators and totals with provenance', async () => {
    const { batch, bytes } = await build([
      [3, '区发展改革局', 28, 177, '96.42%'],
      [13, '区农业农村和交通运输局', 181, 2561, '69.32%'],
      [null, '合计', 209, 2738, null],
    ]);
    expect(validateBatch(batch)).toEqual([]);
    expect(batch.source).toEqual({
      fileName: 'xiqu.xlsx',
      sha256: sha256Hex(bytes),
      byteLength: bytes.byteLength,
    });
    expect(
      batch.measures.map((m) => [
        m.unitName,
        m.measure,
        m.period ?? null,
        m.value.status === 'number' ? m.value.value : null,
      ]),
    ).toEqual([
      ['区发展改革局', 'cases.total', null, 28],
      ['区发展改革局', 'cases.total', '2022-01..2022-09', 177],
      ['区农业农村和交通运输局', 'cases.total', null, 181],
      ['区农业农村和交通运输局', 'cases.total', '2022-01..2022-09', 2561],
    ]);
    expect(batch.indicators[0]).toEqual({
      unitName: '区发展改革局',
      unitPath: ['区发展改革局'],
      table: 'annex-1-capability',
      indicator: 'evaluation.active_rate',
      value: { status: 'number', value: 96.42, unit: 'percent', decimals: 2, raw: '96.42%' },
      provenance: { file: 'xiqu.xlsx', sheet: '附件1', row: 2, column: 'E', columnIndex: 5 },
    });
    expect(batch.totals).toEqual([
      {
        kind: 'total',
        label: '合计',
        unitPath: [],
        table: 'annex-1-capability',
        sheet: '附件1',
        row: 4,
        covers: [2, 3],
        values: [
          expect.objectContaining({
            code: 'cases.total',
            codeKind: 'measure',
            value: expect.objectContaining({ value: 209 }),
          }),
          expect.objectContaining({ code: 'cases.total', period: '2022-01..2022-09' }),
          expect.objectContaining({
            code: 'evaluation.active_rate',
            codeKind: 'indicator',
            value: { status: 'missing', raw: '' },
          }),
        ],
      },
    ]);
    expect(reconcileTotals(batch)).toEqual([]);
  });

  it('is JSON-stable: what goes in a golden file comes back equal', async () => {
    const { batch } = await build([[1, '区民政局', 152, 1678, '95.05%']]);
    expect(JSON.parse(JSON.stringify(batch))).toStrictEqual(batch);
  });
});

describe('plans', () => {
  it('carries targets and plan items built from prose', async () => {
    const file = { name: 'plan.xlsx', bytes: new Uint8Array([1, 2, 3]) };
    const parsed = parseTarget('本年度个人用户年度注册用户数不低于15.75万人。');
    const deadline = parseDeadline('2022年10月25日前并长期坚持。');
    if (!parsed || !deadline.date) throw new Error('fixture phrases must parse');
    const target = {
      indicator: 'users.personal_new',
      comparator: parsed.comparator,
      value: parsed.value,
      unit: parsed.unit,
      raw: parsed.raw,
      regionCode: '620200',
      period: '2022',
      deadline: deadline.date,
    };
    const batch = new BatchBuilder({
      manifest: { id: 'gansu', version: '1.0.0' },
      reportKind: 'plan',
      file,
      period: '2022',
      regionCode: '620200',
    })
      .addTarget(target)
      .addPlanItem({
        id: '4',
        title: '个人用户年度注册用户数',
        indicator: 'users.personal_new',
        targetText: parsed.raw,
        targets: [target],
        responsibleUnits: splitUnitList('各街道办事处、郊区工作办公室、市政府各部门、在嘉各单位'),
        deadline: deadline.date,
        deadlineText: deadline.raw,
        ongoing: deadline.ongoing,
      })
      .warn({ code: 'PLAN_NOTE', message: 'plan.xlsx: example' })
      .build();
    expect(validateBatch(batch)).toEqual([]);
    expect(batch.targets).toEqual([
      {
        indicator: 'users.personal_new',
        comparator: '>=',
        value: 157500,
        unit: 'count',
        raw: '本年度个人用户年度注册用户数不低于15.75万人。',
        regionCode: '620200',
        period: '2022',
        deadline: '2022-10-25',
      },
    ]);
    expect(batch.planItems[0]?.responsibleUnits).toHaveLength(4);
    expect(
      validateBatch({
        ...batch,
        targets: [{ ...target, comparator: '≥' as never, deadline: '10/25' }],
      }),
    ).toEqual(['targets[0].comparator "≥" is unknown', 'targets[0].deadline must be YYYY-MM-DD']);
  });
});

describe('reconcileTotals', () => {
  it('flags a printed total that is not the sum of the rows it covers', async () => {
    // Xiqu prints case totals that do not add up; the batch keeps both and says so.
    const { batch } = await build([
      [1, '区民政局', 152, 1678, '95.05%'],
      [2, '区司法局', 6, 39, '100.00%'],
      [null, '合计', 160, 1717, null],
    ]);
    expect(reconcileTotals(batch)).toEqual([
      {
        code: 'TOTAL_MISMATCH',
        message:
          'xiqu.xlsx, sheet "附件1", row 4, column C: 合计 of cases.total is printed as 160 but the 2 rows it covers sum to 158',
        provenance: { file: 'xiqu.xlsx', sheet: '附件1', row: 4, column: 'C', columnIndex: 3 },
      },
    ]);
  });
});

describe('validateBatch', () => {
  it('names every contract violation', async () => {
    const { batch } = await build([[1, '区民政局', 152, 1678, '95.05%']]);
    const broken = {
      ...batch,
      period: '2022/09',
      regionCode: '5104',
      measures: [
        {
          ...batch.measures[0],
          value: { status: 'number', value: Number.NaN, unit: 'count', decimals: 0, raw: 'x' },
        },
        {
          ...batch.measures[1],
          unitPath: ['别的'],
          provenance: { ...batch.measures[1]?.provenance, column: 'Z' },
        },
      ],
      planItems: [
        {
          id: '1',
          title: 'a',
          targetText: '',
          targets: [],
          responsibleUnits: [],
          deadline: '2022-10-32',
        },
        { id: '1', title: 'b', targetText: '', targets: [], responsibleUnits: [] },
      ],
      warnings: [{ code: 'X', message: 'm', provenance: undefined }],
    } as unknown as NormalisedBatch;
    expect(validateBatch(broken)).toEqual([
      'batch.measures[0].value.value is NaN, which JSON cannot carry',
      'batch.warnings[0].provenance is undefined; omit the key instead',
      'period "2022/09" is not period notation',
      'regionCode "5104" is not a GB/T 2260 code',
      'measures[0].value.value is not a finite number',
      'measures[1].unitPath must end with unitName',
      'measures[1].provenance.column "Z" does not match columnIndex 4',
      'planItems[0].deadline must be YYYY-MM-DD',
      'planItems[1].id "1" is duplicated',
    ]);
  });
});
