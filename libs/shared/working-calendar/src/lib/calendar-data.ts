/**
 * One day that differs from the plain Monday–Friday week: a day off (`holiday`, national
 * or regional) or a weekend day worked instead (`workday`, 调休上班).
 *
 * `regionPrefix` limits the entry to regions whose GB/T 2260 code starts with it
 * (`'64'` = Ningxia and every city and county in it). Without it the entry is national.
 */
export interface CalendarDay {
  /** ISO date, `YYYY-MM-DD`. */
  readonly date: string;
  readonly kind: 'holiday' | 'workday';
  /** Chinese name as the notice prints it, kept as data. */
  readonly name: string;
  readonly regionPrefix?: string;
}

/**
 * Calendar data: the shipped defaults, or administrators' overrides merged over them
 * (an override replaces the default entry for the same date and region prefix).
 */
export type CalendarData = readonly CalendarDay[];

function days(
  from: string,
  to: string,
  kind: CalendarDay['kind'],
  name: string,
  regionPrefix?: string,
): CalendarDay[] {
  const out: CalendarDay[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end; t += 86_400_000) {
    const date = new Date(t).toISOString().slice(0, 10);
    out.push(regionPrefix ? { date, kind, name, regionPrefix } : { date, kind, name });
  }
  return out;
}

const off = (from: string, to: string, name: string) => days(from, to, 'holiday', name);
const on = (date: string, name: string) => days(date, date, 'workday', `${name}调休上班`);

/**
 * National public holidays and adjusted working days, from the State Council General
 * Office notices 国务院办公厅关于YYYY年部分节假日安排的通知. Each holiday lists every day of
 * the break (weekend days included) so that a deadline can name what it crossed.
 */
export const NATIONAL_CALENDAR: CalendarData = [
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

const NINGXIA = '64';
const ningxia = (from: string, to: string, name: string) =>
  days(from, to, 'holiday', name, NINGXIA);

/**
 * Regional closures on top of the national calendar, keyed by region code prefix.
 *
 * Ningxia (64xxxx) closes for 开斋节 and 古尔邦节 as set each year by 宁夏回族自治区人民政府
 * 办公厅关于YYYY年部分节假日安排的通知 (under 《全国年节及纪念日放假办法》 art. 4, which lets
 * autonomous regions fix the days of ethnic festivals).
 * - 2022: 开斋节 fell inside the national 劳动节 break (4/30–5/4), so no extra day;
 *   古尔邦节 7月11日至12日.
 * - 2023: 开斋节 4月22日 (a Saturday, no weekday lost); 古尔邦节 6月29日至30日.
 * - 2024–2026: the festival day announced by the China Islamic Association (and for 2024
 *   开斋节 the two days of the regional notice); administrators must check the second day
 *   of each closure against that year's regional notice and add it as an override.
 *   A missing closure day only makes a deadline one day earlier, never later.
 */
export const REGIONAL_CALENDAR: CalendarData = [
  ...ningxia('2022-07-11', '2022-07-12', '古尔邦节'),
  ...ningxia('2023-04-22', '2023-04-22', '开斋节'),
  ...ningxia('2023-06-29', '2023-06-30', '古尔邦节'),
  ...ningxia('2024-04-10', '2024-04-11', '开斋节'),
  ...ningxia('2024-06-17', '2024-06-17', '古尔邦节'),
  ...ningxia('2025-03-31', '2025-03-31', '开斋节'),
  ...ningxia('2025-06-06', '2025-06-06', '古尔邦节'),
  ...ningxia('2026-03-20', '2026-03-20', '开斋节'),
  ...ningxia('2026-05-27', '2026-05-27', '古尔邦节'),
];

/** The shipped defaults: national plus regional. */
export const DEFAULT_CALENDAR: CalendarData = [...NATIONAL_CALENDAR, ...REGIONAL_CALENDAR];
