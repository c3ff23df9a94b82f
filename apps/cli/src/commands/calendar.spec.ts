import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CalendarCoverage } from '@efficacy/api-contract';
import { formatCoverage, formatDays, readNoticeFile } from './calendar';
import { cliToday, cliYear, cliClock } from '../lib/clock';

const coverage: CalendarCoverage = {
  today: '2026-12-24',
  coveredYears: Array.from({ length: 23 }, (_, i) => 2004 + i),
  packageYears: [2004, 2026],
  years: [
    { year: 2026, national: 'package', notice: null, regionalNotices: [] },
    { year: 2027, national: 'provisional', notice: null, regionalNotices: [] },
  ],
  warning: { year: 2027, message: 'the State Council notice for 2027 … is not loaded' },
};

describe('efficacy calendar', () => {
  it('says which years are provisional and warns about the missing notice', () => {
    const lines = formatCoverage(coverage);
    expect(lines[0]).toBe(
      'national notices: 2004–2026 (package 2004–2026); today 2026-12-24 in Beijing',
    );
    expect(lines).toContain('  2027  暂定 provisional');
    expect(lines.at(-1)).toBe('warning: the State Council notice for 2027 … is not loaded');
  });

  it('lists days with their weekday and where they come from', () => {
    expect(
      formatDays([
        {
          date: '2027-01-01',
          kind: 'holiday',
          name: '元旦',
          regionPrefix: '',
          updatedBy: 'yinchuan.admin',
          source: 'notice',
          noticeId: 'n1',
        },
      ]),
    ).toEqual(['  2027-01-01 Fri  day off      元旦  [notice, yinchuan.admin]']);
  });

  it('reads a notice file and refuses one that is not a notice, naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'efficacy-notice-'));
    try {
      const good = join(dir, '2027.json');
      writeFileSync(
        good,
        JSON.stringify({
          year: 2027,
          title: '国务院办公厅关于2027年部分节假日安排的通知',
          days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }],
        }),
      );
      expect(readNoticeFile(good).year).toBe(2027);
      const bad = join(dir, 'bad.json');
      writeFileSync(bad, '{"year": "2027"}');
      expect(() => readNoticeFile(bad)).toThrow(`${bad} must hold { "year": 2027`);
      writeFileSync(bad, 'not json');
      expect(() => readNoticeFile(bad)).toThrow(`${bad} is not JSON`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("takes this year and today from the command line's clock, in Beijing", () => {
    const clock = cliClock({ EFFICACY_CLOCK_START: '2026-12-31T16:30:00Z' });
    expect([cliToday(clock), cliYear(clock)]).toEqual(['2027-01-01', 2027]);
    expect(() => cliClock({ EFFICACY_CLOCK_START: 'soon' })).toThrow(
      /EFFICACY_CLOCK_START must be an instant/,
    );
  });
});
