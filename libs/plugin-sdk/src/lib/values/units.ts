import { normaliseText, squashWhitespace } from '../text/normalise';

/**
 * Units of measure as the files print them: in a header ("办件量(万件)", "法定时限(工作日)",
 * "线下参评率(%)"), in a line above the table ("单位：万件") or in a cell's number format
 * (0.00"万件"). A figure is stored in its base unit (件, 个, 人 …): the scale comes from the
 * unit the file states, never from a multiplier written into a mapping.
 */

export type UnitDimension = 'count' | 'percent' | 'duration' | 'money';

export interface MeasureUnit {
  /** As printed, after NFKC: 万件, 件, %, 工作日. */
  symbol: string;
  dimension: UnitDimension;
  /** The unit figures are stored in: 件 for 万件; 天 for 日. */
  base: string;
  /** Base units per printed unit: 10 000 for 万件. */
  scale: number;
}

/** Where a column's unit was read. */
export type UnitSource = 'header' | 'number-format' | 'title' | 'default';

const COUNT_UNITS = [
  '件',
  '个',
  '项',
  '次',
  '人',
  '人次',
  '种',
  '条',
  '户',
  '家',
  '份',
  '张',
  '本',
  '批',
  '宗',
  '笔',
  '类',
];
const DURATION_UNITS: Record<string, string> = {
  天: '天',
  日: '天',
  个工作日: '工作日',
  工作日: '工作日',
  小时: '小时',
  时: '小时',
  分钟: '分钟',
};
const MULTIPLIERS: Record<string, number> = {
  十: 10,
  百: 100,
  千: 1_000,
  万: 10_000,
  亿: 100_000_000,
};

/** The unit a symbol stands for, or undefined when it is not a unit ("其中", "含测试件"). */
export function parseUnit(text: string): MeasureUnit | undefined {
  const symbol = squashWhitespace(normaliseText(text));
  if (symbol === '') return undefined;
  if (symbol === '%' || symbol === '百分比' || symbol === '百分点') {
    return { symbol: '%', dimension: 'percent', base: '%', scale: 1 };
  }
  const duration = DURATION_UNITS[symbol];
  if (duration !== undefined) return { symbol, dimension: 'duration', base: duration, scale: 1 };
  const multiplier = MULTIPLIERS[symbol[0] ?? ''];
  const rest = multiplier !== undefined ? symbol.slice(1) : symbol;
  if (rest === '元') {
    return { symbol, dimension: 'money', base: '元', scale: multiplier ?? 1 };
  }
  if (COUNT_UNITS.includes(rest)) {
    return { symbol, dimension: 'count', base: rest, scale: multiplier ?? 1 };
  }
  // "万" alone: ten thousand of whatever the column counts.
  if (symbol === '万' || symbol === '亿') {
    return { symbol, dimension: 'count', base: '', scale: MULTIPLIERS[symbol] ?? 1 };
  }
  return undefined;
}

const PARENTHESISED = /[(（]([^()（）]*)[)）]\s*$/;
const UNIT_PHRASE = /(?:计量)?单位\s*[:：]\s*([^\s,，;；、)）]+)/;

/**
 * The unit a header label states: a trailing "(万件)", "（单位：件）" or "%". Only the last
 * annotation counts, and only when it is a unit ("(其中)" is not).
 */
export function unitFromLabel(label: string): MeasureUnit | undefined {
  const text = normaliseText(label);
  const phrase = UNIT_PHRASE.exec(text);
  if (phrase?.[1]) return parseUnit(phrase[1]);
  const annotation = PARENTHESISED.exec(text);
  if (annotation?.[1] !== undefined) return parseUnit(annotation[1]);
  if (/%\s*$/.test(text)) return parseUnit('%');
  return undefined;
}

/** The unit a header path states, innermost label first ("办件量 / (万件)" too). */
export function unitFromPath(path: readonly string[]): MeasureUnit | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    const label = path[i] ?? '';
    // An inner header row may hold the unit alone ("办件量" over "(万件)" or "万件").
    const unit =
      unitFromLabel(label) ?? (i > 0 ? parseUnit(label.replace(/^[(（]|[)）]$/g, '')) : undefined);
    if (unit) return unit;
  }
  return undefined;
}

/** A "单位：万件" phrase in the title lines above a table. */
export function unitFromTitle(texts: readonly string[]): MeasureUnit | undefined {
  for (const text of texts) {
    const phrase = UNIT_PHRASE.exec(normaliseText(text));
    const unit = phrase?.[1] ? parseUnit(phrase[1]) : undefined;
    if (unit) return unit;
  }
  return undefined;
}

/** A literal unit in a number format: 0.00"万件", #,##0"件", 0.00%. */
export function unitFromNumberFormat(numFmt: string | undefined): MeasureUnit | undefined {
  if (!numFmt) return undefined;
  const section = numFmt.split(';')[0] ?? '';
  const literal = /"([^"]+)"\s*$/.exec(section);
  if (literal?.[1]) return parseUnit(literal[1]);
  if (section.replace(/"[^"]*"/g, '').includes('%')) return parseUnit('%');
  return undefined;
}

/**
 * Does a printed number fit its unit? Under a unit of ten thousand or more, a number at least
 * as large as the multiplier (306000 under 万件) is almost certainly printed in the base unit;
 * under a whole unit (件, 个, 人), a fraction (30.6 under 件) is almost certainly printed in
 * 万. Percentages, durations and money are not judged.
 */
export function magnitudeAgrees(value: number, unit: MeasureUnit): boolean {
  if (unit.dimension !== 'count') return true;
  if (unit.scale > 1) return Math.abs(value) < unit.scale;
  return Number.isInteger(value);
}

/** Two units measure the same thing (件 and 万件), so one converts into the other. */
export function sameBase(a: MeasureUnit, b: MeasureUnit): boolean {
  return a.dimension === b.dimension && (a.base === b.base || a.base === '' || b.base === '');
}

/** The base unit of a unit: 件 for 万件. */
export function baseUnitOf(unit: MeasureUnit): MeasureUnit {
  return { symbol: unit.base || unit.symbol, dimension: unit.dimension, base: unit.base, scale: 1 };
}
