import { figureWindow, periodYearsSql } from './figure-window';

describe('figureWindow', () => {
  it('reaches two years back from the first month, for 同比 of growth indicators', () => {
    expect(figureWindow('2022-08')).toEqual({ fromYear: 2020, toYear: 2022 });
    expect(figureWindow('2022-01..2022-08')).toEqual({ fromYear: 2020, toYear: 2022 });
  });

  it('spans both years of a range across new year', () => {
    expect(figureWindow('2021-11..2022-02')).toEqual({ fromYear: 2019, toYear: 2022 });
  });
});

describe('periodYearsSql', () => {
  it('reads the second year only after ".."', () => {
    const { start, end } = periodYearsSql('o.period');
    expect(start).toBe('substr(o.period, 1, 4)::int');
    expect(end).toContain("split_part(o.period, '..', 2)");
  });
});
