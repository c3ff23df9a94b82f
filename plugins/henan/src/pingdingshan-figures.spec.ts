import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { readGrid } from '@efficacy/plugin-sdk';
import type { NormalisedBatch, TotalRecord, ValueState } from '@efficacy/plugin-sdk';
import { buildXlsx } from '@efficacy/plugin-sdk/testing';
import type { CellInput } from '@efficacy/plugin-sdk/testing';

import { henanAdapter } from './henan.adapter';

// Figures we did not tune to: Pingdingshan's August 2023 12345 bulletin (平顶山市, 410400), a
// city and a month the adapter had never seen, transcribed from the text as printed
// (tools/fixtures/data/henan/pingdingshan-2023-08-hotline-lines.ts).

const OK = join(__dirname, '..', 'test-fixtures', 'ok');
const FILE = 'pingdingshan-2023-08-hotline-lines.xlsx';

function bytesOf(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(OK, name)));
}

function parse(name: string, bytes: Uint8Array): Promise<NormalisedBatch> {
  return henanAdapter.parse({ name, bytes }, {});
}

function numberOf(value: ValueState | undefined): number | undefined {
  return value?.status === 'number' ? value.value : undefined;
}

function lineValue(batch: NormalisedBatch, line: string, code: string): ValueState | undefined {
  return (
    batch.measures.find((r) => r.unitName.startsWith(line) && r.measure === code)?.value ??
    batch.indicators.find((r) => r.unitName.startsWith(line) && r.indicator === code)?.value
  );
}

function totalOf(batch: NormalisedBatch, label: string): TotalRecord {
  const found = batch.totals.find((t) => t.label === label);
  if (!found) throw new Error(`no total row ${label}`);
  return found;
}

function totalValue(row: TotalRecord, code: string): ValueState | undefined {
  return row.values.find((v) => v.code === code)?.value;
}

describe('Pingdingshan 12345 lines, August 2023', () => {
  it('is detected as the hotline table of 平顶山市, with the month from the title', async () => {
    const file = { name: FILE, bytes: bytesOf(FILE) };
    const detected = await henanAdapter.detect(file);
    expect(detected.reportKind).toBe('hotline-lines');
    expect(detected.confidence).toBeGreaterThanOrEqual(0.7);
    const batch = await parse(FILE, file.bytes);
    expect(batch.period).toBe('2023-08');
    expect(batch.regionCode).toBe('410400');
  });

  it('reads every printed figure at its printed magnitude, and 12333/12348 交办 as missing, not 0', async () => {
    const batch = await parse(FILE, bytesOf(FILE));
    expect(numberOf(lineValue(batch, '12345热线电话', 'hotline.requests'))).toBe(35399);
    expect(numberOf(lineValue(batch, '12345热线电话', 'hotline.assigned'))).toBe(11556);
    expect(numberOf(lineValue(batch, '12345热线电话', 'hotline.finished'))).toBe(11556);
    expect(lineValue(batch, '12345热线电话', 'hotline_satisfaction_rate')).toMatchObject({
      status: 'number',
      value: 99,
      decimals: 0,
      raw: '99%',
    });
    expect(numberOf(lineValue(batch, '12315', 'hotline.assigned'))).toBe(2793);
    expect(numberOf(lineValue(batch, '12315', 'hotline_on_time_finish_rate'))).toBe(100);
    expect(numberOf(lineValue(batch, '12328', 'hotline.finished'))).toBe(342);
    expect(numberOf(lineValue(batch, '12333', 'hotline.requests'))).toBe(8879);
    expect(lineValue(batch, '12333', 'hotline.assigned')).toEqual({ status: 'missing', raw: '' });
    expect(lineValue(batch, '12348', 'hotline.finished')).toEqual({ status: 'missing', raw: '' });
    expect(numberOf(lineValue(batch, '网络平台', 'hotline.requests'))).toBe(178);
  });

  it('keeps the phone lines’ 小计 and the 合计, and they add up to the printed lines', async () => {
    const batch = await parse(FILE, bytesOf(FILE));
    const subtotal = totalOf(batch, '小计');
    expect(subtotal.kind).toBe('subtotal');
    expect(subtotal.covers).toHaveLength(5);
    const lines = ['12345热线电话', '12315', '12328', '12333', '12348'];
    const sum = (code: string) =>
      lines.reduce((acc, line) => acc + (numberOf(lineValue(batch, line, code)) ?? 0), 0);
    expect(numberOf(totalValue(subtotal, 'hotline.requests'))).toBe(56466);
    expect(sum('hotline.requests')).toBe(56466);
    expect(numberOf(totalValue(subtotal, 'hotline.assigned'))).toBe(14691);
    expect(sum('hotline.assigned')).toBe(14691);
    const total = totalOf(batch, '合计');
    expect(total.covers).toHaveLength(6);
    expect(numberOf(totalValue(total, 'hotline.requests'))).toBe(56644);
    expect(56466 + (numberOf(lineValue(batch, '网络平台', 'hotline.requests')) ?? 0)).toBe(56644);
    // The printed 办结率 (11556/11556, 14691/14691) agree with their parts: nothing flagged.
    expect(batch.warnings.filter((w) => w.code === 'RATE_MISMATCH')).toEqual([]);
  });

  it('flags a printed 办结率 its counts do not give, and keeps it as printed', async () => {
    const grid = await readGrid({ name: FILE, bytes: bytesOf(FILE) });
    const sheet = grid.sheets[0];
    if (!sheet) throw new Error('no sheet');
    const rows = sheet.rows.map((row) =>
      row.cells.map((cell): CellInput => {
        if (cell.type === 'number' && cell.number !== undefined) return cell.number;
        return cell.text === '' ? null : cell.text;
      }),
    );
    const at = rows.findIndex((row) => row.includes('12345热线电话(含公众号、APP)'));
    const finished = rows.findIndex((row) => row.includes('办结(件)'));
    const column = (rows[finished] as CellInput[]).indexOf('办结(件)');
    (rows[at] as CellInput[])[column] = 11000;
    const merges = [...new Set(sheet.merges.map((merge) => merge.range))];
    const bytes = await buildXlsx([{ name: sheet.name, rows, merges }]);
    const batch = await parse('pingdingshan-finished-short.xlsx', bytes);
    expect(numberOf(lineValue(batch, '12345热线电话', 'hotline_finish_rate'))).toBe(100);
    expect(batch.warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'RATE_MISMATCH',
          message: expect.stringMatching(/row 3, column F .*100%.*11000 \/ 11556/),
        }),
      ]),
    );
  });
});
