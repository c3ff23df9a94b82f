import chineseDays from 'chinese-days/dist/chinese-days.json';

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

/**
 * The package labels a day `English,中文,n`; the notices name the festivals a little longer
 * (清明节, not 清明). Names are data for people reading a deadline, never compared by code.
 */
const NOTICE_NAMES: Readonly<Record<string, string>> = {
  清明: '清明节',
  端午: '端午节',
  中秋: '中秋节',
};

function noticeName(label: string): string {
  const zh = label.split(',')[1] ?? label;
  return NOTICE_NAMES[zh] ?? zh;
}

/**
 * Weekend days of a break that the notice names and the package leaves out (they are days
 * off either way, so no deadline moves; listing them lets a deadline say what it crossed).
 */
const PACKAGE_OMISSIONS: CalendarData = [
  // 国办发明电〔2023〕7号: 元旦 2023-12-30 至 2024-01-01; 端午节 6月8日至10日.
  { date: '2023-12-30', kind: 'holiday', name: '元旦' },
  { date: '2023-12-31', kind: 'holiday', name: '元旦' },
  { date: '2024-06-08', kind: 'holiday', name: '端午节' },
  { date: '2024-06-09', kind: 'holiday', name: '端午节' },
];

/**
 * The national notices in the `chinese-days` package (国务院办公厅关于YYYY年部分节假日安排的通知,
 * 2004 onwards as the package ships them): every day of each break (weekends included, so a
 * deadline can name what it crossed) and every weekend day worked instead (调休上班).
 */
export const NATIONAL_CALENDAR: CalendarData = [
  ...PACKAGE_OMISSIONS,
  ...Object.entries(chineseDays.holidays).map(([date, label]) => ({
    date,
    kind: 'holiday' as const,
    name: noticeName(label),
  })),
  ...Object.entries(chineseDays.workdays).map(([date, label]) => ({
    date,
    kind: 'workday' as const,
    name: `${noticeName(label)}调休上班`,
  })),
].sort((a, b) => a.date.localeCompare(b.date));

/**
 * Years whose national notice the package carries. A holiday of a notice can fall in the
 * year before (2023's 元旦 break starts on 2022-12-31), so a year counts when the package
 * lists its 春节, which every notice has.
 */
export const PACKAGE_NOTICE_YEARS: readonly number[] = [
  ...new Set(
    Object.entries(chineseDays.holidays)
      .filter(([, label]) => label.split(',')[1] === '春节')
      .map(([date]) => Number(date.slice(0, 4))),
  ),
].sort((a, b) => a - b);

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
