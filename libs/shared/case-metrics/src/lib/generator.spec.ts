import { caseRecordProblems } from '@efficacy/indicator-model';
import { countCase, emptyCounts } from './case-counts';
import { caseIndicators } from './case-indicators';
import { CALIBRATION, generateCases } from './generator';

const options = { counties: 2, months: 2, seed: 7, casesPerCountyMonth: 20_000 };

describe('synthetic case generator', () => {
  it('writes the same cases for the same seed, and different ones for another seed', () => {
    const a = [...generateCases(options)].slice(0, 50);
    const b = [...generateCases(options)].slice(0, 50);
    const c = [...generateCases({ ...options, seed: 8 })].slice(0, 50);
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
  });

  it('writes one county-month alone exactly as it is inside the full run', () => {
    const full = [...generateCases(options)].filter(
      (r) => r.regionCode === '640181' && r.received.startsWith('2022-02'),
    );
    const alone = [
      ...generateCases({ ...options, onlyCounties: ['640181'], onlyMonths: ['2022-02'] }),
    ];
    expect(alone).toEqual(full);
    expect(alone).toHaveLength(20_000);
  });

  it('is calibrated to the seeds: channel shares, overdue and evaluation rates', () => {
    const counts = emptyCounts();
    for (const r of generateCases(options)) {
      expect(caseRecordProblems(r)).toEqual([]);
      countCase(counts, r, '2022-03-31');
    }
    const pct = Object.fromEntries(caseIndicators(counts).map((v) => [v.code, v.percent ?? 0]));
    expect(counts.cases).toBe(80_000);
    expect(Math.abs(pct['online_share'] - 20)).toBeLessThan(1);
    expect(Math.abs(pct['offline_evaluation_rate'] - 98.95)).toBeLessThan(0.5);
    expect(Math.abs(pct['satisfaction'] - 99.9)).toBeLessThan(0.3);
    // 金凤区 5.86%: finished late plus unfinished late
    expect(Math.abs(pct['overdue_rate'] - 5.86)).toBeLessThan(0.8);
    expect(Math.abs(counts.township / counts.cases - 0.12)).toBeLessThan(0.01);
    expect(CALIBRATION.casesPerCountyMonth).toBe(58_167);
  });
});
