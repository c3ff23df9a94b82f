import type { AssessmentRow, IndicatorAssessment } from '@efficacy/assessment-engine';
import type {
  IndicatorUnit,
  Polarity,
  RegionLevel,
  RoundingRule,
  TargetComparator,
} from '@efficacy/indicator-model';

/** GET /api/regions: the region tree within the user's scope. */
export interface RegionNode {
  readonly code: string;
  readonly level: RegionLevel;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly parentCode?: string;
  /** True for township and village codes Efficacy generated (no GB/T 2260 code exists). */
  readonly generatedCode: boolean;
  /** Units attached directly to this region. */
  readonly unitCount: number;
  readonly children: readonly RegionNode[];
}

export interface RegionRef {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
}

/** GET /api/units (and the units of a region). */
export interface UnitListItem {
  readonly id: string;
  readonly kind: string;
  readonly nameZh: string;
  readonly nameEn?: string;
  readonly regionCode: string;
  readonly aliases: readonly string[];
  readonly validFrom?: string;
  readonly validTo?: string;
}

/** GET /api/regions/:code */
export interface RegionDetail {
  readonly code: string;
  readonly level: RegionLevel;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly generatedCode: boolean;
  readonly validFrom?: string;
  readonly validTo?: string;
  readonly asOf: string;
  /** From the parent up to the root; regions above the user's scope appear by name only. */
  readonly ancestors: ReadonlyArray<RegionRef & { readonly inScope: boolean }>;
  readonly children: ReadonlyArray<
    RegionRef & { readonly level: RegionLevel; readonly unitCount: number }
  >;
  readonly units: readonly UnitListItem[];
}

/** GET /api/regions/:code/children: one level of the tree, for a view that opens level by level. */
export interface RegionChild {
  readonly code: string;
  readonly level: RegionLevel;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly generatedCode: boolean;
  readonly validFrom?: string;
  readonly validTo?: string;
  /** Regions directly below it. */
  readonly childCount: number;
  /** Active units attached directly to it. */
  readonly unitCount: number;
}

/** GET /api/regions/search: a region in scope whose code begins with, or whose name holds, the query. */
export interface RegionSearchHit {
  readonly code: string;
  readonly level: RegionLevel;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly validFrom?: string;
  readonly validTo?: string;
  /** Its ancestors from the top down to its parent, by name (those above the scope too). */
  readonly path: readonly RegionRef[];
}

/** A merge, split or rename of regions, from its day on (GET /api/regions/:code/successions). */
export interface RegionSuccession {
  readonly id: string;
  readonly kind: 'merge' | 'split' | 'rename';
  readonly date: string;
  readonly from: readonly string[];
  readonly to: readonly string[];
  readonly note?: string;
  /** The edition that stated it; absent when an administrator recorded it. */
  readonly edition?: string;
  readonly recordedBy: string;
  readonly recordedAt: string;
}

/** POST /api/regions/successions */
export interface RecordRegionSuccessionRequest {
  readonly kind: 'merge' | 'split' | 'rename';
  /** The day the change took effect: the old regions' last day is the day before. */
  readonly date: string;
  readonly from: readonly string[];
  /** Successors; a code the registry lacks is created with `nameZh` beside its predecessor. */
  readonly to: ReadonlyArray<{ readonly code: string; readonly nameZh?: string }>;
  readonly note?: string;
}

export interface RecordRegionSuccessionResult {
  readonly succession: RegionSuccession;
  /** Regions created as successors. */
  readonly created: readonly string[];
  /** Child regions and units moved to the successor (merge and rename; a split moves none). */
  readonly movedRegions: number;
  readonly movedUnits: number;
}

/** POST /api/units */
export interface AddUnitRequest {
  readonly regionCode: string;
  /** Lower-case ASCII; the unit id is `<regionCode>:<slug>`. */
  readonly slug: string;
  readonly kind: string;
  readonly nameZh: string;
  readonly nameEn?: string;
  readonly aliases?: readonly string[];
}

export interface UnitAliasDetail {
  readonly alias: string;
  readonly createdBy: string;
  readonly createdAt: string;
}

/** GET /api/units/:id */
export interface UnitDetail extends UnitListItem {
  readonly region: RegionRef;
  readonly aliasDetails: readonly UnitAliasDetail[];
}

/** GET /api/indicators: one entry of the catalogue. */
export interface IndicatorSummary {
  readonly code: string;
  readonly version: number;
  readonly versions: readonly number[];
  readonly nameZh: string;
  readonly nameEn: string;
  readonly family: string;
  readonly unit: IndicatorUnit;
  readonly polarity: Polarity;
  readonly formulaKind: string;
  /** False for platform-reported rates that cannot be rebuilt from counts. */
  readonly derivable: boolean;
  readonly formulaZh: string;
  readonly formulaEn: string;
  readonly rounding: RoundingRule;
  readonly validFrom: string;
  readonly validTo?: string;
}

/** GET /api/rankings: the children of a region ranked on one indicator. */
export interface Ranking {
  readonly regionCode: string;
  readonly regionNameZh: string;
  readonly regionNameEn: string;
  readonly period: string;
  readonly periodLabelZh: string;
  readonly asOf: string;
  readonly indicator: Pick<
    IndicatorAssessment,
    | 'code'
    | 'version'
    | 'nameZh'
    | 'nameEn'
    | 'unit'
    | 'polarity'
    | 'rounding'
    | 'formulaZh'
    | 'formulaEn'
  >;
  readonly region: AssessmentRow;
  /** Children with a rank: those that reported a number and are not partial aggregates. */
  readonly ranked: number;
  /** Children the registry expects to be ranked (units of the kinds that count, sub-regions). */
  readonly expected: number;
  readonly rows: readonly RankingRow[];
}

/** A ranked row says what it ranks among: "11 个已报送中第 8（应报 17）", never "8 / 11". */
export interface RankingRow extends AssessmentRow {
  readonly rankLabelZh?: string;
  readonly rankLabelEn?: string;
  /** Why a row has no rank: "-" (not applicable), "/", nothing in the file, or partial. */
  readonly unranked?: 'not_applicable' | 'not_connected' | 'missing' | 'partial' | 'neutral';
}

/** GET /api/targets: a target as it applies to one region, its own or inherited. */
export interface TargetView {
  readonly id: string;
  readonly indicator: string;
  readonly indicatorNameZh: string;
  readonly indicatorNameEn: string;
  readonly regionCode: string;
  readonly regionNameZh: string;
  readonly year: number;
  readonly comparator: TargetComparator;
  readonly value?: number;
  /** As a bulletin prints it: "≥ 40", "持续优化提升". */
  readonly textZh: string;
  /** Where it was set: the region itself, or the ancestor it is inherited from. */
  readonly setOn: string;
  readonly setOnNameZh: string;
  readonly inherited: boolean;
  readonly setBy: string;
  readonly setAt: string;
  readonly deadline?: string;
  readonly ongoing?: boolean;
  readonly responsibleZh?: string;
  readonly noteZh?: string;
  readonly source?: string;
}

/** PUT /api/targets */
export interface SetTargetRequest {
  readonly indicator: string;
  readonly regionCode: string;
  readonly year: number;
  readonly comparator: TargetComparator;
  /** In the indicator's display unit: 40 for 40%; absent for "improve". */
  readonly value?: number;
  readonly deadline?: string;
  readonly ongoing?: boolean;
  readonly responsibleZh?: string;
  readonly noteZh?: string;
  readonly source?: string;
}

export interface SetTargetResult {
  /** False when the same target was already in force: nothing was written. */
  readonly changed: boolean;
  readonly target: TargetView;
  readonly supersedes: string | null;
}

/**
 * What the console reports when it exports an assessment table, so the API can audit the
 * download like any other (POST /api/assessments/exports).
 */
export interface AssessmentExportRecord {
  readonly format: 'xlsx';
  readonly layout: 'bulletin-annex';
  readonly region?: string;
  readonly unit?: string;
  readonly period: string;
  readonly indicators: readonly string[];
  readonly rows: number;
  readonly fileName: string;
}

/** GET /api/headlines: the headline indicators of a region's overview, own or inherited. */
export interface HeadlineSet {
  readonly regionCode: string;
  /** Indicator codes, in the order the overview shows them. */
  readonly indicators: readonly string[];
  /** The region whose list applies; null when no region set one and the default applies. */
  readonly setOn: string | null;
  readonly setOnNameZh: string | null;
  readonly inherited: boolean;
  readonly setBy?: string;
  readonly setAt?: string;
}

/** PUT /api/headlines: a region's own list; `indicators: null` goes back to inheriting. */
export interface SetHeadlinesRequest {
  readonly regionCode: string;
  readonly indicators: readonly string[] | null;
}

/**
 * The overview's headline indicators when no region chose its own: the figures every seed
 * bulletin leads with (coverage, evaluation and satisfaction, timeliness, service mode).
 */
export const DEFAULT_HEADLINE_INDICATORS: readonly string[] = [
  'item_coverage',
  'offline_evaluation_rate',
  'satisfaction',
  'bad_review_rectification_rate',
  'on_time_rate',
  'overdue_rate',
  'immediate_item_share',
  'contactless_item_share',
  'time_limit_compression',
  'catalogue_mount_rate',
];

/** At most this many headline indicators: the overview's table must stay readable. */
export const MAX_HEADLINE_INDICATORS = 12;
