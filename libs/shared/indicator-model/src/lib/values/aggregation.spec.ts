import { getIndicator } from '../indicators/registry';
import { hierarchyAsOf, type Registry } from '../regions/hierarchy';
import { NOT_CONNECTED, numberCell, type CellValue } from './cell';
import { computeIndicatorValue } from './derive';
import { regionSubject, unitSubject, type MeasureObservation } from './observation';
import { createMeasureStore } from './store';

const registry: Registry = {
  regions: [
    { code: '640100', level: 'city', nameZh: '银川市', nameEn: 'Yinchuan' },
    { code: '640106', level: 'county', nameZh: '金凤区', nameEn: 'Jinfeng', parentCode: '640100' },
    { code: '640181', level: 'county', nameZh: '灵武市', nameEn: 'Lingwu', parentCode: '640100' },
  ],
  units: [
    { id: '640106:a', kind: 'department', nameZh: '甲局', regionCode: '640106', aliases: [] },
    { id: '640106:b', kind: 'department', nameZh: '乙局', regionCode: '640106', aliases: [] },
    { id: '640106:c', kind: 'department', nameZh: '丙局', regionCode: '640106', aliases: [] },
    { id: '640181:d', kind: 'department', nameZh: '丁局', regionCode: '640181', aliases: [] },
  ],
};

const PERIOD = '2022-08';

function offline(unit: string, evaluated: CellValue, cases: number): MeasureObservation[] {
  return [
    {
      subject: unitSubject(unit),
      period: PERIOD,
      measure: 'cases.offline.evaluated',
      value: evaluated,
    },
    {
      subject: unitSubject(unit),
      period: PERIOD,
      measure: 'cases.offline',
      value: numberCell(cases),
    },
  ];
}

const store = createMeasureStore([
  {
    importId: 'constructed',
    reported: [],
    observations: [
      ...offline('640106:a', numberCell(1), 1), // 100%
      ...offline('640106:b', numberCell(10), 100), // 10%
      ...offline('640106:c', NOT_CONNECTED, 50), // "/": evaluation system not connected
      ...offline('640181:d', numberCell(990), 1000), // 99%
    ],
  },
]);
const hierarchy = hierarchyAsOf(registry, '2022-08-31');
const rate = getIndicator('offline_evaluation_rate', '2022-08-31');
const valueAt = (subject: ReturnType<typeof regionSubject>) =>
  computeIndicatorValue(store, hierarchy, rate, subject, PERIOD);

describe('aggregation sums counts up the hierarchy, then divides', () => {
  it('gives a county the rate of its summed counts, not the average of its units’ rates', () => {
    const county = valueAt(regionSubject('640106'));
    // Average of 100% and 10% would be 55%; the counts say 11 of 101 offline cases.
    expect(county.value).toBe(10.89);
    expect(county.derived).toMatchObject({ numerator: 11, denominator: 101 });
  });

  it('leaves a "/" unit out of both numerator and denominator instead of counting it as zero', () => {
    const county = valueAt(regionSubject('640106'));
    expect(county.derived?.bundle.excluded.map((e) => [e.subject, e.status])).toEqual([
      [unitSubject('640106:c'), 'not_connected'],
    ]);
    // Counting "/" as 0 evaluated would have given 11/151 = 7.28%.
    expect(county.value).not.toBe(7.28);
    expect(valueAt(unitSubject('640106:c')).status).toBe('not_connected');
  });

  it('gives the city the rate of all its counties’ counts, not the average of the county rates', () => {
    const city = valueAt(regionSubject('640100'));
    // Counties: 10.89% and 99% (average 54.95%); counts: 1001 of 1101.
    expect(city.derived).toMatchObject({ numerator: 1001, denominator: 1101, value: 90.92 });
  });
});
