import fc from 'fast-check';

import { AdapterError } from '../contract/errors';
import type { GridCell } from '../grid/grid';
import { formatNumber } from '../grid/number-format';
import { parseCellValue, parseValue, tryParseValue } from './parse-value';

const at = {
  file: '金凤区-好差评.xlsx',
  sheet: '附件2',
  row: 7,
  column: 'E',
  columnIndex: 5,
  header: '线下评价数',
};

function numberCell(value: number, text: string, numFmt?: string): GridCell {
  return { row: 7, column: 5, type: 'number', number: value, text, ...(numFmt ? { numFmt } : {}) };
}

describe('tryParseValue', () => {
  it.each([
    ['98.87', 98.87, 2, 'number'],
    ['98.87%', 98.87, 2, 'percent'],
    ['100.00%', 100, 2, 'percent'],
    ['100%', 100, 0, 'percent'],
    ['1,234', 1234, 0, 'number'],
    ['1,234.5', 1234.5, 1, 'number'],
    ['１２３４', 1234, 0, 'number'],
    ['９８．８７％', 98.87, 2, 'percent'],
    ['  47903 ', 47903, 0, 'number'],
    ['-2.51%', -2.51, 2, 'percent'],
    ['\u22121.92%', -1.92, 2, 'percent'],
    ['0', 0, 0, 'number'],
    ['0.00%', 0, 2, 'percent'],
  ])('reads %j as %d with %d printed decimals', (text, value, decimals, unit) => {
    const result = tryParseValue(text, 'number');
    expect(result).toEqual({
      ok: true,
      value: { status: 'number', value, unit, decimals, raw: text },
    });
  });

  it('keeps a real 0 as a number, not as missing', () => {
    expect(tryParseValue('0', 'count')).toEqual({
      ok: true,
      value: { status: 'number', value: 0, unit: 'count', decimals: 0, raw: '0' },
    });
  });

  it.each([
    ['/', 'not_connected'],
    ['／', 'not_connected'],
    ['-', 'not_applicable'],
    ['—', 'not_applicable'],
    ['－', 'not_applicable'],
    ['——', 'not_applicable'],
    ['–', 'not_applicable'],
    ['', 'missing'],
    ['   ', 'missing'],
  ])('reads %j as %s', (text, status) => {
    expect(tryParseValue(text, 'count')).toEqual({ ok: true, value: { status, raw: text } });
  });

  it('marks a percent column as percent points even without a printed %', () => {
    expect(tryParseValue('53.03', 'percent')).toEqual({
      ok: true,
      value: { status: 'number', value: 53.03, unit: 'percent', decimals: 2, raw: '53.03' },
    });
  });

  it.each([['12O09'], ['12,34'], ['1.2.3'], ['abc'], ['5%%'], ['++1']])('refuses %j', (text) => {
    expect(tryParseValue(text, 'number').ok).toBe(false);
  });

  it('refuses fractions and percentages in count columns', () => {
    expect(tryParseValue('17.5', 'count')).toEqual({
      ok: false,
      reason: '"17.5" is not a whole number ≥ 0',
    });
    expect(tryParseValue('5%', 'count')).toEqual({
      ok: false,
      reason: '"5%" is a percentage where a count is expected',
    });
    expect(tryParseValue('-3', 'count').ok).toBe(false);
    expect(tryParseValue('17.5', 'number').ok).toBe(true);
  });

  it('reads any formatted number back to its value (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom('', '%', ','),
        (scaled, decimals, style) => {
          const value = scaled / 10 ** decimals;
          const fmt =
            style === '%'
              ? `0${decimals ? `.${'0'.repeat(decimals)}` : ''}%`
              : `${style === ',' ? '#,##' : ''}0${decimals ? `.${'0'.repeat(decimals)}` : ''}`;
          const stored = style === '%' ? value / 100 : value;
          const text = formatNumber(stored, fmt);
          const parsed = tryParseValue(text, 'number');
          return (
            parsed.ok &&
            parsed.value.status === 'number' &&
            parsed.value.value === value &&
            parsed.value.decimals === decimals
          );
        },
      ),
      { seed: 20220913, numRuns: 300 },
    );
  });
});

describe('parseValue', () => {
  it('throws BAD_NUMBER naming file, sheet, row and column', () => {
    let caught: unknown;
    try {
      parseValue('12O09', 'count', at);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AdapterError);
    expect((caught as AdapterError).code).toBe('BAD_NUMBER');
    expect((caught as AdapterError).message).toBe(
      '金凤区-好差评.xlsx, sheet "附件2", row 7, column E (线下评价数): "12O09" is not a number',
    );
  });
});

describe('parseCellValue', () => {
  it('keeps the stored number of a percent-formatted cell in percent points with printed decimals', () => {
    expect(parseCellValue(numberCell(0.9887, '98.87%', '0.00%'), 'percent', at)).toEqual({
      status: 'number',
      value: 98.87,
      unit: 'percent',
      decimals: 2,
      raw: '98.87%',
    });
  });

  it('keeps more precision than printed in value, and the printed decimals in decimals', () => {
    expect(parseCellValue(numberCell(0.964285714, '96.43%', '0.00%'), 'percent', at)).toMatchObject(
      {
        value: 96.4285714,
        decimals: 2,
        raw: '96.43%',
      },
    );
  });

  it('reads a thousands-formatted count', () => {
    expect(parseCellValue(numberCell(12009, '12,009', '#,##0'), 'count', at)).toEqual({
      status: 'number',
      value: 12009,
      unit: 'count',
      decimals: 0,
      raw: '12,009',
    });
  });

  it('treats #DIV/0! as not applicable and other spreadsheet errors as bad numbers', () => {
    expect(
      parseCellValue({ row: 7, column: 5, type: 'error', text: '#DIV/0!' }, 'percent', at),
    ).toEqual({
      status: 'not_applicable',
      raw: '#DIV/0!',
    });
    expect(() =>
      parseCellValue(
        { row: 7, column: 5, type: 'error', text: '#REF!', formula: 'A1/B1' },
        'percent',
        at,
      ),
    ).toThrow(
      'row 7, column E (线下评价数): the cell shows the spreadsheet error #REF! (formula A1/B1)',
    );
  });

  it('refuses a fractional stored number in a count column', () => {
    expect(() => parseCellValue(numberCell(3.4, '3', '0'), 'count', at)).toThrow(
      /is not a whole number/,
    );
  });
});
