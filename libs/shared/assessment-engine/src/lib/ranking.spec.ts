import fc from 'fast-check';
import { competitionRanks } from './ranking';

describe('competition ranking', () => {
  it('shares ranks between ties and skips after them (1, 1, 3)', () => {
    expect(competitionRanks([100, 98.87, 100, 53.03], 'higher-is-better')).toEqual([1, 3, 1, 4]);
    expect(competitionRanks([125, 3, 9, 3], 'lower-is-better')).toEqual([4, 1, 3, 1]);
  });

  it('never ranks "/", "-" or missing, and never counts them as zero', () => {
    expect(competitionRanks([undefined, 0, 10, undefined], 'higher-is-better')).toEqual([
      undefined,
      2,
      1,
      undefined,
    ]);
    expect(competitionRanks([undefined, 5], 'lower-is-better')).toEqual([undefined, 1]);
  });

  it('does not rank neutral indicators', () => {
    expect(competitionRanks([1, 2], 'neutral')).toEqual([undefined, undefined]);
  });
});

const valuesArb = fc.array(
  fc.option(
    fc.integer({ min: 0, max: 20 }).map((n) => n * 5),
    { nil: undefined },
  ),
  { maxLength: 30 },
);
const polarityArb = fc.constantFrom('higher-is-better' as const, 'lower-is-better' as const);
const params = { seed: 31, numRuns: 400 };

describe('ranking properties', () => {
  it('gives each ranked entry one more than the number strictly better', () => {
    fc.assert(
      fc.property(valuesArb, polarityArb, (values, polarity) => {
        const ranks = competitionRanks(values, polarity);
        values.forEach((value, i) => {
          if (value === undefined) return expect(ranks[i]).toBeUndefined();
          const better = values.filter(
            (o) => o !== undefined && (polarity === 'higher-is-better' ? o > value : o < value),
          );
          expect(ranks[i]).toBe(better.length + 1);
        });
      }),
      params,
    );
  });

  it('gives equal values equal ranks, better values better ranks, and rank 1 to the best', () => {
    fc.assert(
      fc.property(valuesArb, polarityArb, (values, polarity) => {
        const ranks = competitionRanks(values, polarity);
        const ranked = values
          .map((v, i) => ({ v, r: ranks[i] }))
          .filter((x): x is { v: number; r: number } => x.v !== undefined);
        for (const a of ranked) {
          for (const b of ranked) {
            if (a.v === b.v) expect(a.r).toBe(b.r);
            else if (polarity === 'higher-is-better' ? a.v > b.v : a.v < b.v)
              expect(a.r).toBeLessThan(b.r);
          }
        }
        if (ranked.length > 0) expect(Math.min(...ranked.map((x) => x.r))).toBe(1);
      }),
      params,
    );
  });

  it('is unaffected by order and by adding unrankable entries', () => {
    fc.assert(
      fc.property(
        valuesArb,
        polarityArb,
        fc.integer({ min: 0, max: 5 }),
        (values, polarity, blanks) => {
          const ranks = competitionRanks(values, polarity);
          const reversed = competitionRanks([...values].reverse(), polarity).reverse();
          expect(reversed).toEqual(ranks);
          const padded = competitionRanks(
            [...values, ...Array<undefined>(blanks).fill(undefined)],
            polarity,
          );
          expect(padded.slice(0, values.length)).toEqual(ranks);
        },
      ),
      params,
    );
  });
});
