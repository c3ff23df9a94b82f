import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { ValueState } from '@efficacy/plugin-sdk';

import { sichuanAdapter } from './sichuan.adapter';

// A county the adapter was not written for: 广元市利州区 (510802), June 2020, which publishes
// only its own 合计 of the 好差评 system (five-level scale), from the text as printed.

const FILE = 'lizhou-2020-06-evaluations.xlsx';
const bytes = new Uint8Array(readFileSync(join(__dirname, '..', 'test-fixtures', 'ok', FILE)));

function numberOf(value: ValueState | undefined): number | undefined {
  return value?.status === 'number' ? value.value : undefined;
}

describe('利州区 好差评, June 2020', () => {
  it('is detected as a five-level 好差评 summary and read as the district’s own figures', async () => {
    const detected = await sichuanAdapter.detect({ name: FILE, bytes });
    expect(detected.reportKind).toBe('evaluation-summary');
    const batch = await sichuanAdapter.parse({ name: FILE, bytes }, { regionCode: '510802' });
    expect(batch.period).toBe('2020-06');
    expect(batch.regionCode).toBe('510802');
    // A 合计-only table: no unit rows, one total row covering none.
    expect(batch.measures).toEqual([]);
    expect(batch.totals).toHaveLength(1);
    const total = batch.totals[0];
    const value = (code: string) => total?.values.find((v) => v.code === code)?.value;
    expect(numberOf(value('evaluations'))).toBe(8199);
    expect(numberOf(value('evaluations.very_satisfied'))).toBe(1406);
    expect(numberOf(value('evaluations.basically_satisfied'))).toBe(6793);
    // 满意 is not stated (1406 + 6793 = 8199 suggests 0, but nothing is estimated).
    expect(value('evaluations.satisfied')).toEqual({ status: 'missing', raw: '' });
    expect(value('satisfaction')).toMatchObject({ value: 100, decimals: 0, raw: '100%' });
    expect(value('active_evaluation_rate')).toMatchObject({ value: 39, decimals: 0, raw: '39%' });
  });
});
