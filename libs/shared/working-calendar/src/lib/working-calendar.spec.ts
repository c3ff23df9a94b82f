import fc from 'fast-check';

import {
  CalendarError,
  addWorkingDays,
  calendarDaysBetween,
  calendarYearsCovered,
  hasNationalNotice,
  isWorkingDay,
  packageNoticeYears,
  provisionalYearsBetween,
  workingDaysBetween,
  workingDeadline,
} from '../index';
import type { CalendarData } from '../index';

const JINFENG = '640106'; // 银川市金凤区, Ningxia
const ANYANG = '410505'; // 安阳市殷都区, Henan

describe('national calendar', () => {
  it('2022-09-30 + 5 working days = 2022-10-12: National Day break, then the worked weekend of 8 and 9 October', () => {
    expect(addWorkingDays('2022-09-30', 5)).toBe('2022-10-12');
    expect(isWorkingDay('2022-10-03')).toBe(false); // Monday inside the break
    expect(isWorkingDay('2022-10-08')).toBe(true); // Saturday worked (调休)
    expect(isWorkingDay('2022-10-09')).toBe(true); // Sunday worked (调休)
    expect(calendarDaysBetween('2022-09-30', '2022-10-12').map((d) => [d.date, d.kind])).toEqual([
      ['2022-10-01', 'holiday'],
      ['2022-10-02', 'holiday'],
      ['2022-10-03', 'holiday'],
      ['2022-10-04', 'holiday'],
      ['2022-10-05', 'holiday'],
      ['2022-10-06', 'holiday'],
      ['2022-10-07', 'holiday'],
      ['2022-10-08', 'workday'],
      ['2022-10-09', 'workday'],
    ]);
  });

  it('Spring Festival 2024: the Sunday before and after are worked, the eight days between are not', () => {
    // 2024-02-08 (Thu) + 1 → Fri 9th; + 2 crosses 10–17 Feb and lands on Sunday 18th (调休).
    expect(addWorkingDays('2024-02-08', 1)).toBe('2024-02-09');
    expect(addWorkingDays('2024-02-08', 2)).toBe('2024-02-18');
    expect(addWorkingDays('2024-02-08', 3)).toBe('2024-02-19');
    expect(isWorkingDay('2024-02-04')).toBe(true);
    expect(isWorkingDay('2024-02-12')).toBe(false);
  });

  it('Spring Festival 2026: nine days off, Saturdays 14 and 28 February worked', () => {
    expect(addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-14', 1)).toBe('2026-02-24');
    expect(workingDaysBetween('2026-02-13', '2026-02-28')).toBe(6); // 14, 24–27 and 28
  });

  it('a 元旦 break that starts in the year before (2022-12-31 to 2023-01-02)', () => {
    expect(isWorkingDay('2023-01-02')).toBe(false);
    expect(addWorkingDays('2022-12-30', 1)).toBe('2023-01-03');
  });

  it('plain weekends count as days off and plain weekdays as working days', () => {
    expect(isWorkingDay('2025-03-08')).toBe(false); // Saturday
    expect(isWorkingDay('2025-03-10')).toBe(true); // Monday
    expect(addWorkingDays('2025-03-07', 1)).toBe('2025-03-10');
  });
});

describe('regional closures', () => {
  it('Ningxia closes for 古尔邦节 2023 (29–30 June); Henan works', () => {
    expect(isWorkingDay('2023-06-29', { region: JINFENG })).toBe(false);
    expect(isWorkingDay('2023-06-29', { region: ANYANG })).toBe(true);
    expect(isWorkingDay('2023-06-29')).toBe(true);
    // From Wednesday 28 June, one working day: Thursday in Henan, Monday 3 July in Jinfeng.
    expect(addWorkingDays('2023-06-28', 1, { region: ANYANG })).toBe('2023-06-29');
    expect(addWorkingDays('2023-06-28', 1, { region: JINFENG })).toBe('2023-07-03');
    expect(workingDaysBetween('2023-06-26', '2023-07-03', { region: JINFENG })).toBe(3);
    expect(workingDaysBetween('2023-06-26', '2023-07-03', { region: ANYANG })).toBe(5);
    expect(calendarDaysBetween('2023-06-28', '2023-07-03', { region: JINFENG })).toEqual([
      { date: '2023-06-29', kind: 'holiday', name: '古尔邦节', regionPrefix: '64', weekday: 4 },
      { date: '2023-06-30', kind: 'holiday', name: '古尔邦节', regionPrefix: '64', weekday: 5 },
    ]);
  });

  it('the longest matching prefix wins, so a county can differ from its province', () => {
    const data: CalendarData = [
      { date: '2023-06-30', kind: 'workday', name: '金凤区值守', regionPrefix: '640106' },
    ];
    expect(isWorkingDay('2023-06-30', { region: JINFENG, data })).toBe(true);
    expect(isWorkingDay('2023-06-30', { region: '640104', data })).toBe(false);
  });
});

describe('years without their national notice are provisional, never refused', () => {
  it('counts 2027 on weekdays and says so, naming the year', () => {
    expect(calendarYearsCovered().at(-1)).toBe(2026);
    expect(hasNationalNotice(2027)).toBe(false);
    // Wed 2026-12-30 + 5: Thu 31, then Fri 1 January (no notice: a weekday), Mon 4 … Wed 6.
    expect(addWorkingDays('2026-12-30', 5)).toBe('2027-01-06');
    expect(workingDeadline('2026-12-30', 5)).toEqual({
      due: '2027-01-06',
      provisional: true,
      provisionalYears: [2027],
    });
    expect(workingDeadline('2026-12-23', 5)).toEqual({
      due: '2026-12-30',
      provisional: false,
      provisionalYears: [],
    });
  });

  it('gives a deadline from any day, years ahead, and counts back the same number of days', () => {
    // From Sunday 2031-06-15, 20 weekdays: four full weeks from Monday the 16th, Friday 11 July.
    const far = workingDeadline('2031-06-15', 20);
    expect(far).toEqual({ due: '2031-07-11', provisional: true, provisionalYears: [2031] });
    expect(workingDaysBetween('2031-06-15', far.due)).toBe(20);
    expect(provisionalYearsBetween('2026-06-01', '2029-01-02')).toEqual([2027, 2028, 2029]);
    expect(provisionalYearsBetween('2029-01-02', '2026-06-01')).toEqual([2027, 2028, 2029]);
    expect(isWorkingDay('2021-06-01')).toBe(true); // a Tuesday of a year the package carries
    expect(() => isWorkingDay('2021-06-01')).not.toThrow(CalendarError);
  });

  it('counts the days entered in a provisional year, and a loaded notice makes the year final', () => {
    const y2027: CalendarData = [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }];
    // Entered but not loaded as a notice: still provisional, yet the holiday counts.
    expect(workingDeadline('2026-12-31', 1, { data: y2027 })).toEqual({
      due: '2027-01-04',
      provisional: true,
      provisionalYears: [2027],
    });
    const loaded = { data: y2027, noticeYears: [2027] };
    expect(workingDeadline('2026-12-31', 1, loaded)).toEqual({
      due: '2027-01-04',
      provisional: false,
      provisionalYears: [],
    });
    expect(calendarYearsCovered(loaded)).toEqual([...packageNoticeYears(), 2027]);
  });
});

describe('administrators correct the data', () => {
  it('a wrong day is corrected by an entry for the same date and region', () => {
    const fix: CalendarData = [{ date: '2022-10-07', kind: 'workday', name: '更正' }];
    expect(isWorkingDay('2022-10-07')).toBe(false);
    expect(isWorkingDay('2022-10-07', { data: fix })).toBe(true);
    expect(addWorkingDays('2022-09-30', 1, { data: fix })).toBe('2022-10-07');
  });
});

describe('bad input', () => {
  it.each(['2022-02-30', '2022-9-30', '30/09/2022', ''])('rejects the date %p', (date) => {
    expect(() => isWorkingDay(date)).toThrow(
      `${JSON.stringify(date)} is not a date: expected YYYY-MM-DD, e.g. 2022-09-30`,
    );
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects %p working days', (n) => {
    expect(() => addWorkingDays('2022-09-30', n)).toThrow(/whole number of at least 1/);
  });

  it('rejects a region that is not a code', () => {
    expect(() => isWorkingDay('2022-09-30', { region: 'ningxia' })).toThrow(/not a region code/);
  });

  it('rejects a calendar entry with an unknown kind', () => {
    const data = [{ date: '2022-10-10', kind: 'rest', name: 'x' }] as unknown as CalendarData;
    expect(() => isWorkingDay('2022-10-10', { data })).toThrow(/expected 'holiday' or 'workday'/);
  });
});

describe('properties (fixed seed)', () => {
  const start = fc
    .integer({ min: Date.UTC(2022, 0, 1), max: Date.UTC(2032, 5, 30) })
    .map((t) => new Date(t - (t % 86_400_000)).toISOString().slice(0, 10));
  const region = fc.constantFrom(undefined, JINFENG, ANYANG);
  const params = { seed: 20221012, numRuns: 300 };

  it('addWorkingDays lands on a working day after the start', () => {
    fc.assert(
      fc.property(start, fc.integer({ min: 1, max: 60 }), region, (s, n, r) => {
        const due = addWorkingDays(s, n, { region: r });
        return due > s && isWorkingDay(due, { region: r });
      }),
      params,
    );
  });

  it('workingDaysBetween(s, addWorkingDays(s, n)) = n, and the day before the due date is one short', () => {
    fc.assert(
      fc.property(start, fc.integer({ min: 1, max: 60 }), region, (s, n, r) => {
        const due = addWorkingDays(s, n, { region: r });
        const before = new Date(Date.parse(`${due}T00:00:00Z`) - 86_400_000)
          .toISOString()
          .slice(0, 10);
        return (
          workingDaysBetween(s, due, { region: r }) === n &&
          workingDaysBetween(s, before, { region: r }) === n - 1 &&
          workingDaysBetween(due, s, { region: r }) === -n
        );
      }),
      params,
    );
  });

  it('adding in two steps equals adding at once', () => {
    fc.assert(
      fc.property(
        start,
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 30 }),
        region,
        (s, a, b, r) =>
          addWorkingDays(addWorkingDays(s, a, { region: r }), b, { region: r }) ===
          addWorkingDays(s, a + b, { region: r }),
      ),
      params,
    );
  });
});
