// Response shapes of the endpoints; each implements its api-contract type so the compiler holds
// them equal, and @nestjs/swagger's plugin reads them into the OpenAPI document (ADR 0017).
import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import {
  type Ranking,
  type RankingRow,
  type UnitListItem,
  type UnitDetail,
  type RegionRef,
  type UnitAliasDetail,
  type TargetView,
  type SetTargetResult,
  type RegionNode,
  type RegionSearchHit,
  type RecordRegionSuccessionResult,
  type RegionSuccession,
  type RegionDetail,
  type RegionChild,
  type HeadlineSet,
} from '@efficacy/api-contract';
import {
  MEASURES,
  type MeasureCode,
  type IndicatorUnit,
  type Polarity,
  type RoundingRule,
  type RoundingMode,
  type ValueStatus,
  type Provenance,
  type Discrepancy,
  type PolicySource,
  type TargetComparator,
  type RegionLevel,
  type ResolutionPath,
} from '@efficacy/indicator-model';
import {
  type AssessmentRow,
  type ValueSummary,
  type TargetCheck,
  type TargetStatus,
  type TargetLever,
  type Coverage,
  type CoverageMember,
  type Change,
  type Assessment,
  type IndicatorAssessment,
  type Warning,
  type Severity,
  type Signal,
  type SignalKind,
  type Explanation,
  type ExplainedInput,
  type ExplainedContribution,
  type ExplainedExclusion,
} from '@efficacy/assessment-engine';

/** Every measure code of the catalogue, for the OpenAPI enum: one list, never copied. */
const MEASURE_CODES: MeasureCode[] = MEASURES.map((m) => m.code);

export class RoundingRuleDto implements RoundingRule {
  mode!: RoundingMode;

  /** Decimal places kept, in the indicator's display unit (percent points for rates). */
  digits!: number;
}

/** From T, pick a set of properties whose keys are in the union K */
export class RankingIndicatorDto {
  code!: string;

  version!: number;

  nameZh!: string;

  nameEn!: string;

  unit!: IndicatorUnit;

  polarity!: Polarity;

  rounding!: RoundingRuleDto;

  formulaZh!: string;

  formulaEn!: string;
}

export class AssessmentRowSubjectUnitDto {
  kind!: 'unit';

  id!: string;
}

export class AssessmentRowSubjectRegionDto {
  kind!: 'region';

  code!: string;
}

export class AssessmentRowSubjectGroupDto {
  kind!: 'group';

  id!: string;
}

export class ValueSummaryDerivedDto {
  status!: ValueStatus;

  value?: number;

  numerator?: number;

  denominator?: number;

  basis?: 'unit' | 'children' | 'region-total' | 'benchmark';

  /** Units left out because a figure was "/", "-" or missing. */
  excludedUnits!: number;
}

/** Where a figure came from, down to the cell, so a number on screen can be traced back to the file a clerk uploaded. Text figures (a bulletin's prose) have no row or column; the locator names the paragraph instead. */
export class ProvenanceDto implements Provenance {
  importId!: string;

  adapterId!: string;

  adapterVersion!: string;

  file!: string;

  sheet?: string;

  /** 1-based row. */
  row?: number;

  /** A1-style column letter. */
  column?: string;

  /** For prose: the section or paragraph, e.g. 一、(二). */
  locator?: string;

  /** The cell text exactly as printed, e.g. "98.87", "/" or "100.00%". */
  printed?: string;

  /** The row's unit or region name exactly as printed (格里坪镇便民服务中心心心心 included). */
  rowLabel?: string;
}

export class ValueSummaryReportedDto {
  status!: ValueStatus;

  value?: number;

  printed?: string;

  cell?: ProvenanceDto;
}

export class ValueSummaryReferenceDto {
  value?: number;

  numerator?: number;

  denominator?: number;
}

export class DiscrepancyHintOtherRoundingDto {
  kind!: 'other-rounding';

  mode!: RoundingMode;
}

export class DiscrepancyHintAdjustedCountDto {
  kind!: 'adjusted-count';

  side!: 'numerator' | 'denominator';

  printed!: number;

  reproducesWith!: number;
}

export class DiscrepancyDto implements Discrepancy {
  /** value: both numbers, they differ beyond rounding; status: one is a number, the other not. */
  kind!: 'value' | 'status';

  @ApiProperty({
    oneOf: [
      { type: 'number' },
      { type: 'string', enum: ['number', 'not_connected', 'not_applicable', 'missing'] },
    ],
  })
  derived!: number | 'number' | 'not_connected' | 'not_applicable' | 'missing';

  @ApiProperty({
    oneOf: [
      { type: 'number' },
      { type: 'string', enum: ['number', 'not_connected', 'not_applicable', 'missing'] },
    ],
  })
  reported!: number | 'number' | 'not_connected' | 'not_applicable' | 'missing';

  /** reported − derived, in display units, when both are numbers. */
  difference?: number;

  /** The rule the comparison used (the source's, else the indicator's). */
  rule!: RoundingRuleDto;

  @ApiProperty({
    type: 'array',
    items: {
      oneOf: [
        { $ref: getSchemaPath(DiscrepancyHintOtherRoundingDto) },
        { $ref: getSchemaPath(DiscrepancyHintAdjustedCountDto) },
      ],
    },
  })
  hints!: (DiscrepancyHintOtherRoundingDto | DiscrepancyHintAdjustedCountDto)[];
}

/** A value as the API, the command line and the console show it: plain JSON (no bigint), derived and reported side by side. */
export class ValueSummaryDto implements ValueSummary {
  status!: ValueStatus;

  /** Rounded effective value. */
  value?: number;

  /** As a bulletin prints it: "98.87", "/", "-", or "" for missing. */
  display!: string;

  source!: 'derived' | 'reported' | 'none';

  derived?: ValueSummaryDerivedDto;

  reported?: ValueSummaryReportedDto;

  /** For reported-only indicators: the naive ratio of printed counts, for comparison only. */
  reference?: ValueSummaryReferenceDto;

  discrepancy?: DiscrepancyDto;
}

/** What would have to change to meet the target, in whole cases, items or records. */
export class TargetLeverDto implements TargetLever {
  /** The numerator (or counted) measures; any of them may move. */
  @ApiProperty({ enum: MEASURE_CODES, enumName: 'MeasureCode', isArray: true })
  measures!: MeasureCode[];

  direction!: 'increase' | 'decrease';

  amount!: number;
}

export class TargetCheckRoundingNoteDto {
  display!: string;

  exact!: string;

  displayWouldMeet!: boolean;
}

export class TargetCheckDto implements TargetCheck {
  targetId!: string;

  comparator!: string;

  value?: number;

  /** Region the target was set on (the row's own region, or an ancestor's). */
  setOn!: string;

  inherited!: boolean;

  deadline?: string;

  status!: TargetStatus;

  /** Distance still to go in the indicator's display unit (percentage points for rates); 0 when met. */
  gap?: number;

  lever?: TargetLeverDto;

  /** For a partial aggregate: the verdict its figure alone would get. */
  asIfComplete?: 'met' | 'close' | 'missed' | 'unknown';

  /** The target is judged on the exact value; when the rounded display would say otherwise (98.996 shows as 99.00 and misses ≥ 99) this says so, with the exact decimal. */
  roundingNote?: TargetCheckRoundingNoteDto;
}

export class CoverageMemberDto implements CoverageMember {
  @ApiProperty({
    oneOf: [
      { $ref: getSchemaPath(AssessmentRowSubjectUnitDto) },
      { $ref: getSchemaPath(AssessmentRowSubjectRegionDto) },
      { $ref: getSchemaPath(AssessmentRowSubjectGroupDto) },
    ],
  })
  subject!:
    | AssessmentRowSubjectUnitDto
    | AssessmentRowSubjectRegionDto
    | AssessmentRowSubjectGroupDto;

  nameZh!: string;

  status!: ValueStatus;
}

/** How many of an aggregate's expected members are in it: "2 个县区中 1 个已报送". Members come from the registry, never from whichever rows happen to have values. */
export class CoverageDto implements Coverage {
  /** What the members are: 'county', 'city', … or 'unit' at a county. */
  memberLevel!: 'unit' | 'province' | 'city' | 'county' | 'township' | 'village';

  expected!: number;

  /** Members with anything printed: a number, "-" or "/". */
  reported!: number;

  /** Members whose number went into the figure. */
  withFigures!: number;

  notApplicable!: CoverageMemberDto[];

  notConnected!: CoverageMemberDto[];

  /** Members with nothing in the file. */
  missing!: CoverageMemberDto[];

  minShare!: number;

  /** The source printed this region's own figure (its 合计 or a benchmark row): it speaks for the whole region whatever rows are listed. */
  printedTotal!: boolean;

  /** Below the completeness rule and not a printed total: never ranked or judged as complete. */
  partial!: boolean;
}

export class ChangeDto implements Change {
  period!: string;

  status!: ValueStatus;

  value?: number;

  /** Current − earlier, in display units (percentage points for rates). */
  delta?: number;

  direction?: 'better' | 'worse' | 'same' | 'unranked';
}

export class AssessmentRowChangeDto {
  previous?: ChangeDto;

  yearOnYear?: ChangeDto;
}

export class AssessmentRowDto implements AssessmentRow {
  @ApiProperty({
    oneOf: [
      { $ref: getSchemaPath(AssessmentRowSubjectUnitDto) },
      { $ref: getSchemaPath(AssessmentRowSubjectRegionDto) },
      { $ref: getSchemaPath(AssessmentRowSubjectGroupDto) },
    ],
  })
  subject!:
    | AssessmentRowSubjectUnitDto
    | AssessmentRowSubjectRegionDto
    | AssessmentRowSubjectGroupDto;

  nameZh!: string;

  nameEn!: string;

  /** Region level or unit kind, for grouping on screen. */
  kind!: string;

  value!: ValueSummaryDto;

  target?: TargetCheckDto;

  /** Among the region's children; absent for the region itself, for "/", "-" and missing, and for a partial aggregate (it is never ranked as if complete). */
  rank?: number;

  /** For a region's row: how many of its expected members are in the figure. */
  coverage?: CoverageDto;

  change!: AssessmentRowChangeDto;
}

/** A ranked row says what it ranks among: "11 个已报送中第 8（应报 17）", never "8 / 11". */
export class RankingRowDto extends AssessmentRowDto implements RankingRow {
  rankLabelZh?: string;

  rankLabelEn?: string;

  /** Why a row has no rank: "-" (not applicable), "/", nothing in the file, or partial. */
  unranked?: 'neutral' | 'not_connected' | 'not_applicable' | 'missing' | 'partial';
}

/** GET /api/rankings: the children of a region ranked on one indicator. */
export class RankingDto implements Ranking {
  regionCode!: string;

  regionNameZh!: string;

  regionNameEn!: string;

  period!: string;

  periodLabelZh!: string;

  asOf!: string;

  indicator!: RankingIndicatorDto;

  region!: AssessmentRowDto;

  /** Children with a rank: those that reported a number and are not partial aggregates. */
  ranked!: number;

  /** Children the registry expects to be ranked (units of the kinds that count, sub-regions). */
  expected!: number;

  rows!: RankingRowDto[];
}

export class IndicatorSummaryGansuPlanTaskDto {
  seq!: number;

  titleZh!: string;
}

/** One indicator in the catalogue listing (the version in force, or the newest). */
export class IndicatorSummaryDto {
  code!: string;

  version!: number;

  /** Every version of the code, oldest first. */
  versions!: number[];

  nameZh!: string;

  nameEn!: string;

  family!: string;

  unit!: IndicatorUnit;

  polarity!: Polarity;

  formulaKind!: 'ratio' | 'reported' | 'growth' | 'sum';

  /** False for platform-reported rates that cannot be rebuilt from counts. */
  derivable!: boolean;

  formulaZh!: string;

  formulaEn!: string;

  rounding!: RoundingRuleDto;

  validFrom!: string;

  validTo?: string;

  /** The Gansu (Jiayuguan) plan task this indicator measures, when it is one. */
  gansuPlanTask?: IndicatorSummaryGansuPlanTaskDto;
}

export class IndicatorVersionMeasureDto {
  code!: string;

  labelZh!: string;

  labelEn!: string;
}

export class PolicySourceDto implements PolicySource {
  /** The policy sentence the indicator or its target comes from, verbatim. */
  textZh!: string;

  /** The document, e.g. 嘉政办发〔2022〕100号. */
  document!: string;
}

export class IndicatorVersionDto {
  version!: number;

  nameZh!: string;

  nameEn!: string;

  family!: string;

  unit!: IndicatorUnit;

  polarity!: Polarity;

  formulaKind!: 'ratio' | 'reported' | 'growth' | 'sum';

  derivable!: boolean;

  formulaZh!: string;

  formulaEn!: string;

  /** The base measures the formula reads, with their labels. */
  measures!: IndicatorVersionMeasureDto[];

  rounding!: RoundingRuleDto;

  roundingEvidence?: string;

  validFrom!: string;

  validTo?: string;

  policy!: PolicySourceDto[];
}

export class IndicatorDetailGansuPlanTaskDto {
  seq!: number;

  titleZh!: string;
}

export class IndicatorDetailDto {
  code!: string;

  nameZh!: string;

  nameEn!: string;

  versions!: IndicatorVersionDto[];

  gansuPlanTask?: IndicatorDetailGansuPlanTaskDto;
}

/** GET /api/units (and the units of a region). */
export class UnitListItemDto implements UnitListItem {
  id!: string;

  kind!: string;

  nameZh!: string;

  nameEn?: string;

  regionCode!: string;

  aliases!: string[];

  validFrom?: string;

  validTo?: string;
}

export class RegionRefDto implements RegionRef {
  code!: string;

  nameZh!: string;

  nameEn!: string;
}

export class UnitAliasDetailDto implements UnitAliasDetail {
  alias!: string;

  createdBy!: string;

  createdAt!: string;
}

/** GET /api/units/:id */
export class UnitDetailDto extends UnitListItemDto implements UnitDetail {
  region!: RegionRefDto;

  aliasDetails!: UnitAliasDetailDto[];
}

/** GET /api/targets: a target as it applies to one region, its own or inherited. */
export class TargetViewDto implements TargetView {
  id!: string;

  indicator!: string;

  indicatorNameZh!: string;

  indicatorNameEn!: string;

  regionCode!: string;

  regionNameZh!: string;

  year!: number;

  comparator!: TargetComparator;

  value?: number;

  /** As a bulletin prints it: "≥ 40", "持续优化提升". */
  textZh!: string;

  /** Where it was set: the region itself, or the ancestor it is inherited from. */
  setOn!: string;

  setOnNameZh!: string;

  inherited!: boolean;

  setBy!: string;

  setAt!: string;

  deadline?: string;

  ongoing?: boolean;

  responsibleZh?: string;

  noteZh?: string;

  source?: string;
}

export class SetTargetResultDto implements SetTargetResult {
  /** False when the same target was already in force: nothing was written. */
  changed!: boolean;

  target!: TargetViewDto;

  supersedes!: string | null;
}

export class TargetsRemoveDto {
  removed!: number;

  target!: string;
}

export class AssessmentsRecordExportDto {
  audited!: string;
}

export class IndicatorAssessmentDto implements IndicatorAssessment {
  code!: string;

  version!: number;

  nameZh!: string;

  nameEn!: string;

  unit!: IndicatorUnit;

  polarity!: Polarity;

  rounding!: RoundingRuleDto;

  formulaZh!: string;

  formulaEn!: string;

  /** The assessed region's own row. */
  region!: AssessmentRowDto;

  /** Units attached to the region and its direct sub-regions, ranked among themselves. */
  children!: AssessmentRowDto[];

  /** How many children have a rank (a number to rank): "1 of 2 reported". */
  ranked!: number;

  /** How many children the registry expects to be ranked (units of the kinds that count). */
  expected!: number;
}

/** A finding about imported figures, tied to the cell that is wrong (or doubtful) so a clerk can open the file at that row and column. */
export class WarningDto implements Warning {
  /** Stable: a measure rule's id, or one of WARNING_CODES. */
  code!: string;

  severity!: Severity;

  @ApiProperty({
    oneOf: [
      { $ref: getSchemaPath(AssessmentRowSubjectUnitDto) },
      { $ref: getSchemaPath(AssessmentRowSubjectRegionDto) },
      { $ref: getSchemaPath(AssessmentRowSubjectGroupDto) },
    ],
  })
  subject!:
    | AssessmentRowSubjectUnitDto
    | AssessmentRowSubjectRegionDto
    | AssessmentRowSubjectGroupDto;

  period!: string;

  @ApiProperty({ enum: MEASURE_CODES, enumName: 'MeasureCode', required: false })
  measure?: MeasureCode;

  indicator?: string;

  /** The offending cell. */
  cell?: ProvenanceDto;

  /** The cells it was compared with. */
  related?: ProvenanceDto[];

  /** What the other figures imply. */
  expected?: number;

  /** What is printed. */
  actual?: number;

  messageZh!: string;

  messageEn!: string;

  /** Plain-language leads on why, e.g. "equals the sum of 咨询". */
  hintsZh?: string[];

  hintsEn?: string[];
}

/** Something a supervisor should look at; not an error in the figures. */
export class SignalDto implements Signal {
  kind!: SignalKind;

  severity!: 'high' | 'medium' | 'low';

  @ApiProperty({
    oneOf: [
      { $ref: getSchemaPath(AssessmentRowSubjectUnitDto) },
      { $ref: getSchemaPath(AssessmentRowSubjectRegionDto) },
      { $ref: getSchemaPath(AssessmentRowSubjectGroupDto) },
    ],
  })
  subject!:
    | AssessmentRowSubjectUnitDto
    | AssessmentRowSubjectRegionDto
    | AssessmentRowSubjectGroupDto;

  period!: string;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } })
  figures!: Signal['figures'];

  cells!: ProvenanceDto[];

  messageZh!: string;

  messageEn!: string;

  /** Item names, for item-level signals. */
  items?: string[];

  /** For case volumes: whether the integrated window sees only a fraction of the work. */
  pattern?: 'bypasses-hall' | 'sources-disagree';
}

export class AssessmentDto implements Assessment {
  regionCode!: string;

  regionNameZh!: string;

  regionNameEn!: string;

  period!: string;

  periodLabelZh!: string;

  periodLabelEn!: string;

  previousPeriod!: string;

  samePeriodLastYear!: string;

  asOf!: string;

  indicators!: IndicatorAssessmentDto[];

  warnings!: WarningDto[];

  signals!: SignalDto[];
}

export class SignalReportDto {
  regionCode!: string;

  regionNameZh!: string;

  period!: string;

  asOf!: string;

  /** Zero-case units and items, test-case-only items, case volumes that disagree (明进暗不进). */
  signals!: SignalDto[];

  /** Figures that disagree with each other, each on its cell: totals vs rows, printed rates vs counts, platform rates that cannot be rebuilt, one cell printed twice differently. */
  discrepancies!: WarningDto[];
}

/** GET /api/regions: the region tree within the user's scope. */
export class RegionNodeDto implements RegionNode {
  code!: string;

  level!: RegionLevel;

  nameZh!: string;

  nameEn!: string;

  parentCode?: string;

  /** True for township and village codes Efficacy generated (no GB/T 2260 code exists). */
  generatedCode!: boolean;

  /** Units attached directly to this region. */
  unitCount!: number;

  children!: RegionNodeDto[];
}

/** GET /api/regions/search: a region in scope whose code begins with, or whose name holds, the query. */
export class RegionSearchHitDto implements RegionSearchHit {
  code!: string;

  level!: RegionLevel;

  nameZh!: string;

  nameEn!: string;

  validFrom?: string;

  validTo?: string;

  /** Its ancestors from the top down to its parent, by name (those above the scope too). */
  path!: RegionRefDto[];
}

/** A merge, split or rename of regions, from its day on (GET /api/regions/:code/successions). */
export class RegionSuccessionDto implements RegionSuccession {
  id!: string;

  kind!: 'merge' | 'split' | 'rename';

  date!: string;

  from!: string[];

  to!: string[];

  note?: string;

  /** The edition that stated it; absent when an administrator recorded it. */
  edition?: string;

  recordedBy!: string;

  recordedAt!: string;
}

export class RecordRegionSuccessionResultDto implements RecordRegionSuccessionResult {
  succession!: RegionSuccessionDto;

  /** Regions created as successors. */
  created!: string[];

  /** Child regions and units moved to the successor (merge and rename; a split moves none). */
  movedRegions!: number;

  movedUnits!: number;
}

export class RegionDetailAncestorDto {
  code!: string;

  nameZh!: string;

  nameEn!: string;

  inScope!: boolean;
}

export class RegionDetailChildrenDto {
  code!: string;

  nameZh!: string;

  nameEn!: string;

  level!: RegionLevel;

  unitCount!: number;
}

/** GET /api/regions/:code */
export class RegionDetailDto implements RegionDetail {
  code!: string;

  level!: RegionLevel;

  nameZh!: string;

  nameEn!: string;

  generatedCode!: boolean;

  validFrom?: string;

  validTo?: string;

  asOf!: string;

  /** From the parent up to the root; regions above the user's scope appear by name only. */
  ancestors!: RegionDetailAncestorDto[];

  children!: RegionDetailChildrenDto[];

  units!: UnitListItemDto[];
}

/** GET /api/regions/:code/children: one level of the tree, for a view that opens level by level. */
export class RegionChildDto implements RegionChild {
  code!: string;

  level!: RegionLevel;

  nameZh!: string;

  nameEn!: string;

  generatedCode!: boolean;

  validFrom?: string;

  validTo?: string;

  /** Regions directly below it. */
  childCount!: number;

  /** Active units attached directly to it. */
  unitCount!: number;
}

/** GET /api/headlines: the headline indicators of a region's overview, own or inherited. */
export class HeadlineSetDto implements HeadlineSet {
  regionCode!: string;

  /** Indicator codes, in the order the overview shows them. */
  indicators!: string[];

  /** The region whose list applies; null when no region set one and the default applies. */
  setOn!: string | null;

  setOnNameZh!: string | null;

  inherited!: boolean;

  setBy?: string;

  setAt?: string;
}

export class ExplanationIndicatorDto {
  code!: string;

  version!: number;

  nameZh!: string;

  nameEn!: string;

  formulaZh!: string;

  formulaEn!: string;

  rounding!: RoundingRuleDto;

  roundingEvidence?: string;

  validFrom!: string;

  validTo?: string;

  policy!: PolicySourceDto[];
}

export class ExplanationExactDto {
  fraction!: string;

  decimal!: string;
}

export class ExplainedContributionDto implements ExplainedContribution {
  @ApiProperty({
    oneOf: [
      { $ref: getSchemaPath(AssessmentRowSubjectUnitDto) },
      { $ref: getSchemaPath(AssessmentRowSubjectRegionDto) },
      { $ref: getSchemaPath(AssessmentRowSubjectGroupDto) },
    ],
  })
  subject!:
    | AssessmentRowSubjectUnitDto
    | AssessmentRowSubjectRegionDto
    | AssessmentRowSubjectGroupDto;

  nameZh!: string;

  value!: number;

  /** How the figure was found: printed, summed over licence types, built from parts, … */
  path!: ResolutionPath;

  cells!: ProvenanceDto[];
}

export class ExplainedInputDto implements ExplainedInput {
  @ApiProperty({ enum: MEASURE_CODES, enumName: 'MeasureCode' })
  measure!: MeasureCode;

  labelZh!: string;

  labelEn!: string;

  period!: string;

  total?: number;

  contributions!: ExplainedContributionDto[];
}

export class ExplainedExclusionInputDto {
  @ApiProperty({ enum: MEASURE_CODES, enumName: 'MeasureCode' })
  measure!: MeasureCode;

  status!: ValueStatus;

  cells!: ProvenanceDto[];
}

export class ExplainedExclusionDto implements ExplainedExclusion {
  @ApiProperty({
    oneOf: [
      { $ref: getSchemaPath(AssessmentRowSubjectUnitDto) },
      { $ref: getSchemaPath(AssessmentRowSubjectRegionDto) },
      { $ref: getSchemaPath(AssessmentRowSubjectGroupDto) },
    ],
  })
  subject!:
    | AssessmentRowSubjectUnitDto
    | AssessmentRowSubjectRegionDto
    | AssessmentRowSubjectGroupDto;

  nameZh!: string;

  status!: 'not_connected' | 'not_applicable' | 'missing';

  /** The figures that were not numbers, as printed. */
  inputs!: ExplainedExclusionInputDto[];
}

/** "Explain this number": formula and version, every input with its cell, and the warnings on them. */
export class ExplanationDto implements Explanation {
  indicator!: ExplanationIndicatorDto;

  @ApiProperty({
    oneOf: [
      { $ref: getSchemaPath(AssessmentRowSubjectUnitDto) },
      { $ref: getSchemaPath(AssessmentRowSubjectRegionDto) },
      { $ref: getSchemaPath(AssessmentRowSubjectGroupDto) },
    ],
  })
  subject!:
    | AssessmentRowSubjectUnitDto
    | AssessmentRowSubjectRegionDto
    | AssessmentRowSubjectGroupDto;

  nameZh!: string;

  period!: string;

  asOf!: string;

  value!: ValueSummaryDto;

  /** The unrounded derived value. */
  exact?: ExplanationExactDto;

  inputs!: ExplainedInputDto[];

  excluded!: ExplainedExclusionDto[];

  warnings!: WarningDto[];

  /** For a region: how many of its expected members are in the figure. */
  coverage?: CoverageDto;

  /** The target verdict on the exact value, with a note when the display would say otherwise. */
  target?: TargetCheckDto;
}

/** The variants that oneOf points at: registered on a controller, as the document only reads models from there. */
export const REGISTRY_ONE_OF_MODELS = [
  AssessmentRowSubjectUnitDto,
  AssessmentRowSubjectRegionDto,
  AssessmentRowSubjectGroupDto,
  DiscrepancyHintOtherRoundingDto,
  DiscrepancyHintAdjustedCountDto,
];
