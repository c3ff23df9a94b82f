import { numberCell } from './cell';
import { regionSubject, unitSubject, type MeasureObservation } from './observation';
import { resolveOwnMeasure } from './resolve';
import { createMeasureStore } from './store';
import { seedStore } from '../../test-support/seed-context';

const unit = unitSubject('640106:spj');
const figure = (
  measure: MeasureObservation['measure'],
  period: string,
  value: number,
): MeasureObservation => ({
  subject: unit,
  period,
  measure,
  value: numberCell(value),
});

const store = createMeasureStore([
  {
    importId: 'constructed',
    reported: [],
    observations: [
      figure('cases', '2022-07', 10),
      figure('cases', '2022-08', 20),
      figure('cases', '2022-09', 30),
      figure('items', '2022-07', 100),
      figure('items', '2022-09', 120),
      figure('cases.finished_late', '2022-08', 4),
      figure('cases.unfinished_late', '2022-08', 1),
      figure('items.with_cases', '2022-07', 5),
      figure('items.with_cases', '2022-08', 6),
      figure('items.with_cases', '2022-09', 7),
    ],
  },
]);

describe('finding a unit’s own figure', () => {
  it('sums a flow over the months of a quarter', () => {
    expect(resolveOwnMeasure(store, unit, 'cases', '2022-Q3', ['row'])).toMatchObject({
      path: 'months',
      value: { value: 60 },
    });
  });

  it('reads a stock at the end of the period', () => {
    expect(resolveOwnMeasure(store, unit, 'items', '2022-Q3', ['row'])).toMatchObject({
      path: 'period-end',
      value: { value: 120 },
    });
  });

  it('never adds up a per-period count such as items with cases across months', () => {
    expect(resolveOwnMeasure(store, unit, 'items.with_cases', '2022-Q3', ['row'])).toMatchObject({
      path: 'none',
      value: { status: 'missing' },
    });
  });

  it('builds a whole from its printed parts (超期件 = 超期办结 + 超期未办)', () => {
    expect(resolveOwnMeasure(store, unit, 'cases.overdue', '2022-08', ['row'])).toMatchObject({
      path: 'parts',
      value: { value: 5 },
    });
  });

  it('adds up a unit’s records across licence types (Yindu 自然资源局 signed 2+7+6+7+3+6)', () => {
    const signed = resolveOwnMeasure(
      seedStore,
      unitSubject('410505:zrzyj'),
      'elicence.signed',
      '2023-06',
      ['row'],
    );
    expect(signed).toMatchObject({ path: 'dimensions', value: { value: 31 } });
    expect(signed.sources).toHaveLength(6);
  });

  it('finds a stored figure under another notation for the same months', () => {
    expect(
      resolveOwnMeasure(seedStore, regionSubject('640181'), 'cases', '2022-01..2022-06', ['total'])
        .value,
    ).toEqual(numberCell(349000));
  });
});
