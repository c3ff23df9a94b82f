import { DEMO_REGISTRY, type Region } from '@efficacy/indicator-model';
import { parentsFirst, systemActor } from './reference-data';

const region = (code: string, parentCode?: string): Region => ({
  code,
  level: 'county',
  nameZh: code,
  nameEn: code,
  ...(parentCode ? { parentCode } : {}),
});

describe('parentsFirst', () => {
  it('puts every parent before its children, whatever the input order', () => {
    const ordered = parentsFirst([
      region('640106100000', '640106'),
      region('640106', '640100'),
      region('640100', '640000'),
      region('640000'),
    ]).map((r) => r.code);
    expect(ordered).toEqual(['640000', '640100', '640106', '640106100000']);
  });

  it('orders the demo registry so that the foreign key holds row by row', () => {
    const seen = new Set<string>();
    for (const r of parentsFirst(DEMO_REGISTRY.regions)) {
      if (r.parentCode) expect(seen.has(r.parentCode)).toBe(true);
      seen.add(r.code);
    }
    expect(seen.size).toBe(DEMO_REGISTRY.regions.length);
  });

  it('names a region whose parent is missing, and a cycle', () => {
    expect(() => parentsFirst([region('640106', '640100')])).toThrow(
      /region 640106 \(640106\) has parent 640100, which is not in the reference data/,
    );
    expect(() => parentsFirst([region('a', 'b'), region('b', 'a')])).toThrow(/its own ancestor/);
  });

  it('accepts parents already stored', () => {
    expect(parentsFirst([region('640106', '640100')], new Set(['640100']))).toHaveLength(1);
  });
});

describe('systemActor', () => {
  it('acts as "system" with no role, region or permission', () => {
    const { principal } = systemActor();
    expect(principal.username).toBe('system');
    expect(principal.roles).toEqual([]);
    expect(principal.regions).toEqual([]);
    expect(principal.permissions.size).toBe(0);
  });
});
