import type {
  FormulaKind,
  IndicatorUnit,
  Polarity,
  PolicySource,
  RoundingRule,
} from '@efficacy/indicator-model';

/** One indicator in the catalogue listing (the version in force, or the newest). */
export interface IndicatorSummary {
  readonly code: string;
  readonly version: number;
  /** Every version of the code, oldest first. */
  readonly versions: readonly number[];
  readonly nameZh: string;
  readonly nameEn: string;
  readonly family: string;
  readonly unit: IndicatorUnit;
  readonly polarity: Polarity;
  readonly formulaKind: FormulaKind;
  /** False for platform-reported rates that cannot be rebuilt from counts. */
  readonly derivable: boolean;
  readonly formulaZh: string;
  readonly formulaEn: string;
  readonly rounding: RoundingRule;
  readonly validFrom: string;
  readonly validTo?: string;
  /** The Gansu (Jiayuguan) plan task this indicator measures, when it is one. */
  readonly gansuPlanTask?: { readonly seq: number; readonly titleZh: string };
}

export interface IndicatorVersion {
  readonly version: number;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly family: string;
  readonly unit: IndicatorUnit;
  readonly polarity: Polarity;
  readonly formulaKind: FormulaKind;
  readonly derivable: boolean;
  readonly formulaZh: string;
  readonly formulaEn: string;
  /** The base measures the formula reads, with their labels. */
  readonly measures: ReadonlyArray<{
    readonly code: string;
    readonly labelZh: string;
    readonly labelEn: string;
  }>;
  readonly rounding: RoundingRule;
  readonly roundingEvidence?: string;
  readonly validFrom: string;
  readonly validTo?: string;
  readonly policy: readonly PolicySource[];
}

export interface IndicatorDetail {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly versions: readonly IndicatorVersion[];
  readonly gansuPlanTask?: { readonly seq: number; readonly titleZh: string };
}
