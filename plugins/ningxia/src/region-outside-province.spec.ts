import { join } from 'node:path';

import { retitledWorkbook } from '@efficacy/plugin-sdk/testing';
import { AdapterError } from '@efficacy/plugin-sdk';

import { ningxiaAdapter } from './ningxia.adapter';

/** The ok fixture with a place of another province in its title rows, as its office would print it. */
const retitled = (fixture: string, from: string, to: string): Promise<Uint8Array> =>
  retitledWorkbook(join(__dirname, '..', 'test-fixtures', 'ok', fixture), from, to);

describe('Ningxia adapter and a region of another province', () => {
  it('refuses a file whose title names 唐河县 (411328), naming it and the province it reads', async () => {
    const bytes = await retitled('jinfeng-2022-01to08-annex2-haochaping.xlsx', '金凤区', '唐河县');
    const error = await ningxiaAdapter.parse({ name: 'upload.xlsx', bytes }, {}).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AdapterError);
    expect(error).toMatchObject({ code: 'REGION_OUTSIDE_PROVINCE' });
    expect((error as AdapterError).message).toContain('region 411328 (唐河县) named in');
    expect((error as AdapterError).message).toContain(
      "is not in 宁夏回族自治区 (640000); this adapter reads only 宁夏回族自治区's files",
    );
  });
});
