import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Workbook } from 'exceljs';
import { AdapterError } from '@efficacy/plugin-sdk';

import { henanAdapter } from './henan.adapter';

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

describe('Henan adapter and a region of another province', () => {
  it('refuses a file whose title names 金凤区 (640106), naming it and the province it reads', async () => {
    const bytes = await retitled(
      'yindu-2023-06-annex1-contactless-immediate.xlsx',
      '殷都区',
      '金凤区',
    );
    const error = await henanAdapter
      .parse({ name: 'upload.xlsx', bytes }, { period: '2023-06' })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(AdapterError);
    expect(error).toMatchObject({ code: 'REGION_OUTSIDE_PROVINCE' });
    expect((error as AdapterError).message).toContain('region 640106 (金凤区) named in');
    expect((error as AdapterError).message).toContain(
      "is not in 河南省 (410000); this adapter reads only 河南省's files",
    );
  });
});
