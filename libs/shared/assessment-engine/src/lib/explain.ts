import {
  computeIndicatorValue,
  describeFormula,
  formatPeriod,
  getMeasure,
  parsePeriod,
  periodEndDate,
  periodYear,
  previousPeriod,
  resolveTarget,
  resolveUnitTarget,
  sameSubject,
  subjectKey,
  type IndicatorDefinition,
  type MeasureCode,
  type PolicySource,
  type Provenance,
  type ResolutionPath,
  type RoundingRule,
  type Subject,
  type ValueStatus,
} from '@efficacy/indicator-model';
import type { AssessmentContext } from './context';
import { coverageOf, DEFAULT_COMPLETENESS, memoised, type Coverage } from './coverage';
import { checkTarget, type TargetCheck } from './target-check';
import { describeSubject } from './names';
import { exactText, summariseValue, type ValueSummary } from './summary';
import { validate } from './validation/validate';
import type { Warning } from './validation/warning';

export interface ExplainedContribution {
  readonly subject: Subject;
  readonly nameZh: string;
  readonly value: number;
  /** How the figure was found: printed, summed over licence types, built from parts, … */
  readonly path: ResolutionPath;
  readonly cells: readonly Provenance[];
}

export interface ExplainedInput {
  readonly measure: MeasureCode;
  readonly labelZh: string;
  readonly labelEn: string;
  readonly period: string;
  readonly total?: number;
  readonly contributions: readonly ExplainedContribution[];
}

export interface ExplainedExclusion {
  readonly subject: Subject;
  readonly nameZh: string;
  readonly status: Exclude<ValueStatus, 'number'>;
  /** The figures that were not numbers, as printed. */
  readonly inputs: ReadonlyArray<{
    readonly measure: MeasureCode;
    readonly status: ValueStatus;
    readonly cells: readonly Provenance[];
  }>;
}

/** "Explain this number": formula and version, every input with its cell, and the warnings on them. */
export interface Explanation {
  readonly indicator: {
    readonly code: string;
    readonly version: number;
    readonly nameZh: string;
    readonly nameEn: string;
    readonly formulaZh: string;
    readonly formulaEn: string;
    readonly rounding: RoundingRule;
    readonly roundingEvidence?: string;
    readonly validFrom: string;
    readonly validTo?: string;
    readonly policy: readonly PolicySource[];
  };
  readonly subject: Subject;
  readonly nameZh: string;
  readonly period: string;
  readonly asOf: string;
  readonly value: ValueSummary;
  /** The unrounded derived value. */
  readonly exact?: { readonly fraction: string; readonly decimal: string };
  readonly inputs: readonly ExplainedInput[];
  readonly excluded: readonly ExplainedExclusion[];
  readonly warnings: readonly Warning[];
  /** For a region: how many of its expected members are in the figure. */
  readonly coverage?: Coverage;
  /** The target verdict on the exact value, with a note when the display would say otherwise. */
  readonly target?: TargetCheck;
}

export interface ExplainOptions {
  readonly indicator: string;
  readonly subject: Subject;
  readonly period: string;
  readonly asOf?: string;
  /** Explain an older version's figure. */
  readonly version?: number;
}

function sameCell(a: Provenance, b: Provenance): boolean {
  return (
    a.importId === b.importId &&
    a.file === b.file &&
    a.sheet === b.sheet &&
    a.row === b.row &&
    a.column === b.column &&
    a.locator === b.locator
  );
}

export function explain(context: AssessmentContext, options: ExplainOptions): Explanation {
  const period = formatPeriod(parsePeriod(options.period));
  const asOf = options.asOf ?? periodEndDate(period);
  const definition: IndicatorDefinition = context.catalogue.get(
    options.indicator,
    options.version !== undefined ? { version: options.version } : asOf,
  );
  const hierarchy = context.hierarchy(asOf);
  const value = computeIndicatorValue(
    context.store,
    hierarchy,
    definition,
    options.subject,
    period,
  );
  const name = (subject: Subject) => describeSubject(context.registry, subject).zh;
  const derived = value.derived ?? value.reference;

  const inputs: ExplainedInput[] = (derived?.requirements ?? []).map((requirement) => {
    const contributions: ExplainedContribution[] = [];
    for (const contribution of derived?.bundle.contributions ?? []) {
      const input = contribution.inputs.find(
        (i) => i.measure === requirement.measure && i.period === requirement.period,
      );
      if (!input || input.value.status !== 'number') continue;
      contributions.push({
        subject: contribution.subject,
        nameZh: name(contribution.subject),
        value: input.value.value,
        path: input.path,
        cells: input.sources.flatMap((s) => (s.provenance ? [s.provenance] : [])),
      });
    }
    const measure = getMeasure(requirement.measure);
    const total =
      contributions.length > 0
        ? Math.round(contributions.reduce((a, c) => a + c.value, 0) * 1e6) / 1e6
        : undefined;
    return {
      measure: requirement.measure,
      labelZh: measure?.labelZh ?? requirement.measure,
      labelEn: measure?.labelEn ?? requirement.measure,
      period: requirement.period,
      ...(total !== undefined ? { total } : {}),
      contributions,
    };
  });

  const excluded: ExplainedExclusion[] = (derived?.bundle.excluded ?? []).map((e) => ({
    subject: e.subject,
    nameZh: name(e.subject),
    status: e.status,
    inputs: e.inputs
      .filter((i) => i.value.status !== 'number')
      .map((i) => ({
        measure: i.measure,
        status: i.value.status,
        cells: i.sources.flatMap((s) => (s.provenance ? [s.provenance] : [])),
      })),
  }));

  const cells = [
    ...inputs.flatMap((i) => i.contributions.flatMap((c) => c.cells)),
    ...excluded.flatMap((e) => e.inputs.flatMap((i) => i.cells)),
    ...(value.reported?.provenance ? [value.reported.provenance] : []),
  ];
  const measures = new Set<string>(inputs.map((i) => i.measure));
  const touched = validate(context, { period, asOf }).filter((w) => {
    if (w.cell && cells.some((c) => sameCell(c, w.cell as Provenance))) return true;
    if (!sameSubject(w.subject, options.subject)) return false;
    return w.indicator === definition.code || (w.measure !== undefined && measures.has(w.measure));
  });
  const seen = new Set<string>();
  const warnings = touched.filter((w) => {
    const key = `${w.code}|${subjectKey(w.subject)}|${w.cell ? JSON.stringify(w.cell) : ''}|${w.measure ?? w.indicator}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });

  const rule = context.completeness[definition.code] ?? DEFAULT_COMPLETENESS;
  const valueOf = memoised((subject: Subject) =>
    computeIndicatorValue(context.store, hierarchy, definition, subject, period),
  );
  const coverage =
    options.subject.kind === 'region'
      ? coverageOf(hierarchy, options.subject.code, value, rule, valueOf, name)
      : undefined;
  const year = periodYear(period);
  const resolved =
    options.subject.kind === 'region'
      ? resolveTarget(context.targets, definition.code, options.subject.code, year, hierarchy)
      : options.subject.kind === 'unit'
        ? resolveUnitTarget(context.targets, definition.code, options.subject.id, year, hierarchy)
        : undefined;
  const target = resolved
    ? checkTarget(
        definition,
        value,
        resolved,
        computeIndicatorValue(
          context.store,
          hierarchy,
          definition,
          options.subject,
          formatPeriod(previousPeriod(period)),
        ),
        { partial: coverage?.partial === true },
      )
    : undefined;

  const exactValue = exactText(value);
  return {
    indicator: {
      code: definition.code,
      version: definition.version,
      nameZh: definition.nameZh,
      nameEn: definition.nameEn,
      formulaZh: describeFormula(definition.formula, 'zh'),
      formulaEn: describeFormula(definition.formula, 'en'),
      rounding: definition.rounding,
      ...(definition.roundingEvidence ? { roundingEvidence: definition.roundingEvidence } : {}),
      validFrom: definition.validFrom,
      ...(definition.validTo ? { validTo: definition.validTo } : {}),
      policy: definition.policy,
    },
    subject: options.subject,
    nameZh: name(options.subject),
    period,
    asOf,
    value: summariseValue(value),
    ...(exactValue ? { exact: exactValue } : {}),
    inputs,
    excluded,
    warnings,
    ...(coverage ? { coverage } : {}),
    ...(target ? { target } : {}),
  };
}
