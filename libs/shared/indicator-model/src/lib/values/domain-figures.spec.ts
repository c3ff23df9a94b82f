import fc from 'fast-check';
import { hierarchyAsOf } from '../regions/hierarchy';
import { DEMO_REGISTRY } from '../demo';
import { getIndicator } from '../indicators/registry';
import { numberCell } from './cell';
import { computeIndicatorValue } from './derive';
import { regionSubject, type MeasureObservation } from './observation';
import { createMeasureStore } from './store';
import { seedStore, valueOf } from '../../test-support/seed-context';

const JINFENG_1_8 = '2022-01..2022-08';

/** Each seed figure of DOMAIN.md's indicator table, recomputed from the seed counts. */
describe('the seed figures of the indicator table', () => {
  it('item coverage: Jinfeng 472/1681 = 28.08%', () => {
    const value = valueOf('item_coverage', '640106', JINFENG_1_8);
    expect(value.derived).toMatchObject({
      status: 'number',
      value: 28.08,
      numerator: 472,
      denominator: 1681,
    });
    expect(value.derived?.bundle.basis).toBe('region-total');
    expect(value.discrepancy).toBeUndefined();
  });

  it('offline evaluation rate: Jinfeng 12009/12136 = 98.95%, 审批局 5769/5835 = 98.87%', () => {
    expect(valueOf('offline_evaluation_rate', '640106', JINFENG_1_8).derived).toMatchObject({
      value: 98.95,
      numerator: 12009,
      denominator: 12136,
    });
    expect(valueOf('offline_evaluation_rate', '640106:spj', JINFENG_1_8).derived).toMatchObject({
      value: 98.87,
      numerator: 5769,
      denominator: 5835,
    });
  });

  it('satisfaction: Jinfeng prints 100% and 0 bad reviews; without the evaluation total the figure stays as printed', () => {
    const value = valueOf('satisfaction', '640106', JINFENG_1_8);
    expect(value.derived?.status).toBe('missing');
    expect(value).toMatchObject({ source: 'reported', value: 100 });
  });

  it('satisfaction: with 0 bad reviews it is 100% whatever the unprinted online evaluation count', () => {
    const definition = getIndicator('satisfaction', '2022-08-31');
    const hierarchy = hierarchyAsOf(DEMO_REGISTRY, '2022-08-31');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (online) => {
        const figure = (
          measure: MeasureObservation['measure'],
          value: number,
        ): MeasureObservation => ({
          subject: regionSubject('640106'),
          period: JINFENG_1_8,
          measure,
          value: numberCell(value),
        });
        const store = createMeasureStore([
          {
            importId: 'property',
            reported: [],
            observations: [
              figure('evaluations.online', online),
              figure('evaluations.offline', 12009),
              figure('evaluations.bad', 0),
              figure('evaluations.good', online + 12009),
            ],
          },
        ]);
        const value = computeIndicatorValue(
          store,
          hierarchy,
          definition,
          regionSubject('640106'),
          JINFENG_1_8,
        );
        expect(value.value).toBe(100);
      }),
      { seed: 2022, numRuns: 200 },
    );
  });

  it('bad-review rectification: Yindu 2 bad reviews, both rectified = 100%', () => {
    expect(
      valueOf('bad_review_rectification_rate', '410505', '2023-01..2023-06').derived,
    ).toMatchObject({
      value: 100,
      numerator: 2,
      denominator: 2,
    });
  });

  it('overdue rate: Jinfeng (2779+29)/47903 = 5.86%, and on-time rate its complement 94.14%', () => {
    const overdue = valueOf('overdue_rate', '640106', JINFENG_1_8);
    expect(overdue.derived).toMatchObject({ value: 5.86, numerator: 2808, denominator: 47903 });
    expect(overdue.discrepancy).toBeUndefined();
    expect(valueOf('on_time_rate', '640106', JINFENG_1_8).value).toBe(94.14);
  });

  it('e-licence growth: 2021 vs 2020 = 54098/46356 − 1 = 16.7%', () => {
    const value = valueOf('elicence_growth', '640106', '2021');
    expect(value.derived).toMatchObject({ value: 16.7, numerator: 54098, denominator: 46356 });
    expect(value.discrepancy).toBeUndefined();
  });

  it('immediate items: Yindu 1031/1644 = 62.71%', () => {
    expect(valueOf('immediate_item_share', '410505', '2023-06').derived).toMatchObject({
      value: 62.71,
      numerator: 1031,
      denominator: 1644,
    });
  });

  it('time-limit compression: Yindu 1 − 3266/42166 = 92.25%, 退役军人局 1 − 40/4320 = 99.07%', () => {
    expect(valueOf('time_limit_compression', '410505', '2023-06').derived).toMatchObject({
      value: 92.25,
      numerator: 3266,
      denominator: 42166,
    });
    expect(valueOf('time_limit_compression', '410505:tyjrj', '2023-06').value).toBe(99.07);
  });

  it('contactless items: Yindu prints only the share (100%), so it is kept as printed', () => {
    const value = valueOf('contactless_item_share', '410505', '2023-06');
    expect(value).toMatchObject({ source: 'reported', value: 100 });
    expect(value.derived?.status).toBe('missing');
  });

  it('catalogue mount rate: Yindu 73/117 = 62.39%', () => {
    expect(valueOf('catalogue_mount_rate', '410505', '2023-06').derived).toMatchObject({
      value: 62.39,
      numerator: 73,
      denominator: 117,
    });
  });

  it('supervision main-item coverage: Yindu 79/383 = 20.63%, Anyang city 2018/4234 = 47.66% from its benchmark row', () => {
    expect(valueOf('supervision_main_item_coverage', '410505', '2023-06').derived).toMatchObject({
      value: 20.63,
      numerator: 79,
      denominator: 383,
      bundle: expect.objectContaining({ basis: 'children' }),
    });
    expect(valueOf('supervision_main_item_coverage', '410500', '2023-06').derived).toMatchObject({
      value: 47.66,
      bundle: expect.objectContaining({ basis: 'benchmark' }),
    });
  });

  it('supervision sub-item coverage: Yindu (57+245+20+139)/(488+930+68+193) = 461/1679 = 27.46%', () => {
    expect(valueOf('supervision_sub_item_coverage', '410505', '2023-06').derived).toMatchObject({
      value: 27.46,
      numerator: 461,
      denominator: 1679,
    });
  });

  it('online audit completion: Yindu 11/200 = 5.50%', () => {
    expect(valueOf('online_audit_completion_rate', '410505', '2023-06').derived).toMatchObject({
      value: 5.5,
      numerator: 11,
      denominator: 200,
    });
  });

  it('staff leave ratio: Yindu 民政局 4/4 = 100%', () => {
    expect(valueOf('staff_leave_ratio', '410505:mzj', '2023-06').value).toBe(100);
  });

  it('claim and publish rates: Xiqu 100%', () => {
    expect(valueOf('claim_rate', '510403', '2022-09').derived).toMatchObject({
      value: 100,
      numerator: 6660,
      denominator: 6660,
    });
    expect(valueOf('publish_rate', '510403', '2022-09').value).toBe(100);
  });

  it('active evaluation rate: Xiqu keeps the printed 97.86%; 4084/4288 = 95.24% is shown beside it, never used', () => {
    const value = valueOf('active_evaluation_rate', '510403', '2022-09');
    expect(value).toMatchObject({ source: 'reported', value: 97.86 });
    expect(value.derived).toBeUndefined();
    // The reference ratio sums the annex rows (4084/4290); the text's own counts give 4084/4288.
    expect(value.reference).toMatchObject({
      status: 'number',
      numerator: 4084,
      denominator: 4290,
      value: 95.19,
    });
    expect(Math.trunc((4084 / 4288) * 10000) / 100).toBe(95.24);
  });

  it('active evaluation rate: never falls back to the counts, even where nothing is printed', () => {
    // 区委办公室 prints "-" (no cases); 格里坪镇 has counts but no printed rate of its own.
    expect(valueOf('active_evaluation_rate', '510403:qwbgs', '2022-09')).toMatchObject({
      status: 'not_applicable',
      source: 'reported',
    });
    const township = valueOf('active_evaluation_rate', '510403100000', '2022-09');
    expect(township.reference).toMatchObject({ status: 'number', value: 100 });
    expect(township).toMatchObject({ status: 'missing', source: 'none' });
    expect(township.value).toBeUndefined();
  });

  it('case coverage: Xiqu 区民政局 79.41% is kept as printed by the platform', () => {
    expect(valueOf('case_coverage', '510403:mzj', '2022-09')).toMatchObject({
      source: 'reported',
      value: 79.41,
    });
  });

  it('has every figure available from one store (no per-test fixtures)', () => {
    expect(seedStore.observations.length).toBeGreaterThan(1000);
  });
});
