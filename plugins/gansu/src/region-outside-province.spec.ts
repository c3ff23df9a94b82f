import { join } from 'node:path';

import { retitledWorkbook } from '@efficacy/plugin-sdk/testing';
import { AdapterError } from '@efficacy/plugin-sdk';

import { gansuAdapter } from './gansu.adapter';

/** The ok fixture with a place of another province in its title rows, as its office would print it. */
const retitled = (fixture: string, from: string, to: string): Promise<Uint8Array> =>
  retitledWorkbook(join(__dirname, '..', 'test-fixtures', 'ok', fixture), from, to);

describe('Gansu adapter and a region of another province', () => {
  it('refuses a file whose title names 安阳县 (410522), naming it and the province it reads', async () => {
    const bytes = await retitled(
      'jiayuguan-2022-01to09-indicator-values.xlsx',
      '嘉峪关市',
      '安阳县',
    );
    const error = await gansuAdapter.parse({ name: 'upload.xlsx', bytes }, {}).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AdapterError);
    expect(error).toMatchObject({ code: 'REGION_OUTSIDE_PROVINCE' });
    expect((error as AdapterError).message).toContain('region 410522 (安阳县) named in');
    expect((error as AdapterError).message).toContain(
      "is not in 甘肃省 (620000); this adapter reads only 甘肃省's files",
    );
  });
});
