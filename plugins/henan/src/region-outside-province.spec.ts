import { join } from 'node:path';

import { retitledWorkbook } from '@efficacy/plugin-sdk/testing';
import { AdapterError } from '@efficacy/plugin-sdk';

import { henanAdapter } from './henan.adapter';

/** The ok fixture with a place of another province in its title rows, as its office would print it. */
const retitled = (fixture: string, from: string, to: string): Promise<Uint8Array> =>
  retitledWorkbook(join(__dirname, '..', 'test-fixtures', 'ok', fixture), from, to);

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
