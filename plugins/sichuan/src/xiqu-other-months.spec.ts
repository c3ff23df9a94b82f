import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { readGrid } from '@efficacy/plugin-sdk';
import type { NormalisedBatch, ParseContext, ValueState } from '@efficacy/plugin-sdk';
import { buildXlsx } from '@efficacy/plugin-sdk/testing';
import type { CellInput } from '@efficacy/plugin-sdk/testing';

import { sichuanAdapter } from './sichuan.adapter';

// Figures we did not tune to: Xiqu's April and December 2022 reports (the adapter was built on
// September's), transcribed from their text as printed (tools/fixtures/data/sichuan/).

const OK = join(__dirname, '..', 'test-fixtures', 'ok');
const YEAR: ParseContext = { year: 2022 };

function file(name: string) {
  return { name, bytes: new Uint8Array(readFileSync(join(OK, name))) };
}

function numberOf(value: ValueState | undefined): number | undefined {
  return value?.status === 'number' ? value.value : undefined;
}

function regionValue(batch: NormalisedBatch, code: string): ValueState | undefined {
  const row = batch.totals.find((t) => t.label === '西区');
  return row?.values.find((v) => v.code === code)?.value;
}

describe('Xiqu overdue cases, 3月17日至4月16日 2022', () => {
  it('is detected as the overdue list and read for 西区, April 2022', async () => {
    const detected = await sichuanAdapter.detect(file('xiqu-2022-04-overdue.xlsx'));
    expect(detected.reportKind).toBe('overdue-cases');
    const batch = await sichuanAdapter.parse(file('xiqu-2022-04-overdue.xlsx'), YEAR);
    expect(batch.period).toBe('2022-04');
    expect(batch.regionCode).toBe('510403');
  });

  it('reads the six departments the text names, 18 cases in all, as printed', async () => {
    const batch = await sichuanAdapter.parse(file('xiqu-2022-04-overdue.xlsx'), YEAR);
    const byUnit = Object.fromEntries(
      batch.measures.map((r) => [r.unitName, numberOf(r.value)] as const),
    );
    expect(byUnit).toEqual({
      公安局西区分局: 1,
      西区发展改革局: 1,
      西区教育和体育局: 1,
      西区经济和信息化局: 4,
      西区河门口街道办事处: 1,
      西区清香坪街道金沙社区居民委员会: 10,
    });
    const total = batch.totals.find((t) => t.label === '合计');
    expect(numberOf(total?.values.find((v) => v.code === 'cases.overdue')?.value)).toBe(18);
    expect(total?.covers).toHaveLength(6);
  });
});

describe('Xiqu report-text figures of other months', () => {
  it('April 2022: 15997 hall cases, 6988 centre requests, 5160 cases and 85.25% as printed', async () => {
    const batch = await sichuanAdapter.parse(file('xiqu-2022-04-report-summary.xlsx'), YEAR);
    expect(batch.period).toBe('2022-04');
    expect(numberOf(regionValue(batch, 'cases.hall_window'))).toBe(15997);
    expect(numberOf(regionValue(batch, 'applications.accepted'))).toBe(6988);
    expect(numberOf(regionValue(batch, 'cases'))).toBe(5160);
    expect(numberOf(regionValue(batch, 'evaluations'))).toBe(4879);
    // Not 4879/5160 = 94.55%: the platform's basis is not published (see the catalogue).
    expect(regionValue(batch, 'active_evaluation_rate')).toMatchObject({
      value: 85.25,
      decimals: 2,
      raw: '85.25%',
    });
    // The April text states no claim figures: missing, never 0.
    expect(regionValue(batch, 'items.claimed')).toEqual({ status: 'missing', raw: '' });
  });

  it('December 2022: more evaluations (3448) than cases (3382), kept as printed', async () => {
    const batch = await sichuanAdapter.parse(file('xiqu-2022-12-report-summary.xlsx'), YEAR);
    expect(batch.period).toBe('2022-12');
    expect(numberOf(regionValue(batch, 'cases.hall_window'))).toBe(14613);
    expect(numberOf(regionValue(batch, 'applications'))).toBe(4900);
    expect(numberOf(regionValue(batch, 'applications.finished'))).toBe(4889);
    expect(numberOf(regionValue(batch, 'cases'))).toBe(3382);
    expect(numberOf(regionValue(batch, 'evaluations'))).toBe(3448);
    expect(numberOf(regionValue(batch, 'active_evaluation_rate'))).toBe(95.64);
  });
});

describe('printed rates against their parts', () => {
  it('flags a 认领率 the 已认领 and 待认领 of its row do not give, and keeps it as printed', async () => {
    const name = 'xiqu-2022-09-annex1-online-service-capability.xlsx';
    const grid = await readGrid(file(name));
    const sheet = grid.sheets[0];
    if (!sheet) throw new Error('no sheet');
    const rows = sheet.rows.map((row) =>
      row.cells.map((cell): CellInput => {
        if (cell.type === 'number' && cell.number !== undefined) return cell.number;
        return cell.text === '' ? null : cell.text;
      }),
    );
    const at = rows.findIndex((row) => row.includes('区民政局'));
    const header = rows.findIndex((row) => row.includes('待认领'));
    const unclaimed = (rows[header] as CellInput[]).indexOf('待认领');
    // One item awaiting claim, while the row still prints its 认领率 as 100.00%.
    (rows[at] as CellInput[])[unclaimed] = 1;
    const merges = [...new Set(sheet.merges.map((merge) => merge.range))];
    const bytes = await buildXlsx([{ name: sheet.name, rows, merges }]);
    const batch = await sichuanAdapter.parse(
      { name: 'xiqu-annex1-one-unclaimed.xlsx', bytes },
      { year: 2022, regionCode: '510403' },
    );
    const rate = batch.indicators.find(
      (r) => r.unitName === '区民政局' && r.indicator === 'claim_rate',
    );
    expect(rate?.value).toMatchObject({ status: 'number', value: 100 });
    expect(batch.warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'RATE_MISMATCH',
          message: expect.stringContaining('区民政局'),
        }),
      ]),
    );
  });
});
