import { AdapterError } from '../contract/errors';
import { resolveLimits } from '../contract/adapter';
import { buildXlsx } from '../testing/workbook-builder';
import {
  cellAt,
  columnIndex,
  columnLetter,
  effectiveText,
  parseRange,
  requireSheet,
  textAt,
} from './grid';
import { readXlsx } from './xlsx';

const limits = resolveLimits();

describe('readXlsx', () => {
  it('reads a two-row merged header and expands merges to the master text', async () => {
    const bytes = await buildXlsx([
      {
        name: '附件5',
        rows: [
          ['序号', '区划/部门', '子项数', null, null],
          [null, null, '行政检查', null, '子项覆盖率'],
          [null, null, '个数', '覆盖数', null],
          [1, '区商务局', 2, 2, '100.00%'],
        ],
        merges: ['A1:A3', 'B1:B3', 'C1:D1', 'C2:D2', 'E2:E3'],
      },
    ]);
    const grid = await readXlsx(bytes, 'a5.xlsx', limits);
    const sheet = grid.sheets[0];
    if (!sheet) throw new Error('no sheet');
    expect(sheet.name).toBe('附件5');
    expect([sheet.rowCount, sheet.columnCount]).toEqual([4, 5]);
    expect(sheet.merges.map((m) => m.range)).toEqual(['A1:A3', 'B1:B3', 'C1:D1', 'C2:D2', 'E2:E3']);
    // The covered cell owns no text but shows the master's text to header logic.
    expect(cellAt(sheet, 1, 4).text).toBe('');
    expect(cellAt(sheet, 1, 4).merge).toMatchObject({
      range: 'C1:D1',
      isMaster: false,
      masterText: '子项数',
    });
    expect(textAt(sheet, 1, 4)).toBe('子项数');
    expect(textAt(sheet, 3, 1)).toBe('序号');
    expect(effectiveText(cellAt(sheet, 3, 5))).toBe('子项覆盖率');
    expect(cellAt(sheet, 4, 3)).toEqual({
      row: 4,
      column: 3,
      type: 'number',
      text: '2',
      number: 2,
    });
  });

  it('reads formula cells as their cached results and never evaluates them', async () => {
    const bytes = await buildXlsx([
      {
        name: 'S',
        rows: [
          [
            1,
            2,
            { formula: 'A1+B1', result: 999 },
            { formula: 'A1/B1', result: 0.5, numFmt: '0.00%' },
            { formula: 'A1*2' },
          ],
        ],
      },
    ]);
    const sheet = (await readXlsx(bytes, 'f.xlsx', limits)).sheets[0];
    if (!sheet) throw new Error('no sheet');
    // 999 is deliberately "wrong": the cached value is what the author's program printed.
    expect(cellAt(sheet, 1, 3)).toMatchObject({
      type: 'number',
      number: 999,
      text: '999',
      formula: 'A1+B1',
    });
    expect(cellAt(sheet, 1, 4)).toMatchObject({
      type: 'number',
      number: 0.5,
      text: '50.00%',
      numFmt: '0.00%',
    });
    expect(cellAt(sheet, 1, 5)).toMatchObject({ type: 'empty', text: '', formula: 'A1*2' });
  });

  it('prints numbers with their number format', async () => {
    const bytes = await buildXlsx([
      {
        name: 'S',
        rows: [
          [
            { value: 0.9887, numFmt: '0.00%' },
            { value: 1, numFmt: '0%' },
            { value: 12009, numFmt: '#,##0' },
            { value: 98.875, numFmt: '0.00' },
            0.1 + 0.2,
            '１２３４',
          ],
        ],
      },
    ]);
    const sheet = (await readXlsx(bytes, 'n.xlsx', limits)).sheets[0];
    if (!sheet) throw new Error('no sheet');
    expect(sheet.rows[0]?.cells.map((cell) => cell.text)).toEqual([
      '98.87%',
      '100%',
      '12,009',
      '98.88',
      '0.3',
      '１２３４',
    ]);
  });

  it('reads rich text, hyperlinks, dates, booleans and error values as printed text', async () => {
    const bytes = await buildXlsx([
      {
        name: 'S',
        rows: [
          [
            { richText: ['金凤区', '审批局'] },
            { text: '甘肃政务服务网', hyperlink: 'https://zwfw.gansu.gov.cn/' },
            new Date(Date.UTC(2022, 9, 25)),
            true,
            { formula: '1/0', result: '#DIV/0!' },
          ],
        ],
      },
    ]);
    const sheet = (await readXlsx(bytes, 'r.xlsx', limits)).sheets[0];
    expect(sheet?.rows[0]?.cells.map((c) => [c.type, c.text])).toEqual([
      ['string', '金凤区审批局'],
      ['string', '甘肃政务服务网'],
      ['date', '2022-10-25'],
      ['boolean', 'TRUE'],
      ['string', '#DIV/0!'],
    ]);
  });

  it('keeps hidden sheets and rows visible to adapters, flagged', async () => {
    const bytes = await buildXlsx([
      { name: 'data', rows: [['a'], ['b']], hiddenRows: [2] },
      { name: 'helper', rows: [['x']], state: 'hidden' },
    ]);
    const grid = await readXlsx(bytes, 'h.xlsx', limits);
    expect(grid.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['data', false],
      ['helper', true],
    ]);
    expect(grid.sheets[0]?.rows.map((r) => r.hidden)).toEqual([false, true]);
    expect(requireSheet(grid, 'helper').name).toBe('helper');
    expect(() => requireSheet(grid, '附件2')).toThrow(
      'h.xlsx: no sheet "附件2" (sheets: "data", "helper")',
    );
  });

  it('refuses sheets over the row and column limits', async () => {
    const bytes = await buildXlsx([{ name: 'big', rows: [['a'], ['b'], ['c']] }]);
    await expect(readXlsx(bytes, 'big.xlsx', { ...limits, maxRows: 2 })).rejects.toMatchObject({
      code: 'TOO_MANY_ROWS',
      message: 'big.xlsx, sheet "big": 3 rows, more than the limit of 2',
    });
    const wide = await buildXlsx([{ name: 'wide', rows: [['a', 'b', 'c']] }]);
    await expect(readXlsx(wide, 'wide.xlsx', { ...limits, maxColumns: 2 })).rejects.toMatchObject({
      code: 'TOO_MANY_COLUMNS',
    });
  });

  it('reports a zip that is not a workbook as CORRUPT_FILE or UNSUPPORTED_FILE_TYPE', async () => {
    const valid = await buildXlsx([{ name: 'S', rows: [['a']] }]);
    const truncated = valid.subarray(0, Math.floor(valid.byteLength / 2));
    await expect(readXlsx(truncated, 't.xlsx', limits)).rejects.toBeInstanceOf(AdapterError);
    await expect(readXlsx(truncated, 't.xlsx', limits)).rejects.toMatchObject({
      code: 'CORRUPT_FILE',
    });
  });

  it('builds byte-identical workbooks for identical input (stable fixture hashes)', async () => {
    const input = [{ name: 'S', rows: [['a', 1]] }];
    expect(Buffer.from(await buildXlsx(input)).equals(Buffer.from(await buildXlsx(input)))).toBe(
      true,
    );
  });
});

describe('grid addressing', () => {
  it('converts between column letters and indexes', () => {
    expect([1, 5, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'E', 'Z', 'AA', 'AZ', 'AAA']);
    expect(['A', 'e', 'Z', 'AA', 'AAA'].map(columnIndex)).toEqual([1, 5, 26, 27, 703]);
    expect(parseRange('$B$3:A1')).toEqual({ top: 1, left: 1, bottom: 3, right: 2 });
    expect(() => columnLetter(0)).toThrow(RangeError);
  });
});
