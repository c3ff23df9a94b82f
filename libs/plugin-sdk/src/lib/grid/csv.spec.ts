import { encode } from 'iconv-lite';

import { resolveLimits } from '../contract/adapter';
import { buildCsv } from '../testing/workbook-builder';
import { decodeText, detectDelimiter, readCsv } from './csv';
import { textAt } from './grid';
import { readGrid } from './read-grid';

const limits = resolveLimits();
const rows = [
  ['金凤区2022年1-8月政务服务系统各单位“好差评”情况'],
  ['序号', '单位/部门', '办件量', '线下参评率 (%)'],
  ['1', '审批局', '5867', '98.87'],
  ['2', '国家税务总局银川市金凤区税务局', '6196', '/'],
  ['合计', '', '47903', '98.95'],
];

describe('decodeText', () => {
  it('reads GBK without a BOM (the usual Excel "CSV" from a Chinese Windows)', () => {
    const bytes = buildCsv(rows, { encoding: 'gbk' });
    expect(decodeText(bytes, 'a.csv')).toMatchObject({ encoding: 'gb18030', bom: false });
    expect(decodeText(bytes, 'a.csv').text).toContain('国家税务总局银川市金凤区税务局');
  });

  it('reads GB18030 characters outside GBK', () => {
    // 𠀀 (U+20000) only exists in GB18030's four-byte range.
    const bytes = new Uint8Array(encode('单位,𠀀镇\r\n', 'gb18030'));
    expect(decodeText(bytes, 'a.csv').text).toBe('单位,𠀀镇\r\n');
  });

  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeText(buildCsv(rows, { bom: true }), 'a.csv')).toMatchObject({
      encoding: 'utf-8',
      bom: true,
    });
    const plain = decodeText(buildCsv(rows), 'a.csv');
    expect(plain).toMatchObject({ encoding: 'utf-8', bom: false });
    expect(plain.text.startsWith('金凤区')).toBe(true);
  });

  it('reads UTF-16LE with a BOM', () => {
    const decoded = decodeText(buildCsv(rows, { encoding: 'utf-16le', bom: true }), 'a.csv');
    expect(decoded).toMatchObject({ encoding: 'utf-16le', bom: true });
    expect(decoded.text).toContain('审批局');
  });

  it('gives up with ENCODING_UNDETECTED instead of returning mojibake', () => {
    const bytes = new Uint8Array([0x01, 0x02, 0x81, 0x03, 0x04, 0xff, 0x05]);
    expect(() => decodeText(bytes, 'junk.csv')).toThrow(
      expect.objectContaining({ code: 'ENCODING_UNDETECTED' }),
    );
  });
});

describe('detectDelimiter', () => {
  it.each([
    [',', 'a,b,c\n1,2,3\n4,5,6'],
    ['\t', 'a\tb\tc\n1\t2\t3\n4\t5,5\t6'],
    [';', 'a;b;c\n1;2,5;3\n4;5;6'],
  ])('finds %j', (delimiter, text) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });

  it('ignores delimiters inside quotes and a title line without delimiters', () => {
    expect(detectDelimiter('title\n"a;b",c\n"1;2",3\n"x;y",z')).toBe(',');
  });
});

describe('readCsv', () => {
  it('reads a GBK csv into one sheet named after the file, with record numbers as rows', () => {
    const grid = readCsv(buildCsv(rows, { encoding: 'gbk' }), '金凤区-好差评.csv', limits);
    expect(grid).toMatchObject({ fileType: 'csv', encoding: 'gb18030', delimiter: ',' });
    const sheet = grid.sheets[0];
    if (!sheet) throw new Error('no sheet');
    expect(sheet.name).toBe('金凤区-好差评');
    expect([sheet.rowCount, sheet.columnCount]).toEqual([5, 4]);
    expect(textAt(sheet, 4, 4)).toBe('/');
    expect(textAt(sheet, 5, 1)).toBe('合计');
  });

  it('keeps empty lines so row numbers match what a spreadsheet shows', () => {
    const sheet = readCsv(new TextEncoder().encode('a,b\n\n1,2\n'), 'e.csv', limits).sheets[0];
    expect(sheet && textAt(sheet, 3, 2)).toBe('2');
  });

  it('keeps a line break inside a quoted cell', () => {
    const sheet = readCsv(buildCsv([['不见面审批\n事项占比', 'x']]), 'q.csv', limits).sheets[0];
    expect(sheet && textAt(sheet, 1, 1)).toBe('不见面审批\n事项占比');
  });

  it('names the record and field of an unclosed quote', () => {
    const bytes = new TextEncoder().encode('a,b\n1,2\n3,"x\n4,5\n');
    expect(() => readCsv(bytes, 'q.csv', limits)).toThrow(
      expect.objectContaining({
        code: 'CORRUPT_FILE',
        location: { file: 'q.csv', sheet: 'q', row: 3, column: 'B', columnIndex: 2 },
      }),
    );
  });

  it('refuses too many rows', () => {
    expect(() => readCsv(buildCsv(rows), 'r.csv', { ...limits, maxRows: 3 })).toThrow(
      'r.csv, sheet "r": 5 rows, more than the limit of 3',
    );
  });
});

describe('readGrid', () => {
  it('sniffs by content before name and refuses what it cannot read', async () => {
    await expect(
      readGrid({ name: 'a.csv', bytes: new Uint8Array(21 * 1024 * 1024) }),
    ).rejects.toMatchObject({
      code: 'FILE_TOO_LARGE',
    });
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await expect(readGrid({ name: 'old.xlsx', bytes: ole })).rejects.toMatchObject({
      code: 'UNSUPPORTED_FILE_TYPE',
      message: expect.stringContaining('legacy Excel 97-2003 (.xls)'),
    });
    await expect(
      readGrid({ name: 'random.xlsx', bytes: new Uint8Array([7, 7, 7, 7]) }),
    ).rejects.toMatchObject({
      code: 'CORRUPT_FILE',
      message:
        'random.xlsx: the file is named like an Excel workbook but is not one (its content is not a zip archive)',
    });
    await expect(readGrid({ name: 'a.pdf', bytes: new Uint8Array([1, 2]) })).rejects.toMatchObject({
      code: 'UNSUPPORTED_FILE_TYPE',
    });
    await expect(
      readGrid({ name: 'a.csv', bytes: buildCsv(rows) }, { accept: ['xlsx'] }),
    ).rejects.toMatchObject({
      code: 'UNSUPPORTED_FILE_TYPE',
      message: 'a.csv: the file type csv is not supported here (expected xlsx)',
    });
  });

  it('reads a csv', async () => {
    const grid = await readGrid({ name: 'a.csv', bytes: buildCsv(rows, { encoding: 'gb18030' }) });
    expect(grid.sheets[0]?.rowCount).toBe(5);
  });
});
