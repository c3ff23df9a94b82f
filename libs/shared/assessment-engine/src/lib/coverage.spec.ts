import fc from 'fast-check';
import {
  exact,
  getIndicator,
  NOT_APPLICABLE,
  NOT_CONNECTED,
  numberCell,
  roundToNumber,
  unitSubject,
  type CellValue,
  type MeasureObservation,
  type Registry,
  type Target,
} from '@efficacy/indicator-model';
import { seedContext } from '../test-support/seed-context';
import { assess, type IndicatorAssessment } from './assess';
import { createAssessmentContext } from './context';
import type { CompletenessRules } from './coverage';
import { explain } from './explain';
import { checkTarget } from './target-check';

const PERIOD = '2022-08';
const CITY = '640100';
const RATE = 'offline_evaluation_rate';

/** A department's offline figures: evaluated of cases, "/", cases 0 ("-"), or nothing. */
type DeptState =
  | { kind: 'number'; evaluated: number; cases: number }
  | { kind: 'not_connected' }
  | { kind: 'no_cases' }
  | { kind: 'printed_dash' }
  | { kind: 'missing' };

const countyCode = (i: number) => `6401${String(i + 1).padStart(2, '0')}`;

function build(
  counties: readonly (readonly DeptState[])[],
  completeness?: CompletenessRules,
  goal = 98.5,
) {
  const registry: Registry = {
    regions: [
      { code: CITY, level: 'city', nameZh: '银川市', nameEn: 'Yinchuan' },
      ...counties.map((_, i) => ({
        code: countyCode(i),
        level: 'county' as const,
        nameZh: `县${i + 1}`,
        nameEn: `County ${i + 1}`,
        parentCode: CITY,
      })),
    ],
    units: counties.flatMap((depts, i) =>
      depts.map((_, j) => ({
        id: `${countyCode(i)}:d${j}`,
        kind: 'department' as const,
        nameZh: `县${i + 1}局${j + 1}`,
        regionCode: countyCode(i),
        aliases: [],
      })),
    ),
  };
  const observations: MeasureObservation[] = counties.flatMap((depts, i) =>
    depts.flatMap((state, j): MeasureObservation[] => {
      const subject = unitSubject(`${countyCode(i)}:d${j}`);
      const cell = (measure: string, value: CellValue): MeasureObservation => ({
        subject,
        period: PERIOD,
        measure: measure as MeasureObservation['measure'],
        value,
      });
      switch (state.kind) {
        case 'number':
          return [
            cell('cases.offline.evaluated', numberCell(state.evaluated)),
            cell('cases.offline', numberCell(state.cases)),
          ];
        case 'not_connected':
          return [
            cell('cases.offline.evaluated', NOT_CONNECTED),
            cell('cases.offline', numberCell(5)),
          ];
        case 'no_cases':
          return [
            cell('cases.offline.evaluated', numberCell(0)),
            cell('cases.offline', numberCell(0)),
          ];
        case 'printed_dash':
          return [
            cell('cases.offline.evaluated', NOT_APPLICABLE),
            cell('cases.offline', NOT_APPLICABLE),
          ];
        case 'missing':
          return [];
      }
    }),
  );
  const targets: Target[] = [
    {
      id: 't-rate',
      indicator: RATE,
      regionCode: CITY,
      year: 2022,
      comparator: '>=',
      value: goal,
      setBy: 'spec',
      setAt: '2022-01-01T00:00:00Z',
    },
  ];
  const context = createAssessmentContext({
    registry,
    datasets: [{ importId: 'generated', observations, reported: [] }],
    targets,
    ...(completeness ? { completeness } : {}),
  });
  const rate = (code: string): IndicatorAssessment => {
    const found = assess(context, { regionCode: code, period: PERIOD, indicators: [RATE] })
      .indicators[0];
    if (!found) throw new Error('no rate');
    return found;
  };
  return { rate, context };
}

const dept: fc.Arbitrary<DeptState> = fc.oneof(
  fc
    .tuple(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 0, max: 400 }))
    .map(([cases, e]) => ({ kind: 'number' as const, cases, evaluated: Math.min(e, cases) })),
  fc.constant({ kind: 'not_connected' as const }),
  fc.constant({ kind: 'no_cases' as const }),
  fc.constant({ kind: 'printed_dash' as const }),
  fc.constant({ kind: 'missing' as const }),
);
const hierarchyArb = fc.array(fc.array(dept, { minLength: 1, maxLength: 4 }), {
  minLength: 1,
  maxLength: 6,
});

describe('coverage of an aggregate', () => {
  it('says 银川市 is 金凤区 alone: 1 of 2 counties, 灵武市 missing, judged partial, not met', () => {
    const yinchuan = assess(seedContext, { regionCode: CITY, period: '2022-01..2022-08' });
    const rate = yinchuan.indicators.find((i) => i.code === RATE);
    expect(rate?.region.value.display).toBe('98.95');
    expect(rate?.region.coverage).toMatchObject({
      memberLevel: 'county',
      expected: 2,
      reported: 1,
      withFigures: 1,
      partial: true,
      missing: [{ nameZh: '灵武市', subject: { kind: 'region', code: '640181' } }],
    });
    expect(rate?.region.target).toMatchObject({ status: 'partial', asIfComplete: 'met' });
    // 金凤区 prints its own 合计: complete on its own account, ranked "1 of 1 reported, 2 expected".
    const jinfeng = rate?.children.find((c) => c.nameZh === '金凤区');
    expect(jinfeng).toMatchObject({ rank: 1, coverage: { printedTotal: true, partial: false } });
    expect(rate).toMatchObject({ ranked: 1, expected: 2 });
  });

  it('explains 银川市’s figure with its coverage and its partial verdict', () => {
    const explanation = explain(seedContext, {
      indicator: RATE,
      subject: { kind: 'region', code: CITY },
      period: '2022-01..2022-08',
    });
    expect(explanation.coverage).toMatchObject({ expected: 2, reported: 1, partial: true });
    expect(explanation.coverage?.missing.map((m) => m.nameZh)).toEqual(['灵武市']);
    expect(explanation.target).toMatchObject({ status: 'partial', asIfComplete: 'met' });
  });

  it('counts two of seven counties as "2 of 7" and lists the five that sent nothing', () => {
    const full = { kind: 'number' as const, evaluated: 99, cases: 100 };
    const missing = { kind: 'missing' as const };
    const { rate } = build([[full], [full], [missing], [missing], [missing], [missing], [missing]]);
    const city = rate(CITY);
    expect(city.region.coverage).toMatchObject({ expected: 7, reported: 2, partial: true });
    expect(city.region.coverage?.missing.map((m) => m.nameZh)).toEqual([
      '县3',
      '县4',
      '县5',
      '县6',
      '县7',
    ]);
    expect(city.region.target?.status).toBe('partial');
    expect(city).toMatchObject({ ranked: 2, expected: 7 });
  });

  it('lets an indicator’s completeness rule accept fewer members', () => {
    const full = { kind: 'number' as const, evaluated: 99, cases: 100 };
    const missing = { kind: 'missing' as const };
    const counties = [[full], [full], [missing]];
    expect(build(counties).rate(CITY).region.coverage?.partial).toBe(true);
    expect(build(counties, { [RATE]: { minShare: 0.6 } }).rate(CITY).region.coverage?.partial).toBe(
      false,
    );
  });

  it('holds over generated hierarchies: partial reporting, ties and "-" / "/" states', () => {
    fc.assert(
      fc.property(hierarchyArb, (counties) => {
        const { rate } = build(counties);
        const city = rate(CITY);
        const coverage = city.region.coverage;
        const reporting = counties.filter((d) => d.some((s) => s.kind !== 'missing'));
        expect(coverage?.expected).toBe(counties.length);
        expect(coverage?.reported).toBe(reporting.length);
        expect(coverage?.missing.map((m) => m.subject)).toEqual(
          counties.flatMap((d, i) =>
            d.every((s) => s.kind === 'missing') ? [{ kind: 'region', code: countyCode(i) }] : [],
          ),
        );
        // Partial exactly when the city has a figure and some county sent nothing.
        expect(coverage?.partial).toBe(
          city.region.value.status === 'number' && reporting.length < counties.length,
        );
        if (coverage?.partial) expect(city.region.target?.status).toBe('partial');
        else expect(city.region.target?.status).not.toBe('partial');

        for (const [i, county] of city.children.entries()) {
          const depts = counties[i];
          const own = rate(countyCode(i));
          // A county's coverage counts its departments; "-" and "/" reported, nothing did not.
          expect(county.coverage?.reported).toBe(depts.filter((s) => s.kind !== 'missing').length);
          expect(own.region.coverage).toEqual(county.coverage);
          // Only complete figures are ranked; "-", "/", missing and partial never are.
          if (county.rank !== undefined) {
            expect(county.value.status).toBe('number');
            expect(county.coverage?.partial).toBe(false);
          }
          if (county.value.status !== 'number' || county.coverage?.partial)
            expect(county.rank).toBeUndefined();
          // Within the county, "-" departments (no cases, or "-" printed) are never ranked or judged.
          for (const [j, row] of own.children.entries()) {
            const state = depts[j];
            if (state.kind === 'no_cases' || state.kind === 'printed_dash') {
              expect(row.value).toMatchObject({ status: 'not_applicable', display: '-' });
              expect(row.rank).toBeUndefined();
              expect(row.target?.status).toBe('unknown');
            }
            if (state.kind === 'missing') expect(row.value.display).toBe('');
          }
          // Competition ranks: one more than the number strictly better; ties share.
          const ranked = own.children.filter((r) => r.rank !== undefined);
          expect(own.ranked).toBe(ranked.length);
          for (const r of ranked) {
            const better = ranked.filter((o) => (o.value.value ?? 0) > (r.value.value ?? 0));
            expect(r.rank).toBe(1 + better.length);
          }
        }
      }),
      { seed: 17, numRuns: 60 },
    );
  });
});

describe('a target is met on the exact value, not on its display', () => {
  const rate = getIndicator(RATE, '2022-08-31');
  const resolved = (value: number) => ({
    target: {
      id: 't',
      indicator: RATE,
      regionCode: CITY,
      year: 2022,
      comparator: '>=' as const,
      value,
      setBy: 'spec',
      setAt: '2022-01-01T00:00:00Z',
    },
    setOn: CITY,
    inherited: false,
  });
  const valueOf = (n: number, d: number) => {
    const { rate: assessed } = build([[{ kind: 'number', evaluated: n, cases: d }]], undefined, 99);
    return assessed(countyCode(0));
  };

  it('says 98.996 shows as 99.00 and misses ≥ 99', () => {
    // 24749 / 25000 = 98.996%.
    const county = valueOf(24749, 25000).children[0];
    expect(county.value.display).toBe('99.00');
    expect(county.target).toMatchObject({
      status: 'close',
      roundingNote: { display: '99.00', exact: '98.996', displayWouldMeet: true },
    });
    expect(county.target?.gap).toBeCloseTo(0.004, 6);
  });

  it('says so in the explanation too', () => {
    const { context } = build(
      [[{ kind: 'number', evaluated: 24749, cases: 25000 }]],
      undefined,
      99,
    );
    const explanation = explain(context, {
      indicator: RATE,
      subject: { kind: 'region', code: countyCode(0) },
      period: PERIOD,
    });
    expect(explanation.value.display).toBe('99.00');
    expect(explanation.target).toMatchObject({
      status: 'close',
      roundingNote: { display: '99.00', exact: '98.996', displayWouldMeet: true },
    });
  });

  it('holds at every boundary: met exactly when n/d ≥ goal, noted when the display disagrees', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20000 }),
        fc.integer({ min: 0, max: 20000 }),
        (d, raw) => {
          const n = Math.min(raw, d);
          const exactValue = exact.mul(exact.rational(BigInt(n), BigInt(d)), exact.rational(100n));
          const shown = roundToNumber(exactValue, rate.rounding);
          const value = {
            indicator: rate,
            subject: unitSubject('x'),
            period: PERIOD,
            status: 'number' as const,
            value: shown,
            source: 'derived' as const,
            derived: {
              status: 'number' as const,
              exact: exactValue,
              value: shown,
              numerator: n,
              denominator: d,
              bundle: {
                subject: unitSubject('x'),
                status: 'number' as const,
                totals: new Map(),
                contributions: [],
                excluded: [],
              },
              requirements: [],
            },
          };
          // The goal is the displayed figure itself: the hardest case for a rounded comparison.
          const check = checkTarget(rate, value, resolved(shown));
          const metExactly = n * 100 * 100 >= Math.round(shown * 100) * d;
          expect(check.status === 'met').toBe(metExactly);
          expect(check.roundingNote !== undefined).toBe(!metExactly);
        },
      ),
      { seed: 1701, numRuns: 300 },
    );
  });
});

describe('one value per cell', () => {
  /** n/d × 100 to two places, half-up, in integers only: the way the provinces print it. */
  const halfUp = (n: number, d: number): string => {
    const scaled = (BigInt(n) * 100000n) / BigInt(d); // three extra places, truncated
    const rounded = (scaled + 5n) / 10n;
    const text = rounded.toString().padStart(3, '0');
    return `${text.slice(0, -2)}.${text.slice(-2)}`;
  };

  it('shows the same half-up figure in the table row, the explanation and at the boundary', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50000 }),
        fc.integer({ min: 0, max: 50000 }),
        (d, raw) => {
          const n = Math.min(raw, d);
          const { rate, context } = build([[{ kind: 'number', evaluated: n, cases: d }]]);
          const row = rate(countyCode(0)).children[0];
          const explanation = explain(context, {
            indicator: RATE,
            subject: row.subject,
            period: PERIOD,
          });
          expect(row.value.display).toBe(halfUp(n, d));
          expect(explanation.value.display).toBe(row.value.display);
          expect(explanation.value.value).toBe(row.value.value);
        },
      ),
      { seed: 4242, numRuns: 40 },
    );
    // 1/800 is 0.125% exactly, half-way between two printed figures: half-up prints 0.13.
    const { rate } = build([[{ kind: 'number', evaluated: 1, cases: 800 }]]);
    expect(rate(countyCode(0)).children[0].value.display).toBe('0.13');
  });
});
