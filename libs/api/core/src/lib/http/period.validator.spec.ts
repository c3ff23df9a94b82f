import { validateSync } from 'class-validator';
import { IsPeriod, periodProblem } from './period.validator';

class Query {
  @IsPeriod({ exact: true, kinds: ['month', 'range'] })
  period!: unknown;
}

function problems(period: unknown): string[] {
  const query = Object.assign(new Query(), { period });
  return validateSync(query).flatMap((e) => Object.values(e.constraints ?? {}));
}

describe('IsPeriod', () => {
  it('accepts what the shared model reads, tidied input included', () => {
    expect(periodProblem('2022-q3')).toBeNull();
    expect(periodProblem('2022-13')).toBe('Invalid period "2022-13": month must be 01-12, got 13');
  });

  it('with exact and kinds, says what to write instead', () => {
    expect(problems('2022-01..2022-08')).toEqual([]);
    expect(problems('2022-Q3')).toEqual([
      'period: Invalid period "2022-Q3": expected a month or a range',
    ]);
    expect(problems('2022-08 ')).toEqual([
      'period: Invalid period "2022-08 ": write it as 2022-08',
    ]);
    expect(problems(2022)).toEqual(['period: period must be text in period notation']);
  });
});
