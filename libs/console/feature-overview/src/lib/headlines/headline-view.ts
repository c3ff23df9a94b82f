import type { Assessment } from '@efficacy/api-contract';

export interface HeadlineView {
  readonly assessment: Assessment | null;
  /** No headline indicator has a figure or a target here, so every indicator is shown. */
  readonly fallback: boolean;
  /** Indicators with data that the headline view leaves out. */
  readonly hidden: number;
}

/**
 * The assessment narrowed to the headline indicators, in their configured order. When none
 * of them has data for this region and period, the page shows everything rather than nothing.
 */
export function headlineView(
  assessment: Assessment | null,
  headlines: readonly string[] | null,
  showAll: boolean,
): HeadlineView {
  if (!assessment) return { assessment: null, fallback: false, hidden: 0 };
  if (showAll || !headlines) return { assessment, fallback: false, hidden: 0 };
  const order = new Map(headlines.map((code, i) => [code, i]));
  const indicators = assessment.indicators
    .filter((i) => order.has(i.code))
    .sort((a, b) => (order.get(a.code) ?? 0) - (order.get(b.code) ?? 0));
  if (indicators.length === 0) return { assessment, fallback: true, hidden: 0 };
  return {
    assessment: { ...assessment, indicators },
    fallback: false,
    hidden: assessment.indicators.length - indicators.length,
  };
}
