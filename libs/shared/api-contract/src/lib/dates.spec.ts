import { beijingDate, beijingMonth, beijingYear } from './dates';

describe('Beijing dates of an instant, whatever the TZ of the machine', () => {
  it('is already the next day at 16:00 UTC', () => {
    expect(beijingDate(new Date('2022-09-30T15:59:59Z'))).toBe('2022-09-30');
    expect(beijingDate(new Date('2022-09-30T16:00:00Z'))).toBe('2022-10-01');
  });

  it('turns the year at 16:00 UTC on 31 December', () => {
    const eve = new Date('2026-12-31T16:30:00Z');
    expect([beijingDate(eve), beijingYear(eve), beijingMonth(eve)]).toEqual([
      '2027-01-01',
      2027,
      1,
    ]);
    expect(beijingYear(new Date('2026-12-31T15:30:00Z'))).toBe(2026);
  });

  it('reads an instant written with another offset the same way', () => {
    expect(beijingDate(new Date('2031-06-15T09:00:00+08:00'))).toBe('2031-06-15');
    expect(beijingDate(new Date('2031-06-14T20:00:00-05:00'))).toBe('2031-06-15');
  });
});
