import type { Comparator, ValueUnit } from '../contract/batch';
import { cleanFloat } from '../grid/number-format';

/**
 * Helpers for plans (Gansu's capability plan): targets written as prose ("不低于15.75万人",
 * "达到100%", "≤0.03"), deadlines ("2022年10月25日前并长期坚持") and responsible-unit lists.
 */

export interface ParsedTarget {
  comparator: Comparator;
  /** True when the text had no comparator word and ">=" was assumed (targets are floors). */
  comparatorAssumed: boolean;
  value: number;
  unit: ValueUnit;
  raw: string;
}

// Longest, negated forms first: "不低于" must not be read as "低于".
const COMPARATOR_WORDS: ReadonlyArray<[string, Comparator]> = [
  ['不低于', '>='],
  ['不少于', '>='],
  ['不小于', '>='],
  ['不高于', '<='],
  ['不超过', '<='],
  ['不大于', '<='],
  ['不多于', '<='],
  ['至少', '>='],
  ['达到', '>='],
  ['≥', '>='],
  ['>=', '>='],
  ['≤', '<='],
  ['<=', '<='],
  ['控制在', '<='],
  ['低于', '<'],
  ['少于', '<'],
  ['小于', '<'],
  ['高于', '>'],
  ['超过', '>'],
  ['大于', '>'],
  ['等于', '='],
  ['为', '='],
  ['<', '<'],
  ['>', '>'],
  ['=', '='],
];
const SUFFIX_WORDS: ReadonlyArray<[string, Comparator]> = [
  ['以上', '>='],
  ['及以上', '>='],
  ['以下', '<='],
  ['及以下', '<='],
  ['以内', '<='],
];
const MULTIPLIERS: Record<string, number> = { 万: 10_000, 亿: 100_000_000 };

/**
 * Parses the first target figure in a sentence. Returns undefined when there is no number.
 * The comparator is the nearest comparator word before the number (within the clause), or a
 * suffix such as 以上 right after it.
 */
export function parseTarget(text: string): ParsedTarget | undefined {
  const source = text.normalize('NFKC').replace(/\s+/g, '');
  const match = /(\d+(?:\.\d+)?)(万|亿)?(%)?/.exec(source);
  if (!match) return undefined;
  const [whole, digits = '', multiplier, percent] = match;
  const value = cleanFloat(Number(digits) * (multiplier ? (MULTIPLIERS[multiplier] ?? 1) : 1));
  const before =
    source
      .slice(0, match.index)
      .split(/[,;。，；]/)
      .pop() ?? '';
  const after = source.slice(match.index + whole.length).replace(/^[个人件项种条次家]/, '');
  let comparator: Comparator | undefined;
  let position = -1;
  for (const [word, candidate] of COMPARATOR_WORDS) {
    const at = before.lastIndexOf(word);
    // Take the word closest to the number; at equal positions the longer (earlier) word wins.
    if (at >= 0 && at + word.length > position) {
      comparator = candidate;
      position = at + word.length;
    }
  }
  for (const [word, candidate] of SUFFIX_WORDS) if (after.startsWith(word)) comparator = candidate;
  const unit: ValueUnit = percent ? 'percent' : Number.isInteger(value) ? 'count' : 'number';
  return {
    comparator: comparator ?? '>=',
    comparatorAssumed: comparator === undefined,
    value,
    unit,
    raw: text.trim(),
  };
}

export interface ParsedDeadline {
  /** YYYY-MM-DD, when the text names a date. */
  date?: string;
  /** "并长期坚持", "长期坚持", "持续推进": the task stays open after the date. */
  ongoing: boolean;
  raw: string;
}

function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  )
    return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses "2022年10月25日前并长期坚持", "10月20日前", "2022年底前", "2022-10-25". */
export function parseDeadline(text: string, options: { year?: number } = {}): ParsedDeadline {
  const source = text.normalize('NFKC').replace(/\s+/g, '');
  const ongoing = /长期坚持|持续推进|长期推进|常态化/.test(source);
  const result: ParsedDeadline = { ongoing, raw: text.trim() };
  let m: RegExpExecArray | null;
  let date: string | undefined;
  if ((m = /(\d{4})[-./](\d{1,2})[-./](\d{1,2})/.exec(source))) {
    date = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  } else if ((m = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日/.exec(source))) {
    const year = m[1] ? Number(m[1]) : options.year;
    if (year !== undefined) date = isoDate(year, Number(m[2]), Number(m[3]));
  } else if ((m = /(?:(\d{4})年)?(\d{1,2})月(?:底|末)/.exec(source))) {
    const year = m[1] ? Number(m[1]) : options.year;
    if (year !== undefined) date = isoDate(year, Number(m[2]), lastDayOfMonth(year, Number(m[2])));
  } else if ((m = /(?:(\d{4})年)?年?(?:底|末)/.exec(source)) && /年(?:底|末)/.test(source)) {
    const year = m[1] ? Number(m[1]) : options.year;
    if (year !== undefined) date = isoDate(year, 12, 31);
  }
  if (date) result.date = date;
  return result;
}

/** Splits "各街道办事处、郊区工作办公室、市政府各部门" into its units (punctuation only: 和/及 occur inside names). */
export function splitUnitList(text: string): string[] {
  return text
    .split(/[、,，;；\n]+/)
    .map((part) =>
      part
        .trim()
        .replace(/[。.]$/, '')
        .replace(/等$/, '')
        .trim(),
    )
    .filter((part) => part !== '');
}
