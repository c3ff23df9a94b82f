import {
  formatPeriodFields,
  monthsOfPeriod,
  parsePeriodFields,
  periodLabel,
} from './period-notation';

describe('period notation', () => {
  it('reads the bulletins’ cumulative period and writes it back unchanged', () => {
    const f = parsePeriodFields('2022-01..2022-08');
    expect(f?.kind).toBe('cumulative');
    expect(f && formatPeriodFields(f)).toBe('2022-01..2022-08');
  });

  it.each(['2023-06', '2022-03..2022-08', '2022-Q3', '2022-H1', '2022'])('round-trips %s', (p) => {
    const f = parsePeriodFields(p);
    expect(f && formatPeriodFields(f)).toBe(p);
  });

  it('refuses what the API would refuse', () => {
    expect(parsePeriodFields('2022-13')).toBeNull();
    expect(parsePeriodFields('2022-08..2022-01')).toBeNull();
    expect(parsePeriodFields('last month')).toBeNull();
    expect(parsePeriodFields('2022-q3')).toBeNull();
    expect(monthsOfPeriod('2022-13')).toEqual([]);
    expect(periodLabel('2022-13', 'zh-CN')).toBe('2022-13');
  });

  it('labels periods the Chinese way', () => {
    expect(periodLabel('2022-01..2022-08', 'zh-CN')).toBe('2022年1-8月');
    expect(periodLabel('2023-06', 'zh-CN')).toBe('2023年6月');
    expect(periodLabel('2022-Q3', 'zh-CN')).toBe('2022年第三季度');
    expect(periodLabel('2022-H1', 'zh-CN')).toBe('2022年上半年');
    expect(periodLabel('2022-01..2022-08', 'en')).toBe('Jan–Aug 2022');
  });

  it('lists the months of a period for the monthly trend', () => {
    expect(monthsOfPeriod('2022-01..2022-03')).toEqual(['2022-01', '2022-02', '2022-03']);
    expect(monthsOfPeriod('2022-Q3')).toEqual(['2022-07', '2022-08', '2022-09']);
    expect(monthsOfPeriod('2023-06')).toEqual(['2023-06']);
  });
});
