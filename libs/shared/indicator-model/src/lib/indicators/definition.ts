import type { RoundingRule } from '../arith/rounding';
import { getMeasure, type MeasureCode } from '../measures/catalogue';

/** A measure in a sum; a weight of 2 counts it twice (Gansu's "two evaluations per offline case"). */
export interface Term {
  readonly measure: MeasureCode;
  readonly weight?: number;
}

/**
 * - ratio: factor × Σnumerator / Σdenominator; the complement variant is factor × (1 − ratio)
 *   (on-time rate = 1 − overdue rate; time-limit compression = 1 − promised / legal).
 * - growth: factor × (this period / base period − 1), same measures in both periods.
 * - sum: a plain count (registrations, e-licence records).
 * - reported: the platform prints the figure and its basis cannot be rebuilt from published
 *   counts (Xiqu's 主动评价率); `reference` is a naive ratio shown beside it, never used as it.
 */
export type Formula =
  | {
      readonly kind: 'ratio';
      readonly numerator: readonly Term[];
      readonly denominator: readonly Term[];
      readonly factor: number;
      readonly variant?: 'plain' | 'complement';
    }
  | {
      readonly kind: 'growth';
      readonly terms: readonly Term[];
      readonly base: 'same-period-last-year' | 'previous-period';
      readonly factor: number;
    }
  | { readonly kind: 'sum'; readonly terms: readonly Term[] }
  | {
      readonly kind: 'reported';
      readonly reference?: {
        readonly numerator: readonly Term[];
        readonly denominator: readonly Term[];
        readonly factor: number;
      };
    };

export type FormulaKind = Formula['kind'];

/** percent: percent points (98.87); ratio: a plain quotient (visits per item 0.03). */
export type IndicatorUnit = 'percent' | 'count' | 'ratio';

export type Polarity = 'higher-is-better' | 'lower-is-better' | 'neutral';

export interface PolicySource {
  /** The policy sentence the indicator or its target comes from, verbatim. */
  readonly textZh: string;
  /** The document, e.g. 嘉政办发〔2022〕100号. */
  readonly document: string;
}

export interface IndicatorDefinition {
  readonly code: string;
  /** Starts at 1; a formula change is a new version, old values stay reproducible. */
  readonly version: number;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly formula: Formula;
  readonly unit: IndicatorUnit;
  readonly polarity: Polarity;
  /** How the sources print it; derived values are rounded the same way before comparing. */
  readonly rounding: RoundingRule;
  /** Inclusive ISO date. */
  readonly validFrom: string;
  /** Exclusive ISO date; open when absent. */
  readonly validTo?: string;
  readonly policy: readonly PolicySource[];
  /** Why this rounding rule: the printed figures that decide it. */
  readonly roundingEvidence?: string;
  /** Free grouping for listings, e.g. 'items', 'evaluations', 'gansu-plan'. */
  readonly family: string;
}

export function termsOf(formula: Formula): Term[] {
  switch (formula.kind) {
    case 'ratio':
      return [...formula.numerator, ...formula.denominator];
    case 'growth':
    case 'sum':
      return [...formula.terms];
    case 'reported':
      return formula.reference
        ? [...formula.reference.numerator, ...formula.reference.denominator]
        : [];
  }
}

/** The measures a formula reads (for reported-only: its reference ratio's measures). */
export function formulaMeasures(formula: Formula): MeasureCode[] {
  return [...new Set(termsOf(formula).map((t) => t.measure))];
}

export function isDerivable(definition: IndicatorDefinition): boolean {
  return definition.formula.kind !== 'reported';
}

function termText(terms: readonly Term[], lang: 'zh' | 'en'): string {
  const parts = terms.map((term) => {
    const measure = getMeasure(term.measure);
    const label = measure ? (lang === 'zh' ? measure.labelZh : measure.labelEn) : term.measure;
    return term.weight !== undefined && term.weight !== 1 ? `${term.weight} × ${label}` : label;
  });
  return parts.length > 1 ? `(${parts.join(' + ')})` : (parts[0] ?? '0');
}

function factorText(factor: number): string {
  return factor === 1 ? '' : ` × ${factor}`;
}

/** Human-readable formula for the catalogue listing and "explain this number". */
export function describeFormula(formula: Formula, lang: 'zh' | 'en' = 'zh'): string {
  switch (formula.kind) {
    case 'ratio': {
      const ratio = `${termText(formula.numerator, lang)} ÷ ${termText(formula.denominator, lang)}`;
      return formula.variant === 'complement'
        ? `(1 − ${ratio})${factorText(formula.factor)}`
        : `${ratio}${factorText(formula.factor)}`;
    }
    case 'growth': {
      const base =
        formula.base === 'same-period-last-year'
          ? lang === 'zh'
            ? '上年同期'
            : 'same period last year'
          : lang === 'zh'
            ? '上期'
            : 'previous period';
      const current = termText(formula.terms, lang);
      return lang === 'zh'
        ? `(${current} ÷ ${base}${current} − 1)${factorText(formula.factor)}`
        : `(${current} ÷ ${current} of the ${base} − 1)${factorText(formula.factor)}`;
    }
    case 'sum':
      return termText(formula.terms, lang);
    case 'reported':
      return lang === 'zh'
        ? '平台报送值（无法由公开计数复算）'
        : 'reported by the platform (not derivable from published counts)';
  }
}
