import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import type { DataScope } from '@efficacy/api/core';
import type { IndicatorSnapshot } from '@efficacy/api-contract';
import {
  AssessmentError,
  assess,
  createAssessmentContext,
  type Assessment,
  type AssessmentRow,
} from '@efficacy/assessment-engine';
import {
  CatalogueError,
  INDICATOR_CATALOGUE,
  PeriodError,
  formatPeriod,
  periodBounds,
  monthCount,
  type YearMonth,
} from '@efficacy/indicator-model';
import {
  FigureRepository,
  RegistryRepository,
  TargetRepository,
  figureWindow,
} from '@efficacy/api/feature-registry';

/**
 * Reads an indicator's figures for a region's units the way GET /api/assessments does (the
 * same scoped repositories and engine), for task snapshots, bulk opening and effect checks.
 */
@Injectable()
export class IndicatorReader {
  constructor(
    private readonly registry: RegistryRepository,
    private readonly targets: TargetRepository,
    private readonly figures: FigureRepository,
  ) {}

  async assess(
    scope: DataScope,
    regionCode: string,
    period: string,
    indicator: string,
  ): Promise<Assessment> {
    try {
      const [registry, targets, datasets] = await Promise.all([
        this.registry.registryFor(scope),
        this.targets.visibleTargets(scope),
        this.figures.committedDatasets(scope, figureWindow(period)),
      ]);
      const context = createAssessmentContext({
        registry,
        targets,
        datasets,
        catalogue: INDICATOR_CATALOGUE,
      });
      return assess(context, { regionCode, period, indicators: [indicator] });
    } catch (error) {
      if (error instanceof AssessmentError) throw new NotFoundException(error.message);
      if (error instanceof CatalogueError || error instanceof PeriodError)
        throw new BadRequestException(error.message);
      throw error;
    }
  }

  /** The unit's row (or the region's own when no unit) for one indicator and period. */
  async snapshot(
    scope: DataScope,
    regionCode: string,
    unitId: string | null,
    indicator: string,
    period: string,
    takenAt: Date,
  ): Promise<IndicatorSnapshot | null> {
    const assessment = await this.assess(scope, regionCode, period, indicator);
    const ia = assessment.indicators.find((i) => i.code === indicator);
    if (!ia) return null;
    const row = unitId
      ? ia.children.find((r) => r.subject.kind === 'unit' && r.subject.id === unitId)
      : ia.region;
    if (!row) return null;
    return toSnapshot(row, indicator, ia.nameZh, ia.polarity, assessment.period, takenAt);
  }

  /** Unit rows below target (missed or close) for an indicator, region and period. */
  async belowTarget(
    scope: DataScope,
    regionCode: string,
    indicator: string,
    period: string,
    takenAt: Date,
  ): Promise<Array<{ unitId: string; regionCode: string; snapshot: IndicatorSnapshot }>> {
    const assessment = await this.assess(scope, regionCode, period, indicator);
    const ia = assessment.indicators.find((i) => i.code === indicator);
    if (!ia) return [];
    return ia.children
      .filter(
        (r) =>
          r.subject.kind === 'unit' &&
          (r.target?.status === 'missed' || r.target?.status === 'close'),
      )
      .map((r) => ({
        unitId: (r.subject as { id: string }).id,
        regionCode,
        snapshot: toSnapshot(r, indicator, ia.nameZh, ia.polarity, assessment.period, takenAt),
      }));
  }
}

function toSnapshot(
  row: AssessmentRow,
  indicator: string,
  nameZh: string,
  polarity: string,
  period: string,
  takenAt: Date,
): IndicatorSnapshot {
  const subject =
    row.subject.kind === 'region' ? `region:${row.subject.code}` : `unit:${row.subject.id}`;
  return {
    indicator,
    indicatorNameZh: nameZh,
    period,
    subject,
    ...(row.value.value !== undefined ? { value: row.value.value } : {}),
    display: row.value.display,
    ...(row.target?.value !== undefined ? { target: row.target.value } : {}),
    ...(row.target ? { comparator: row.target.comparator, status: row.target.status } : {}),
    ...(row.target?.gap !== undefined ? { gap: row.target.gap } : {}),
    polarity,
    takenAt: takenAt.toISOString(),
  };
}

const index = (m: YearMonth) => m.year * 12 + m.month - 1;
const ym = (i: number): YearMonth => ({ year: Math.floor(i / 12), month: (i % 12) + 1 });

/**
 * The period after `period` in which a rectification should show: a year-to-date range
 * (2022-01..2022-08) grows by one month (2022-01..2022-09); any other period moves by its
 * own length (2022-08 → 2022-09, 2022Q2 → the next three months).
 */
export function nextPeriod(period: string): string {
  const { from, to } = periodBounds(period);
  const length = monthCount(period);
  if (from.month === 1 && length > 1 && to.month < 12 && to.year === from.year) {
    return formatPeriod({ kind: 'range', from, to: ym(index(to) + 1) });
  }
  const start = index(to) + 1;
  if (length === 1) return formatPeriod({ kind: 'month', ...ym(start) });
  return formatPeriod({ kind: 'range', from: ym(start), to: ym(start + length - 1) });
}

/**
 * Whether the later figure shows the rectification worked: with a target, only meeting it
 * counts; without one, the value must have moved the right way from the snapshot. Null while
 * the later figure is not in yet.
 */
export function judgeEffect(
  before: IndicatorSnapshot | null,
  after: IndicatorSnapshot | null,
): 'effective' | 'not_effective' | null {
  if (!after || after.value === undefined) return null;
  if (after.status === 'met') return 'effective';
  if (after.status === 'missed' || after.status === 'close') return 'not_effective';
  if (before?.value === undefined) return null;
  const better =
    after.polarity === 'lower-is-better' ? after.value < before.value : after.value > before.value;
  return better ? 'effective' : 'not_effective';
}
