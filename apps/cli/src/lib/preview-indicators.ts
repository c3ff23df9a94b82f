import {
  computeIndicatorValue,
  createMeasureStore,
  createUnitMatcher,
  describeFormula,
  formulaMeasures,
  hierarchyAsOf,
  INDICATOR_CATALOGUE,
  isDerivable,
  periodEndDate,
  regionSubject,
  subjectKey,
  unitSubject,
} from '@efficacy/indicator-model';
import type {
  Discrepancy,
  IndicatorDefinition,
  Region,
  RegionLevel,
  Subject,
  Unit,
  ValueStatus,
} from '@efficacy/indicator-model';
import { columnIndex, mapBatch } from '@efficacy/plugin-sdk';
import type { NormalisedBatch, Provenance } from '@efficacy/plugin-sdk';

/** One indicator for one row of the file: the model's value beside the printed one. */
export interface IndicatorComparison {
  indicator: string;
  nameZh: string;
  nameEn: string;
  formula: string;
  rounding: string;
  period: string;
  subject: { kind: 'unit' | 'region'; label: string };
  derived: {
    status: ValueStatus;
    value?: number;
    numerator?: number;
    denominator?: number;
    /** unit: the row's own counts; children: summed over the units; region-total: the 合计 row. */
    basis?: string;
  } | null;
  printed: { status: ValueStatus; value?: number; raw?: string; provenance?: Provenance } | null;
  /** printed − derived at the printed precision, when both are numbers and differ. */
  difference?: number;
  hints: string[];
}

export interface PreviewModelWarning {
  code: string;
  message: string;
}

function levelOf(code: string): RegionLevel {
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

function hintText(discrepancy: Discrepancy): string[] {
  return discrepancy.hints.map((hint) =>
    hint.kind === 'other-rounding'
      ? `${hint.mode === 'truncate' ? 'truncating' : 'rounding half-up'} gives the printed figure`
      : `the printed figure follows from ${hint.side} ${hint.reproducesWith} instead of ${hint.printed}`,
  );
}

/**
 * Computes the indicators a batch supports with the indicator model, for every unit row and
 * for the region, without a database: the printed unit names become the units of a
 * throwaway registry under the batch's region, so matching is exact and nothing is guessed.
 */
export function compareIndicators(batch: NormalisedBatch): {
  comparisons: IndicatorComparison[];
  warnings: PreviewModelWarning[];
} {
  const county = batch.regionCode.slice(0, 6);
  const names = [
    ...new Set([...batch.measures, ...batch.indicators].map((record) => record.unitName)),
  ];
  const units: Unit[] = names.map((name, i) => ({
    id: `${county}:u${i + 1}`,
    kind: 'department',
    nameZh: name,
    regionCode: batch.regionCode,
    aliases: [],
  }));
  const region: Region = {
    code: batch.regionCode,
    level: levelOf(batch.regionCode),
    nameZh: batch.regionCode,
    nameEn: batch.regionCode,
  };
  const asOf = periodEndDate(batch.period);
  const hierarchy = hierarchyAsOf({ regions: [region], units }, asOf);
  const mapping = mapBatch(batch, {
    importId: 'preview',
    hierarchy,
    matcher: createUnitMatcher(hierarchy),
  });
  const store = createMeasureStore([mapping.dataset]);

  const labelOf = new Map<string, IndicatorComparison['subject']>([
    ...units.map((unit): [string, IndicatorComparison['subject']] => [
      subjectKey(unitSubject(unit.id)),
      { kind: 'unit', label: unit.nameZh },
    ]),
    [subjectKey(regionSubject(batch.regionCode)), { kind: 'region', label: batch.regionCode }],
  ]);
  const subjects: Subject[] = [
    ...units.map((unit) => unitSubject(unit.id)),
    regionSubject(batch.regionCode),
  ];

  // What to compute: every printed rate at its own period, and every other indicator whose
  // counts the file holds, at the batch period. Gansu plan indicators reuse the same counts
  // under a different policy (case–item linkage = item coverage) and are left to that plan.
  const measuresInBatch = new Set<string>([
    ...batch.measures.map((m) => m.measure),
    ...batch.totals.flatMap((t) =>
      t.values.filter((v) => v.codeKind === 'measure').map((v) => v.code),
    ),
  ]);
  const wanted = new Map<
    string,
    { definition: IndicatorDefinition; period: string; subject: Subject }
  >();
  const want = (definition: IndicatorDefinition, period: string, subject: Subject) => {
    const key = `${definition.code}|${period}|${subjectKey(subject)}`;
    if (!wanted.has(key)) wanted.set(key, { definition, period, subject });
  };
  for (const reported of mapping.dataset.reported) {
    const definition = INDICATOR_CATALOGUE.find(reported.indicator, periodEndDate(reported.period));
    if (definition) want(definition, reported.period, reported.subject);
  }
  const derivable = INDICATOR_CATALOGUE.listAsOf(asOf).filter(
    (definition) =>
      isDerivable(definition) &&
      definition.family !== 'gansu-plan' &&
      formulaMeasures(definition.formula).every((code) => measuresInBatch.has(code)),
  );
  for (const definition of derivable) {
    for (const subject of subjects) want(definition, batch.period, subject);
  }

  const comparisons: IndicatorComparison[] = [];
  for (const { definition, period, subject } of wanted.values()) {
    const value = computeIndicatorValue(store, hierarchy, definition, subject, period);
    const derived = value.derived;
    const printed = value.reported;
    // A unit row without the counts and without a printed figure says nothing.
    if (!printed && (!derived || derived.status === 'missing')) continue;
    const cell = printed?.provenance;
    const printedAt: Provenance | undefined =
      cell?.row !== undefined && cell.column !== undefined
        ? {
            file: cell.file,
            sheet: cell.sheet ?? '',
            row: cell.row,
            column: cell.column,
            columnIndex: columnIndex(cell.column),
          }
        : undefined;
    comparisons.push({
      indicator: definition.code,
      nameZh: definition.nameZh,
      nameEn: definition.nameEn,
      formula: describeFormula(definition.formula, 'zh'),
      rounding: `${definition.rounding.mode}, ${definition.rounding.digits} decimals`,
      period,
      subject: labelOf.get(subjectKey(subject)) ?? { kind: 'region', label: subjectKey(subject) },
      derived: derived
        ? {
            status: derived.status,
            ...(derived.value !== undefined ? { value: derived.value } : {}),
            ...(derived.numerator !== undefined ? { numerator: derived.numerator } : {}),
            ...(derived.denominator !== undefined ? { denominator: derived.denominator } : {}),
            ...(derived.bundle.basis !== undefined ? { basis: derived.bundle.basis } : {}),
          }
        : null,
      printed: printed
        ? {
            status: printed.value.status,
            ...(printed.value.status === 'number' ? { value: printed.value.value } : {}),
            ...(printed.provenance?.printed !== undefined
              ? { raw: printed.provenance.printed }
              : {}),
            ...(printedAt ? { provenance: printedAt } : {}),
          }
        : null,
      ...(value.discrepancy?.difference !== undefined
        ? { difference: value.discrepancy.difference }
        : {}),
      hints: value.discrepancy ? hintText(value.discrepancy) : [],
    });
  }
  return {
    comparisons,
    warnings: mapping.warnings.map((w) => ({ code: w.code, message: w.message })),
  };
}
