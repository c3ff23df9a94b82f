import { getIndicator } from '../indicators/registry';
import { numberCell } from '../values/cell';
import { computeIndicatorValue } from '../values/derive';
import { regionSubject, unitSubject, type MeasureObservation } from '../values/observation';
import { createMeasureStore } from '../values/store';
import type { Unit } from '../units/unit';
import { hierarchyAsOf, predecessorsOf, type Registry } from './hierarchy';
import type { Region } from './region';

const regions: Region[] = [
  { code: '640100', level: 'city', nameZh: '银川市', nameEn: 'Yinchuan' },
  { code: '640106', level: 'county', nameZh: '金凤区', nameEn: 'Jinfeng', parentCode: '640100' },
  { code: '640181', level: 'county', nameZh: '灵武市', nameEn: 'Lingwu', parentCode: '640100' },
  {
    code: '640106100000',
    level: 'township',
    nameZh: '良田镇',
    nameEn: 'Liangtian',
    parentCode: '640106',
    generatedCode: true,
  },
];

function dept(id: string, nameZh: string, regionCode: string, extra: Partial<Unit> = {}): Unit {
  return { id, kind: 'department', nameZh, regionCode, aliases: [], ...extra };
}

/**
 * A made-up reorganisation: on 2022-07-01 Jinfeng merges its 人社局 and 医保局 into one
 * bureau, splits its 城管局 in two, and the town of 良田镇 moves under Lingwu.
 */
const registry: Registry = {
  regions,
  regionLinks: [
    {
      childCode: '640106100000',
      parentCode: '640106',
      validFrom: '2000-01-01',
      validTo: '2022-07-01',
    },
    { childCode: '640106100000', parentCode: '640181', validFrom: '2022-07-01' },
  ],
  units: [
    dept('640106:rsj', '金凤区人社局', '640106', { validTo: '2022-07-01' }),
    dept('640106:ybj', '金凤区医保局', '640106', { validTo: '2022-07-01' }),
    dept('640106:rsyb', '金凤区人社医保局', '640106', { validFrom: '2022-07-01' }),
    dept('640106:cgj', '金凤区城管局', '640106', { validTo: '2022-07-01' }),
    dept('640106:cgj-a', '金凤区城管一局', '640106', { validFrom: '2022-07-01' }),
    dept('640106:cgj-b', '金凤区城管二局', '640106', { validFrom: '2022-07-01' }),
    dept('640106:lt-zx', '良田镇民生服务中心', '640106100000'),
  ],
  successions: [
    { kind: 'merge', date: '2022-07-01', from: ['640106:rsj', '640106:ybj'], to: ['640106:rsyb'] },
    {
      kind: 'split',
      date: '2022-07-01',
      from: ['640106:cgj'],
      to: ['640106:cgj-a', '640106:cgj-b'],
    },
  ],
};

function cases(unit: string, period: string, value: number): MeasureObservation {
  return { subject: unitSubject(unit), period, measure: 'cases', value: numberCell(value) };
}

describe('hierarchy as of a date', () => {
  it('shows the units and parents in force on that date', () => {
    const before = hierarchyAsOf(registry, '2022-06-30');
    const after = hierarchyAsOf(registry, '2022-07-01');
    expect(before.unitsOf('640106').map((u) => u.id)).toEqual([
      '640106:rsj',
      '640106:ybj',
      '640106:cgj',
    ]);
    expect(after.unitsOf('640106').map((u) => u.id)).toEqual([
      '640106:rsyb',
      '640106:cgj-a',
      '640106:cgj-b',
    ]);
    expect(before.parentOf('640106100000')).toBe('640106');
    expect(after.parentOf('640106100000')).toBe('640181');
    expect(after.ancestorsOf('640106100000')).toEqual(['640181', '640100']);
    expect(after.isWithin('640106100000', '640106')).toBe(false);
  });

  it('keeps merged units’ figures with the unit they were recorded for, and lets the successor carry them', () => {
    const after = hierarchyAsOf(registry, '2022-12-31');
    expect(after.absorbedUnits('640106:rsyb').map((u) => u.id)).toEqual([
      '640106:rsj',
      '640106:ybj',
    ]);
    expect(predecessorsOf(registry, '640106:rsyb')).toEqual(['640106:rsj', '640106:ybj']);
    // A split predecessor cannot be divided; it stays in its region's totals as a retired unit.
    expect(after.retiredUnitsOf('640106').map((u) => u.id)).toEqual(['640106:cgj']);
  });

  it('aggregates with the hierarchy the as-of date picks: a town’s cases follow it to its new county', () => {
    const store = createMeasureStore([
      {
        importId: 'reorganisation',
        reported: [],
        observations: [
          cases('640106:rsj', '2022-06', 10),
          cases('640106:ybj', '2022-06', 5),
          cases('640106:rsyb', '2022-07', 20),
          cases('640106:cgj', '2022-06', 7),
          cases('640106:cgj-a', '2022-07', 3),
          cases('640106:lt-zx', '2022-06', 100),
          cases('640106:lt-zx', '2022-07', 100),
        ],
      },
    ]);
    const definition = getIndicator('overdue_unfinished_count', '2022-06-30');
    const casesIndicator = {
      ...definition,
      formula: { kind: 'sum' as const, terms: [{ measure: 'cases' as const }] },
    };
    const count = (asOf: string, subject: ReturnType<typeof regionSubject>, period: string) =>
      computeIndicatorValue(store, hierarchyAsOf(registry, asOf), casesIndicator, subject, period)
        .value;

    // June under June's map: Jinfeng had the old bureaus and 良田镇.
    expect(count('2022-06-30', regionSubject('640106'), '2022-06')).toBe(10 + 5 + 7 + 100);
    // The same June figures under December's map: merged bureaus count through their successor,
    // the split bureau as a retired unit, and 良田镇 now counts for Lingwu.
    expect(count('2022-12-31', regionSubject('640106'), '2022-06')).toBe(10 + 5 + 7);
    expect(count('2022-12-31', regionSubject('640181'), '2022-06')).toBe(100);
    expect(count('2022-12-31', unitSubject('640106:rsyb'), '2022-06')).toBe(15);
    // The figures recorded for the old bureaus are untouched.
    expect(count('2022-12-31', unitSubject('640106:rsj'), '2022-06')).toBe(10);
    expect(count('2022-12-31', regionSubject('640106'), '2022-07')).toBe(20 + 3);
  });

  it('refuses an "as of" that is not an ISO date', () => {
    expect(() => hierarchyAsOf(registry, '2022/07/01')).toThrow('"as of" must be an ISO date');
  });
});
