import { Workbook } from 'exceljs';
import { encode } from 'iconv-lite';
import {
  CASE_EXPORT_HEADINGS,
  caseCsvHeader,
  caseCsvLine,
  generateCases,
} from '@efficacy/case-metrics';
import type { CaseRecord } from '@efficacy/indicator-model';
import { ningxiaAdapter } from '../ningxia.adapter';

async function* chunks(bytes: Uint8Array, size = 4096): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function readAll(name: string, bytes: Uint8Array): Promise<CaseRecord[]> {
  const read = ningxiaAdapter.readCases;
  if (!read) throw new Error('the Ningxia adapter has no case capability');
  const out: CaseRecord[] = [];
  for await (const batch of read({ name, bytes: chunks(bytes) })) out.push(...batch);
  return out;
}

const sample = [...generateCases({ counties: 2, months: 1, seed: 3, casesPerCountyMonth: 300 })];
const csv = caseCsvHeader() + sample.map(caseCsvLine).join('');

describe('Ningxia case export (办件明细)', () => {
  it('streams every record of a UTF-8 CSV export back exactly', async () => {
    expect(await readAll('cases.csv', Buffer.from(csv, 'utf8'))).toEqual(sample);
  });

  it('reads the GB18030 export the platform writes on Windows, split at any byte', async () => {
    const read = ningxiaAdapter.readCases;
    if (!read) throw new Error('no capability');
    const bytes = encode(csv, 'gb18030');
    const out: CaseRecord[] = [];
    // 4095-byte chunks cut multi-byte characters in half
    async function* odd() {
      for (let i = 0; i < bytes.length; i += 4095) yield bytes.subarray(i, i + 4095);
    }
    for await (const batch of read({ name: 'cases.csv', bytes: odd() })) out.push(...batch);
    expect(out).toEqual(sample);
  });

  it('reads the xlsx export with the same columns', async () => {
    const wb = new Workbook();
    const sheet = wb.addWorksheet('办件明细');
    sheet.addRow([...CASE_EXPORT_HEADINGS]);
    for (const line of csv.trim().split('\n').slice(1)) sheet.addRow(line.split(','));
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(await readAll('cases.xlsx', bytes)).toEqual(sample);
  });

  it('names file, row, column and heading for a value it cannot read', async () => {
    const bad = csv.replace(/,窗口办理,/, ',柜台,');
    await expect(readAll('bad.csv', Buffer.from(bad, 'utf8'))).rejects.toThrow(
      /bad\.csv, row \d+, column F \(办理渠道\): "柜台" is not one of/,
    );
  });

  it('names the missing columns of a file that is not a case export', async () => {
    await expect(readAll('other.csv', Buffer.from('序号,单位\n1,审批局\n'))).rejects.toThrow(
      /other\.csv, row 1: the case export lacks column\(s\) 办件编号/,
    );
  });

  it('refuses an impossible date with the row', async () => {
    const bad = csv.replace(
      /\n([^,]+,[^,]+,[^,]+,[^,]+,\d+,[^,]+,)\d{4}-\d{2}-\d{2}/,
      '\n$12022-02-30',
    );
    await expect(readAll('dates.csv', Buffer.from(bad, 'utf8'))).rejects.toThrow(
      /dates\.csv, row 2: received "2022-02-30" is not a calendar date/,
    );
  });
});
