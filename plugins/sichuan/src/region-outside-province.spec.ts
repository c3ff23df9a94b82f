import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Workbook } from 'exceljs';
import { AdapterError } from '@efficacy/plugin-sdk';

import { sichuanAdapter } from './sichuan.adapter';

/** The ok fixture with a place of another province in its title rows, as its office would print it. */
async function retitled(fixture: string, from: string, to: string): Promise<Uint8Array> {
  const workbook = new Workbook();
  const file = readFileSync(join(__dirname, '..', 'test-fixtures', 'ok', fixture));
  await workbook.xlsx.load(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength));
  for (const sheet of workbook.worksheets) {
    for (let row = 1; row <= 3; row += 1) {
      sheet.getRow(row).eachCell((cell) => {
        if (typeof cell.value === 'string') cell.value = cell.value.split(from).join(to);
      });
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('Sichuan adapter and a region of another province', () => {
  it('refuses a file whose title names 利通区 (640302), naming it and the province it reads', async () => {
    const bytes = await retitled('xiqu-2022-09-annex2-hall-windows.xlsx', '西区', '利通区');
    const error = await sichuanAdapter.parse({ name: 'upload.xlsx', bytes }, { year: 2022 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AdapterError);
    expect(error).toMatchObject({ code: 'REGION_OUTSIDE_PROVINCE' });
    expect((error as AdapterError).message).toContain('region 640302 (利通区) named in');
    expect((error as AdapterError).message).toContain(
      "is not in 四川省 (510000); this adapter reads only 四川省's files",
    );
  });
});
