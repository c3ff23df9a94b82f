import type { Polarity } from '@efficacy/indicator-model';

/**
 * Competition ranking ("1224"): equal values share a rank and the next rank skips, so a
 * unit's rank is one more than the number of units strictly better than it. Entries
 * without a number ("/", "-", missing) get no rank and do not push anyone down. A neutral
 * indicator (leave ratio) is not ranked at all.
 */
export function competitionRanks(
  values: ReadonlyArray<number | undefined>,
  polarity: Polarity,
): Array<number | undefined> {
  if (polarity === 'neutral') return values.map(() => undefined);
  const ranked = values.filter((v): v is number => v !== undefined && Number.isFinite(v));
  const better = (a: number, b: number) => (polarity === 'higher-is-better' ? a > b : a < b);
  return values.map((value) => {
    if (value === undefined || !Number.isFinite(value)) return undefined;
    return 1 + ranked.filter((other) => better(other, value)).length;
  });
}
