import {
  getMeasure,
  monthCount,
  periodEndDate,
  periodYear,
  regionSubject,
  resolveOwnMeasure,
  resolveTarget,
  subjectBundle,
  unitSubject,
  requirementKey,
  exact,
  type Hierarchy,
  type MeasureCode,
  type Provenance,
  type Subject,
} from '@efficacy/indicator-model';
import type { AssessmentContext } from './context';
import { describeSubject } from './names';

export type SignalKind =
  | 'zero-case-unit'
  | 'zero-case-items'
  | 'test-case-only-items'
  | 'items-below-monthly-minimum'
  | 'case-volume-sources-disagree';

/** Something a supervisor should look at; not an error in the figures. */
export interface Signal {
  readonly kind: SignalKind;
  readonly severity: 'high' | 'medium' | 'low';
  readonly subject: Subject;
  readonly period: string;
  readonly figures: Readonly<Record<string, number>>;
  readonly cells: readonly Provenance[];
  readonly messageZh: string;
  readonly messageEn: string;
  /** Item names, for item-level signals. */
  readonly items?: readonly string[];
  /** For case volumes: whether the integrated window sees only a fraction of the work. */
  readonly pattern?: 'bypasses-hall' | 'sources-disagree';
}

/** Cases per item, when the platform's item-level export is available. */
export interface ItemActivity {
  readonly unitId: string;
  readonly itemName: string;
  readonly period: string;
  readonly cases: number;
  /** Cases labelled 测试件. */
  readonly testCases: number;
}

export interface SignalOptions {
  readonly regionCode: string;
  readonly period: string;
  readonly asOf?: string;
  readonly itemActivity?: readonly ItemActivity[];
  /**
   * Case-volume sources disagree when the largest is at least this many times the smallest
   * (and they differ by at least `volumeMinDifference`); 2 by default.
   */
  readonly volumeRatio?: number;
  readonly volumeMinDifference?: number;
}

export const VOLUME_SOURCES: readonly MeasureCode[] = [
  'case_volume.department_report',
  'case_volume.e_supervision',
  'case_volume.integrated_window',
];

export interface VolumeComparison {
  readonly severity: 'high' | 'medium';
  /** The integrated window sees a fraction of what the other sources record (明进暗不进). */
  readonly bypassesHall: boolean;
}

/**
 * Whether three case volumes (department report, e-supervision, integrated window) disagree:
 * the largest is at least `ratio` times the smallest and they differ by at least
 * `minDifference` cases, so small counts like 1 / 1 / 0 do not raise anything.
 */
export function compareCaseVolumes(
  [department, supervision, window]: readonly [number, number, number],
  ratio = 2,
  minDifference = 10,
): VolumeComparison | undefined {
  const values = [department, supervision, window];
  const max = Math.max(...values);
  const min = Math.min(...values);
  if (max - min < minDifference || max < ratio * min) return undefined;
  return {
    severity: max >= 10 * min && max >= 100 ? 'high' : 'medium',
    bypassesHall: window === min && max >= 10 * Math.max(window, 1),
  };
}

function unitsBelow(hierarchy: Hierarchy, regionCode: string): string[] {
  const result: string[] = [];
  const visit = (code: string) => {
    result.push(...hierarchy.unitsOf(code).map((u) => u.id));
    for (const child of hierarchy.childRegions(code)) visit(child.code);
  };
  visit(regionCode);
  return result;
}

function cellsOf(sources: ReadonlyArray<{ provenance?: Provenance }>): Provenance[] {
  return sources.flatMap((s) => (s.provenance ? [s.provenance] : []));
}

function labelZh(code: MeasureCode): string {
  return getMeasure(code)?.labelZh ?? code;
}

/**
 * What a supervisor wants pointed out in a region and period: units and items with no cases,
 * items kept "covered" only by labelled test cases, items below the monthly minimum, and
 * case volumes that disagree between sources (the "明进暗不进" pattern: work reported by the
 * department that never passes the hall's integrated window).
 */
export function detectSignals(context: AssessmentContext, options: SignalOptions): Signal[] {
  const { regionCode, period } = options;
  const hierarchy = context.hierarchy(options.asOf ?? periodEndDate(period));
  const store = context.store;
  const units = unitsBelow(hierarchy, regionCode);
  const signals: Signal[] = [];
  const name = (subject: Subject) => describeSubject(context.registry, subject);

  for (const id of units) {
    const subject = unitSubject(id);
    const cases = resolveOwnMeasure(store, subject, 'cases', period, ['row']);
    if (cases.value.status === 'number' && cases.value.value === 0) {
      signals.push({
        kind: 'zero-case-unit',
        severity: 'medium',
        subject,
        period,
        figures: { cases: 0 },
        cells: cellsOf(cases.sources),
        messageZh: `${name(subject).zh}本期办件量为0`,
        messageEn: `${name(subject).en} has no cases this period`,
      });
    }
  }

  for (const subject of [regionSubject(regionCode), ...units.map(unitSubject)]) {
    const requirements = [
      { measure: 'items' as const, period },
      { measure: 'items.with_cases' as const, period },
    ];
    const bundle = subjectBundle(store, hierarchy, subject, requirements);
    if (bundle.status === 'number') {
      const items = exact.toNumber(
        bundle.totals.get(requirementKey(requirements[0])) ?? exact.ZERO,
      );
      const covered = exact.toNumber(
        bundle.totals.get(requirementKey(requirements[1])) ?? exact.ZERO,
      );
      if (items > covered) {
        signals.push({
          kind: 'zero-case-items',
          severity: covered === 0 ? 'high' : 'low',
          subject,
          period,
          figures: { items, itemsWithCases: covered, itemsWithoutCases: items - covered },
          cells: bundle.contributions.flatMap((c) => c.inputs.flatMap((i) => cellsOf(i.sources))),
          messageZh: `${name(subject).zh}${items}项事项中${items - covered}项本期零办件`,
          messageEn: `${items - covered} of ${items} items of ${name(subject).en} had no case this period`,
        });
      }
    }
    const testOnly = resolveOwnMeasure(
      store,
      subject,
      'items.covered_by_test_only',
      period,
      subject.kind === 'unit' ? ['row'] : ['total'],
    );
    if (testOnly.value.status === 'number' && testOnly.value.value > 0) {
      signals.push({
        kind: 'test-case-only-items',
        severity: 'medium',
        subject,
        period,
        figures: { items: testOnly.value.value },
        cells: cellsOf(testOnly.sources),
        messageZh: `${name(subject).zh}有${testOnly.value.value}项事项仅靠“测试件”计为有办件`,
        messageEn: `${testOnly.value.value} items of ${name(subject).en} count as covered only through labelled test cases`,
      });
    }
  }

  const activity = (options.itemActivity ?? []).filter(
    (a) => units.includes(a.unitId) && a.period === period,
  );
  const byUnit = new Map<string, ItemActivity[]>();
  for (const entry of activity)
    byUnit.set(entry.unitId, [...(byUnit.get(entry.unitId) ?? []), entry]);
  const minimum = resolveTarget(
    context.targets,
    'item_monthly_case_minimum',
    regionCode,
    periodYear(period),
    hierarchy,
  )?.target.value;
  for (const [unitId, entries] of byUnit) {
    const subject = unitSubject(unitId);
    const testOnly = entries.filter((e) => e.cases > 0 && e.testCases === e.cases);
    if (testOnly.length > 0) {
      signals.push({
        kind: 'test-case-only-items',
        severity: 'medium',
        subject,
        period,
        figures: { items: testOnly.length },
        cells: [],
        items: testOnly.map((e) => e.itemName),
        messageZh: `${name(subject).zh}有${testOnly.length}项事项的办件全部为“测试件”`,
        messageEn: `${testOnly.length} items of ${name(subject).en} have only labelled test cases`,
      });
    }
    if (minimum !== undefined) {
      const months = monthCount(period);
      const below = entries.filter((e) => (e.cases - e.testCases) / months < minimum);
      if (below.length > 0) {
        signals.push({
          kind: 'items-below-monthly-minimum',
          severity: 'low',
          subject,
          period,
          figures: { items: below.length, minimumPerMonth: minimum },
          cells: [],
          items: below.map((e) => e.itemName),
          messageZh: `${name(subject).zh}有${below.length}项事项月均办件量低于${minimum}件（不含测试件）`,
          messageEn: `${below.length} items of ${name(subject).en} average fewer than ${minimum} real cases a month`,
        });
      }
    }
  }

  const ratio = options.volumeRatio ?? 2;
  const minDifference = options.volumeMinDifference ?? 10;
  for (const subject of [regionSubject(regionCode), ...units.map(unitSubject)]) {
    const requirements = VOLUME_SOURCES.map((measure) => ({ measure, period }));
    const bundle = subjectBundle(store, hierarchy, subject, requirements);
    if (bundle.status !== 'number') continue;
    const figures = Object.fromEntries(
      VOLUME_SOURCES.map((m, i) => [
        m.replace('case_volume.', ''),
        exact.toNumber(bundle.totals.get(requirementKey(requirements[i])) ?? exact.ZERO),
      ]),
    );
    const values = Object.values(figures);
    const comparison = compareCaseVolumes([values[0], values[1], values[2]], ratio, minDifference);
    if (!comparison) continue;
    const window = figures['integrated_window'];
    const bypassesHall = comparison.bypassesHall;
    signals.push({
      kind: 'case-volume-sources-disagree',
      severity: comparison.severity,
      subject,
      period,
      figures,
      cells: bundle.contributions.flatMap((c) => c.inputs.flatMap((i) => cellsOf(i.sources))),
      pattern: bypassesHall ? 'bypasses-hall' : 'sources-disagree',
      messageZh: `${name(subject).zh}办件量口径不一：${VOLUME_SOURCES.map((m, i) => `${labelZh(m)}${values[i]}`).join('、')}${bypassesHall ? '，综窗办理量远低于其他口径，疑似“明进暗不进”' : ''}`,
      messageEn: `${name(subject).en}: case volumes disagree (department report ${figures['department_report']}, e-supervision ${figures['e_supervision']}, integrated window ${window})${bypassesHall ? '; the integrated window sees a fraction of the work (明进暗不进)' : ''}`,
    });
  }
  return signals;
}
