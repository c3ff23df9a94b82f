import type { Change, IndicatorUnit, ValueSummary } from '@efficacy/api-contract';

/** Digits after the point: percentages are printed with two, as in the bulletins. */
export function fixed(value: number, digits = 2): string {
  return value.toFixed(digits);
}

/** Thousands grouping without decimals: 12,009. */
export function grouped(value: number): string {
  return new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }).format(value);
}

/**
 * Large counts the way the bulletins write them: 4.79万 for 47,903; 25.2万 for 252,000;
 * smaller counts in full (12,009 stays exact below 10万 only when asked for).
 */
export function wan(value: number, threshold = 10_000): string {
  if (Math.abs(value) < threshold) return grouped(value);
  const scaled = value / 10_000;
  const text = scaled.toFixed(2).replace(/\.?0+$/, '');
  return `${text}万`;
}

const SYMBOLS: Record<string, string> = {
  not_connected: '/',
  not_applicable: '-',
  missing: '—',
};

/** A value as a cell shows it: "98.95%", "/" (not connected), "-" (not applicable), "—" (no figure). */
export function valueText(value: ValueSummary | undefined, unit: IndicatorUnit): string {
  if (!value) return '—';
  if (value.status !== 'number' || value.value === undefined) return SYMBOLS[value.status] ?? '—';
  if (unit === 'percent') return `${value.display || fixed(value.value)}%`;
  if (unit === 'count') return wan(value.value);
  return value.display || String(value.value);
}

/** A target value as the bulletins print it: 98.5% (not 98.50%), ≥ 2. */
export function targetText(
  comparator: string,
  value: number | undefined,
  unit: IndicatorUnit,
): string {
  if (value === undefined) return '';
  const sign =
    comparator === '>=' ? '≥ ' : comparator === '<=' ? '≤ ' : comparator === '=' ? '= ' : '';
  return `${sign}${value}${unit === 'percent' ? '%' : ''}`;
}

/** Signed change: "+0.12", "-1.30"; percentages move in percentage points. */
export function deltaText(change: Change | undefined, unit: IndicatorUnit): string {
  if (!change || change.delta === undefined) return '';
  const digits = unit === 'percent' ? 2 : unit === 'ratio' ? 2 : 0;
  const text = Math.abs(change.delta).toFixed(digits);
  return change.delta > 0 ? `+${text}` : change.delta < 0 ? `-${text}` : text;
}

/** Gaps: two decimals for rates, whole numbers for counts. */
export function gapText(gap: number, unit: IndicatorUnit): string {
  return unit === 'count' ? grouped(gap) : fixed(gap, 2);
}
