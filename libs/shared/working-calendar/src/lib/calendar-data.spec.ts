import { NATIONAL_CALENDAR, PACKAGE_NOTICE_YEARS } from './calendar-data';
import type { CalendarData, CalendarDay } from './calendar-data';

function days(from: string, to: string, kind: CalendarDay['kind'], name: string): CalendarDay[] {
  const out: CalendarDay[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end; t += 86_400_000)
    out.push({ date: new Date(t).toISOString().slice(0, 10), kind, name });
  return out;
}
const off = (from: string, to: string, name: string) => days(from, to, 'holiday', name);
const on = (date: string, name: string) => days(date, date, 'workday', `${name}调休上班`);

/**
 * The national days as they were typed into this library from the State Council notices
 * 2022–2026 before the `chinese-days` package replaced them, kept here verbatim to prove
 * that the switch changed no day.
 */
const TYPED_2022_2026: CalendarData = [
  // 2022: 国办发明电〔2021〕11号
  ...off('2022-01-01', '2022-01-03', '元旦'),
  ...off('2022-01-31', '2022-02-06', '春节'),
  ...on('2022-01-29', '春节'),
  ...on('2022-01-30', '春节'),
  ...off('2022-04-03', '2022-04-05', '清明节'),
  ...on('2022-04-02', '清明节'),
  ...off('2022-04-30', '2022-05-04', '劳动节'),
  ...on('2022-04-24', '劳动节'),
  ...on('2022-05-07', '劳动节'),
  ...off('2022-06-03', '2022-06-05', '端午节'),
  ...off('2022-09-10', '2022-09-12', '中秋节'),
  ...off('2022-10-01', '2022-10-07', '国庆节'),
  ...on('2022-10-08', '国庆节'),
  ...on('2022-10-09', '国庆节'),

  // 2023: 国办发明电〔2022〕16号 (its 元旦 break starts on 2022-12-31)
  ...off('2022-12-31', '2023-01-02', '元旦'),
  ...off('2023-01-21', '2023-01-27', '春节'),
  ...on('2023-01-28', '春节'),
  ...on('2023-01-29', '春节'),
  ...off('2023-04-05', '2023-04-05', '清明节'),
  ...off('2023-04-29', '2023-05-03', '劳动节'),
  ...on('2023-04-23', '劳动节'),
  ...on('2023-05-06', '劳动节'),
  ...off('2023-06-22', '2023-06-24', '端午节'),
  ...on('2023-06-25', '端午节'),
  ...off('2023-09-29', '2023-10-06', '中秋节、国庆节'),
  ...on('2023-10-07', '国庆节'),
  ...on('2023-10-08', '国庆节'),

  // 2024: 国办发明电〔2023〕7号
  ...off('2023-12-30', '2024-01-01', '元旦'),
  ...off('2024-02-10', '2024-02-17', '春节'),
  ...on('2024-02-04', '春节'),
  ...on('2024-02-18', '春节'),
  ...off('2024-04-04', '2024-04-06', '清明节'),
  ...on('2024-04-07', '清明节'),
  ...off('2024-05-01', '2024-05-05', '劳动节'),
  ...on('2024-04-28', '劳动节'),
  ...on('2024-05-11', '劳动节'),
  ...off('2024-06-08', '2024-06-10', '端午节'),
  ...off('2024-09-15', '2024-09-17', '中秋节'),
  ...on('2024-09-14', '中秋节'),
  ...off('2024-10-01', '2024-10-07', '国庆节'),
  ...on('2024-09-29', '国庆节'),
  ...on('2024-10-12', '国庆节'),

  // 2025: 国办发明电〔2024〕12号
  ...off('2025-01-01', '2025-01-01', '元旦'),
  ...off('2025-01-28', '2025-02-04', '春节'),
  ...on('2025-01-26', '春节'),
  ...on('2025-02-08', '春节'),
  ...off('2025-04-04', '2025-04-06', '清明节'),
  ...off('2025-05-01', '2025-05-05', '劳动节'),
  ...on('2025-04-27', '劳动节'),
  ...off('2025-05-31', '2025-06-02', '端午节'),
  ...off('2025-10-01', '2025-10-08', '国庆节、中秋节'),
  ...on('2025-09-28', '国庆节'),
  ...on('2025-10-11', '国庆节'),

  // 2026: 国办发明电〔2025〕7号
  ...off('2026-01-01', '2026-01-03', '元旦'),
  ...on('2026-01-04', '元旦'),
  ...off('2026-02-15', '2026-02-23', '春节'),
  ...on('2026-02-14', '春节'),
  ...on('2026-02-28', '春节'),
  ...off('2026-04-04', '2026-04-06', '清明节'),
  ...off('2026-05-01', '2026-05-05', '劳动节'),
  ...on('2026-05-09', '劳动节'),
  ...off('2026-06-19', '2026-06-21', '端午节'),
  ...off('2026-09-25', '2026-09-27', '中秋节'),
  ...off('2026-10-01', '2026-10-07', '国庆节'),
  ...on('2026-09-20', '国庆节'),
  ...on('2026-10-10', '国庆节'),
];

const inRange = (d: CalendarDay) => d.date >= '2022-01-01' && d.date <= '2026-12-31';

describe('national days from the chinese-days package', () => {
  it('carries the notices 2004–2026, without gaps', () => {
    expect(PACKAGE_NOTICE_YEARS[0]).toBe(2004);
    expect(PACKAGE_NOTICE_YEARS.at(-1)).toBeGreaterThanOrEqual(2026);
    expect(PACKAGE_NOTICE_YEARS).toEqual(
      Array.from({ length: PACKAGE_NOTICE_YEARS.length }, (_, i) => 2004 + i),
    );
  });

  it('has, day for day, the same holidays and 调休 days 2022–2026 as the calendar typed from the notices', () => {
    const key = (d: CalendarDay) => `${d.date} ${d.kind}`;
    const typed = TYPED_2022_2026.filter(inRange).map(key).sort();
    const packaged = NATIONAL_CALENDAR.filter(inRange).map(key).sort();
    expect(packaged).toEqual(typed);
    expect(packaged).toHaveLength(typed.length);
  });

  it('names each day as the notice does, except where one break covers two festivals', () => {
    const byDate = new Map(NATIONAL_CALENDAR.map((d) => [d.date, d.name]));
    const renamed = TYPED_2022_2026.filter(inRange)
      .filter((d) => byDate.get(d.date) !== d.name)
      .map((d) => `${d.date} ${d.name} → ${byDate.get(d.date)}`);
    // 中秋节、国庆节 (2023) and 国庆节、中秋节 (2025): the package names each day by one festival.
    expect(renamed).toHaveLength(16);
    expect(renamed.every((r) => /中秋节、国庆节|国庆节、中秋节/.test(r))).toBe(true);
  });
});
