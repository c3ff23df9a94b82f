import { lastMonth, periodWithMostRegions } from './period-preference';

describe('periodWithMostRegions', () => {
  const imp = (period: string, regionCode: string, createdAt: string) => ({
    period,
    regionCode,
    createdAt,
  });

  it('opens on the period most regions reported, not on the newest import alone', () => {
    expect(
      periodWithMostRegions([
        imp('2022-H1', '640181', '2026-03-02T10:00:00Z'),
        imp('2022-01..2022-08', '640106', '2026-03-01T10:00:00Z'),
        imp('2022-01..2022-08', '640104', '2026-02-01T10:00:00Z'),
      ]),
    ).toBe('2022-01..2022-08');
  });

  it('counts a region once however many files it sent for a period', () => {
    expect(
      periodWithMostRegions([
        imp('2023-06', '410505', '2026-01-01T00:00:00Z'),
        imp('2023-06', '410505', '2026-01-02T00:00:00Z'),
        imp('2023-05', '410505', '2026-01-03T00:00:00Z'),
        imp('2023-05', '410502', '2026-01-03T00:00:00Z'),
      ]),
    ).toBe('2023-05');
  });

  it('takes the period with more files when as many regions reported both', () => {
    expect(
      periodWithMostRegions([
        imp('2022-01..2022-08', '640106', '2026-01-01T00:00:00Z'),
        imp('2022-01..2022-08', '640106', '2026-01-02T00:00:00Z'),
        imp('2023-02', '640106', '2026-01-05T00:00:00Z'),
      ]),
    ).toBe('2022-01..2022-08');
  });

  it('takes the newer period when as many regions and files reported both', () => {
    expect(
      periodWithMostRegions([
        imp('2023-05', '410505', '2026-01-01T00:00:00Z'),
        imp('2023-06', '410505', '2026-01-05T00:00:00Z'),
      ]),
    ).toBe('2023-06');
  });

  it('has no answer without imports', () => {
    expect(periodWithMostRegions([])).toBeNull();
  });
});

describe('lastMonth', () => {
  it('is December of the year before in January', () => {
    expect(lastMonth(new Date('2031-01-15T00:00:00Z'))).toBe('2030-12');
    expect(lastMonth(new Date('2027-03-01T00:00:00Z'))).toBe('2027-02');
  });

  it('counts months in Beijing: 00:30 on 1 January there is still 31 December in UTC', () => {
    expect(lastMonth(new Date('2026-12-31T16:30:00Z'))).toBe('2026-12');
  });
});
