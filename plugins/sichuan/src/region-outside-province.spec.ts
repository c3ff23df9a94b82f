import { join } from 'node:path';

import { retitledWorkbook } from '@efficacy/plugin-sdk/testing';
import { AdapterError } from '@efficacy/plugin-sdk';

import { sichuanAdapter } from './sichuan.adapter';

/** The ok fixture with a place of another province in its title rows, as its office would print it. */
const retitled = (fixture: string, from: string, to: string): Promise<Uint8Array> =>
  retitledWorkbook(join(__dirname, '..', 'test-fixtures', 'ok', fixture), from, to);

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
