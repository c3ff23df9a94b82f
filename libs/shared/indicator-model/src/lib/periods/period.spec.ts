import fc from 'fast-check';
import {
  formatPeriod,
  isPeriod,
  isCumulative,
  isValidPeriod,
  monthCount,
  monthsOf,
  parsePeriod,
  periodContains,
  periodEndDate,
  periodKey,
  periodLabelEn,
  periodLabelZh,
  periodSpan,
  periodStartDate,
  periodYear,
  previousPeriod,
  samePeriodLastYear,
  samePeriodSpan,
  tryParsePeriod,
  yearToDate,
  type Period,
} from './period';

const prev = (text: string) => formatPeriod(previousPeriod(text));
const yoy = (text: string) => formatPeriod(samePeriodLastYear(text));

describe('period notation', () => {
  it('parses and formats the five forms unchanged', () => {
    for (const text of ['2022-08', '2022-Q3', '2022-H1', '2022', '2022-01..2022-08']) {
      expect(formatPeriod(parsePeriod(text))).toBe(text);
    }
    expect(formatPeriod(parsePeriod(' 2022-q3 '))).toBe('2022-Q3');
  });

  it('says what is wrong with invalid input', () => {
    expect(() => parsePeriod('2022-13')).toThrow(
      'Invalid period "2022-13": month must be 01-12, got 13',
    );
    expect(() => parsePeriod('2022-Q5')).toThrow('quarter must be Q1-Q4, got Q5');
    expect(() => parsePeriod('2022-H3')).toThrow('half year must be H1 or H2, got H3');
    expect(() => parsePeriod('2022-08..2022-01')).toThrow(
      'the range ends (2022-01) before it starts (2022-08)',
    );
    expect(() => parsePeriod('22-08')).toThrow('expected a month (2022-08), quarter (2022-Q3)');
    expect(() => parsePeriod('2022/08')).toThrow('Invalid period "2022/08"');
    expect(tryParsePeriod('1900')).toEqual({
      ok: false,
      error: 'Invalid period "1900": year 1900 is outside 1949-2999',
    });
    expect(isValidPeriod('2022-01..2022-08')).toBe(true);
  });

  it('steps back one period for 环比, with 1-M月 comparing against 1-(M-1)月', () => {
    expect(prev('2022-08')).toBe('2022-07');
    expect(prev('2022-01')).toBe('2021-12');
    expect(prev('2022-Q1')).toBe('2021-Q4');
    expect(prev('2022-Q3')).toBe('2022-Q2');
    expect(prev('2022-H1')).toBe('2021-H2');
    expect(prev('2022')).toBe('2021');
    expect(prev('2022-01..2022-08')).toBe('2022-01..2022-07');
    expect(prev('2022-01..2022-01')).toBe('2021-01..2021-12');
    expect(prev('2022-03..2022-05')).toBe('2021-12..2022-02');
  });

  it('finds the same period a year earlier for 同比', () => {
    expect(yoy('2022-08')).toBe('2021-08');
    expect(yoy('2022-Q3')).toBe('2021-Q3');
    expect(yoy('2022-H1')).toBe('2021-H1');
    expect(yoy('2022-01..2022-08')).toBe('2021-01..2021-08');
  });

  it('prints the labels bulletins use', () => {
    expect(periodLabelZh('2022-01..2022-08')).toBe('2022年1-8月');
    expect(periodLabelZh('2022-H1')).toBe('2022年上半年');
    expect(periodLabelZh('2022-H2')).toBe('2022年下半年');
    expect(periodLabelZh('2022-Q3')).toBe('2022年第三季度');
    expect(periodLabelZh('2022-08')).toBe('2022年8月');
    expect(periodLabelZh('2022')).toBe('2022年');
    expect(periodLabelZh('2021-11..2022-02')).toBe('2021年11月至2022年2月');
    expect(periodLabelEn('2022-01..2022-08')).toBe('Jan–Aug 2022');
    expect(periodLabelEn('2022-Q3')).toBe('Q3 2022');
  });

  it('knows the months, dates and year a period covers', () => {
    expect(monthsOf('2022-Q3')).toEqual(['2022-07', '2022-08', '2022-09']);
    expect(monthCount('2021-11..2022-02')).toBe(4);
    expect(periodContains('2022-H1', '2022-Q2')).toBe(true);
    expect(periodContains('2022-H1', '2022-07')).toBe(false);
    expect(periodKey('2022-H1')).toBe(periodKey('2022-01..2022-06'));
    expect(periodStartDate('2022-Q3')).toBe('2022-07-01');
    expect(periodEndDate('2024-02')).toBe('2024-02-29');
    expect(periodEndDate('2023-02')).toBe('2023-02-28');
    expect(periodYear('2021-11..2022-02')).toBe(2022);
    expect(isCumulative('2022-01..2022-08')).toBe(true);
    expect(isCumulative('2022-03..2022-08')).toBe(false);
  });
});

const yearArb = fc.integer({ min: 1950, max: 2990 });
const monthArb = fc.integer({ min: 1, max: 12 });
const periodArb: fc.Arbitrary<Period> = fc.oneof(
  fc.record({ kind: fc.constant('month' as const), year: yearArb, month: monthArb }),
  fc.record({
    kind: fc.constant('quarter' as const),
    year: yearArb,
    quarter: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
  }),
  fc.record({
    kind: fc.constant('half' as const),
    year: yearArb,
    half: fc.constantFrom(1 as const, 2 as const),
  }),
  fc.record({ kind: fc.constant('year' as const), year: yearArb }),
  fc
    .tuple(yearArb, monthArb, fc.integer({ min: 0, max: 30 }))
    .map(([year, month, length]): Period => {
      const end = year * 12 + month - 1 + length;
      return {
        kind: 'range',
        from: { year, month },
        to: { year: Math.floor(end / 12), month: (end % 12) + 1 },
      };
    }),
);

describe('period properties', () => {
  const params = { seed: 20220831, numRuns: 500 };

  it('formats and parses back to the same period', () => {
    fc.assert(
      fc.property(periodArb, (period) => {
        expect(parsePeriod(formatPeriod(period))).toEqual(period);
      }),
      params,
    );
  });

  it('keeps the length of a period when stepping back a year, and the year-earlier period is disjoint', () => {
    fc.assert(
      fc.property(periodArb, (period) => {
        const earlier = samePeriodLastYear(period);
        expect(monthCount(earlier)).toBe(monthCount(period));
        expect(periodYear(earlier)).toBe(periodYear(period) - 1);
      }),
      params,
    );
  });

  it('puts the previous period before the period, ending where the period (or its cumulative part) ends earlier', () => {
    fc.assert(
      fc.property(periodArb, (period) => {
        const previous = previousPeriod(period);
        expect(periodEndDate(previous) < periodEndDate(period)).toBe(true);
        if (!isCumulative(period)) {
          expect(monthCount(previous)).toBe(monthCount(period));
          expect(periodContains(period, previous)).toBe(false);
        }
      }),
      params,
    );
  });
});

describe('canonical notation (isPeriod, periodSpan)', () => {
  it.each(['2022', '2022-08', '2022-Q3', '2022-H1', '2022-01..2022-08', '2021-12..2022-02'])(
    'accepts %s',
    (p) => {
      expect(isPeriod(p)).toBe(true);
    },
  );

  it.each([
    '2022-13',
    '2022-Q5',
    '2022-H3',
    '2022-08..2022-01',
    '22-08',
    '2022-8',
    '',
    '2022-q3',
    ' 2022-08',
  ])('refuses %s', (p) => {
    expect(isPeriod(p)).toBe(false);
  });

  it('gives the months a period covers', () => {
    expect(periodSpan('2022-Q3')).toEqual({ start: '2022-07', end: '2022-09' });
    expect(periodSpan('2022-H2')).toEqual({ start: '2022-07', end: '2022-12' });
    expect(periodSpan('2022')).toEqual({ start: '2022-01', end: '2022-12' });
    expect(samePeriodSpan('2022-H1', '2022-01..2022-06')).toBe(true);
    expect(samePeriodSpan('2022-H1', '2022-Q2')).toBe(false);
  });

  it('extends a period to year-to-date for cumulative columns', () => {
    expect(yearToDate('2022-09')).toBe('2022-01..2022-09');
    expect(yearToDate('2022-Q3')).toBe('2022-01..2022-09');
    expect(yearToDate('2022-01')).toBe('2022-01');
  });
});

describe('isPeriod with kinds', () => {
  it('accepts only the kinds asked for', () => {
    expect(isPeriod('2022-08', ['month'])).toBe(true);
    expect(isPeriod('2022-01..2022-08', ['month', 'range'])).toBe(true);
    expect(isPeriod('2022-Q3', ['month', 'range'])).toBe(false);
  });
});

describe('samePeriodSpan on text that is not a period', () => {
  it('answers false instead of throwing', () => {
    expect(samePeriodSpan('2022-13', '2022-13')).toBe(false);
  });
});
