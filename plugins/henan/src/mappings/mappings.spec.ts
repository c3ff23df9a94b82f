import { INDICATOR_DEFINITIONS, isMeasureCode } from '@efficacy/indicator-model';

import { ANNEX_KINDS } from './annexes';
import { HENAN_REGIONS } from './regions';

describe('henan mappings', () => {
  const columns = ANNEX_KINDS.flatMap((annex) =>
    Object.entries(annex.table.columns).map(([key, column]) => ({
      table: annex.table.name,
      key,
      column,
    })),
  );

  it('map every value column to a measure or an indicator, and only prose to text', () => {
    for (const { table, key, column } of columns) {
      const mapped = column.measure !== undefined || column.indicator !== undefined;
      expect({ table, key, mapped }).toEqual({ table, key, mapped: column.kind !== 'text' });
    }
  });

  it('use only measure codes of @efficacy/indicator-model', () => {
    const unknown = columns
      .map(({ column }) => column.measure)
      .filter((code): code is string => code !== undefined && !isMeasureCode(code));
    expect(unknown).toEqual([]);
  });

  it('use only indicator codes of @efficacy/indicator-model', () => {
    const known = new Set(INDICATOR_DEFINITIONS.map((definition) => definition.code));
    const unknown = columns
      .map(({ column }) => column.indicator)
      .filter((code): code is string => code !== undefined && !known.has(code));
    expect(unknown).toEqual([]);
  });

  it('give each annex its own table name and report kind', () => {
    expect(new Set(ANNEX_KINDS.map((a) => a.table.name)).size).toBe(ANNEX_KINDS.length);
    expect(new Set(ANNEX_KINDS.map((a) => a.reportKind)).size).toBe(ANNEX_KINDS.length);
    expect(ANNEX_KINDS.flatMap((a) => (a.annex === undefined ? [] : [a.annex]))).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8,
    ]);
    // Tables of other bulletins carry where their layout was verified instead of an annex number.
    for (const kind of ANNEX_KINDS.filter((a) => a.annex === undefined)) {
      expect({ kind: kind.reportKind, coverage: (kind.coverage ?? []).length > 0 }).toEqual({
        kind: kind.reportKind,
        coverage: true,
      });
    }
  });

  it('list Henan regions only, each under a listed parent, 唐河县 as well as 殷都区', () => {
    const regions = HENAN_REGIONS.list();
    const codes = new Set(regions.map((r) => r.code));
    for (const region of regions) {
      expect(region.code.startsWith('41')).toBe(true);
      if (region.parentCode !== undefined) expect(codes.has(region.parentCode)).toBe(true);
    }
    expect(HENAN_REGIONS.named('殷都区')).toMatchObject({ region: { code: '410505' } });
    expect(HENAN_REGIONS.named('唐河县')).toMatchObject({ region: { code: '411328' } });
  });
});
