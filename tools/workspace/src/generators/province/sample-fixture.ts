import { createHash } from 'node:crypto';

/**
 * The sample report every generated plugin starts with: a small csv as Excel's "CSV UTF-8"
 * writes it (BOM, CRLF line ends). Its figures exercise what real reports have: a unit
 * whose evaluation system is not connected ("/"), a printed rate per unit, and a 合计 row.
 * The bytes are the same for every province, so the expected output only differs in the
 * adapter id and the region code.
 */
export const SAMPLE_FILE = 'sample-cases.csv';
export const SAMPLE_BAD_FILE = 'sample-cases-bad-number.csv';

type Row = readonly (string | number)[];

const HEADER: Row = [
  '序号',
  '单位/部门',
  '办件量',
  '线上办件数',
  '线下办件数',
  '线下评价数',
  '线下参评率(%)',
];

// 792/800 = 99.00, 95/100 = 95.00, 887/900 = 98.555… printed 98.56.
const SAMPLE_ROWS: readonly Row[] = [
  ['示例：2024年1-6月政务服务各单位办件情况'],
  HEADER,
  [1, '政务服务中心', 1200, 400, 800, 792, '99.00'],
  [2, '示例局', 300, 300, 0, '/', '/'],
  [3, '示例镇便民服务中心', 150, 50, 100, 95, '95.00'],
  ['合计', '', 1650, 750, 900, 887, '98.56'],
];

/** The failure mode shown by the sample: a letter O typed for a zero (row 3, column F). */
const BAD_ROWS: readonly Row[] = SAMPLE_ROWS.map((row, index) =>
  index === 2 ? row.map((cell, column) => (column === 5 ? '79O' : cell)) : row,
);

function encodeCsv(rows: readonly Row[]): Buffer {
  const lines = rows.map((row) =>
    row
      .map((cell) => {
        const text = String(cell);
        if (/[",\r\n]/.test(text)) throw new Error(`sample cell "${text}" would need quoting`);
        return text;
      })
      .join(','),
  );
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
}

export function sampleCsv(): Buffer {
  return encodeCsv(SAMPLE_ROWS);
}

export function sampleBadCsv(): Buffer {
  return encodeCsv(BAD_ROWS);
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** What the conformance harness expects the bad sample to fail with. */
export function sampleBadExpectedError(): { code: string; messageIncludes: string[] } {
  const sheet = SAMPLE_BAD_FILE.replace(/\.csv$/, '');
  return {
    code: 'BAD_NUMBER',
    messageIncludes: [SAMPLE_BAD_FILE, `sheet "${sheet}"`, 'row 3', 'column F'],
  };
}

/** Keeps git from converting line ends or encodings of binary fixtures. */
export const FIXTURE_GITATTRIBUTES =
  '# Fixtures are compared byte for byte (their sha256 is in the expected output).\n*.csv binary\n*.xlsx binary\n';
