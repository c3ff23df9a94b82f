import { INDICATOR_CATALOGUE } from '@efficacy/indicator-model';
import type { IndicatorDefinition } from '@efficacy/indicator-model';
import {
  AdapterError,
  parseDeadline,
  parseTarget,
  periodSpan,
  resolvePeriod,
  splitUnitList,
} from '@efficacy/plugin-sdk';
import type {
  BatchBuilder,
  Location,
  ParseContext,
  PeriodCandidate,
  PlanItem,
  TableRow,
  TargetRecord,
  TextReading,
} from '@efficacy/plugin-sdk';

import { RESPONSIBLE_UNIT_GROUPS, WORDED_TARGETS } from '../mappings/capability-plan';
import { findGansuIndicator } from '../mappings/indicators';
import { compact, locationOf, warningAt } from './labels';

/**
 * Document numbers carry the year a plan is for: 嘉政办发〔2022〕100号. The plan's title
 * names no period, so this is the file's own statement of it, preferred to the context.
 */
const DOCUMENT_NUMBER_YEAR = /[〔([【]\s*(\d{4})\s*[〕)\]】]\s*第?\s*\d+\s*号/;

/** Title candidates plus, for each document number among them, its year as a period phrase. */
export function planPeriodCandidates(candidates: readonly PeriodCandidate[]): PeriodCandidate[] {
  const years = candidates.flatMap((candidate) => {
    const year = DOCUMENT_NUMBER_YEAR.exec(candidate.text.normalize('NFKC'))?.[1];
    return year ? [{ text: `${year}年`, location: candidate.location }] : [];
  });
  return [...candidates, ...years];
}

/**
 * The plan's period: the title's, else the document number's year, else the context's. A
 * plan is for a year, so an upload that gives only `year` gives the period too.
 */
export function resolvePlanPeriod(
  candidates: readonly PeriodCandidate[],
  context: ParseContext,
  fallback: Location,
): string {
  const upload =
    context.period === undefined && context.year !== undefined
      ? { ...context, period: String(context.year) }
      : context;
  return resolvePeriod(planPeriodCandidates(candidates), upload, fallback).period;
}

function textOf(row: TableRow, key: string): TextReading | undefined {
  const reading = row.texts[key];
  return reading && reading.text !== '' ? reading : undefined;
}

/**
 * Splits a responsible-unit cell into the groups it names. A part that is two known groups
 * run together (市政府各部门在嘉各单位: the 、 is missing in the source) is split into them,
 * with a warning, because tasks are assigned per group and a merged name matches no unit.
 */
function responsibleUnits(reading: TextReading): { units: string[]; warning?: string } {
  const units: string[] = [];
  const joined: string[] = [];
  for (const part of splitUnitList(reading.text)) {
    const pieces = splitKnownGroups(part);
    if (pieces) {
      units.push(...pieces);
      joined.push(
        `"${part}" has no separator between ${pieces.map((piece) => `"${piece}"`).join(' and ')}`,
      );
    } else {
      units.push(part);
    }
  }
  if (joined.length === 0) return { units };
  return { units, warning: `${joined.join('; ')}; read as ${units.length} separate units` };
}

/** The known groups a part is made of, when it is at least two of them run together. */
function splitKnownGroups(part: string): string[] | undefined {
  if (RESPONSIBLE_UNIT_GROUPS.includes(part)) return undefined;
  const walk = (rest: string): string[] | undefined => {
    if (rest === '') return [];
    for (const group of RESPONSIBLE_UNIT_GROUPS) {
      if (!rest.startsWith(group)) continue;
      const tail = walk(rest.slice(group.length));
      if (tail) return [group, ...tail];
    }
    return undefined;
  };
  const pieces = walk(part);
  return pieces && pieces.length >= 2 ? pieces : undefined;
}

interface TargetReading {
  target?: Omit<TargetRecord, 'indicator' | 'regionCode' | 'period' | 'deadline' | 'provenance'>;
  warning?: { code: string; detail: string };
}

/**
 * Reads one target sentence. The SDK's parseTarget takes 达到 as "at least"; for an indicator
 * where lower is better (接口未调用率达到0%) reaching a figure means not exceeding it, so the
 * comparator follows the model's polarity. Sentences without a figure are read through
 * WORDED_TARGETS, or kept as text only.
 */
function readTarget(text: string, definition: IndicatorDefinition | undefined): TargetReading {
  const parsed = parseTarget(text);
  if (!parsed) {
    const worded =
      definition?.unit === 'percent'
        ? WORDED_TARGETS.find((rule) => rule.pattern.test(compact(text)))
        : undefined;
    if (worded) {
      return {
        target: {
          comparator: worded.comparator,
          value: worded.value,
          unit: worded.unit,
          raw: text.trim(),
        },
      };
    }
    return {
      warning: {
        code: 'TARGET_NOT_NUMERIC',
        detail: `"${text.trim()}" states no figure to compare with; the task keeps it as its target text and emits no target`,
      },
    };
  }
  let comparator = parsed.comparator;
  if (
    definition?.polarity === 'lower-is-better' &&
    comparator === '>=' &&
    (parsed.comparatorAssumed || compact(text).includes('达到'))
  ) {
    comparator = '<=';
  }
  const target = { comparator, value: parsed.value, unit: parsed.unit, raw: parsed.raw };
  const expectsPercent = definition?.unit === 'percent';
  if (definition && expectsPercent !== (parsed.unit === 'percent')) {
    return {
      target,
      warning: {
        code: 'TARGET_UNIT_MISMATCH',
        detail: `"${text.trim()}" gives ${parsed.value} ${parsed.unit}, but ${definition.code} is measured in ${definition.unit}`,
      },
    };
  }
  return { target };
}

export interface PlanOptions {
  period: string;
  regionCode: string;
}

/**
 * Turns the plan's rows into plan items and targets. Each row is one task: its target (if
 * the sentence gives a figure and the indicator is known), who is responsible and by when.
 */
export function addCapabilityPlan(
  builder: BatchBuilder,
  rows: readonly TableRow[],
  headers: Readonly<Record<string, string>>,
  options: PlanOptions,
): void {
  const span = periodSpan(options.period);
  const year = Number((span?.end ?? options.period).slice(0, 4));
  const asOf = span ? `${span.end}-01` : `${year}-12-31`;
  const seen = new Set<string>();
  for (const row of rows) {
    if (row.kind !== 'data') continue;
    // Required columns are always read, so these readings exist; their text may be empty.
    const title = row.texts['title'] as TextReading;
    const target = row.texts['target'] as TextReading;
    const responsible = row.texts['responsible'] as TextReading;
    const deadline = row.texts['deadline'] as TextReading;
    if (title.text === '') {
      throw new AdapterError(
        'BAD_VALUE',
        'the task has no indicator heading',
        locationOf(title.provenance, headers['title']),
      );
    }
    const id = row.serial ?? String(row.row);
    if (seen.has(id)) {
      throw new AdapterError(
        'BAD_VALUE',
        `the task number ${id} occurs twice`,
        locationOf(title.provenance, headers['title']),
      );
    }
    seen.add(id);

    const mapping = findGansuIndicator(title.text);
    const definition = mapping ? INDICATOR_CATALOGUE.find(mapping.indicator, asOf) : undefined;
    if (!mapping) {
      builder.warn(
        warningAt(
          'UNKNOWN_INDICATOR',
          locationOf(title.provenance, headers['title']),
          `"${title.text}" is not one of the plan indicators this adapter knows; the task is kept without an indicator or target`,
        ),
      );
    }

    const due = parseDeadline(deadline.text, { year });
    if (due.date === undefined) {
      builder.warn(
        warningAt(
          'DEADLINE_NOT_DATED',
          locationOf(deadline.provenance, headers['deadline']),
          `"${deadline.text}" names no date; the task has no deadline`,
        ),
      );
    }

    const targets: TargetRecord[] = [];
    if (target.text === '') {
      builder.warn(
        warningAt(
          'TARGET_NOT_NUMERIC',
          locationOf(target.provenance, headers['target']),
          'the task states no target',
        ),
      );
    } else if (mapping) {
      const reading = readTarget(target.text, definition);
      if (reading.warning) {
        builder.warn(
          warningAt(
            reading.warning.code,
            locationOf(target.provenance, headers['target']),
            reading.warning.detail,
          ),
        );
      }
      if (reading.target) {
        const record: TargetRecord = {
          indicator: mapping.indicator,
          ...reading.target,
          regionCode: options.regionCode,
          period: options.period,
          ...(due.date !== undefined ? { deadline: due.date } : {}),
          provenance: target.provenance,
        };
        targets.push(record);
        builder.addTarget(record);
      }
    }

    const units = responsibleUnits(responsible);
    if (units.warning) {
      builder.warn(
        warningAt(
          'RESPONSIBLE_UNITS_JOINED',
          locationOf(responsible.provenance, headers['responsible']),
          units.warning,
        ),
      );
    }

    // The contract has no field for a task's overview paragraph; it says what the task
    // requires, so it opens the measures rather than being dropped.
    const measures = [textOf(row, 'overview')?.text, textOf(row, 'measures')?.text]
      .filter((text): text is string => text !== undefined)
      .join('\n');
    const problem = textOf(row, 'problem');
    const evaluationPoints = textOf(row, 'evaluationPoints');
    const item: PlanItem = {
      id,
      title: title.text,
      ...(mapping ? { indicator: mapping.indicator } : {}),
      ...(problem ? { problem: problem.text } : {}),
      ...(evaluationPoints ? { evaluationPoints: evaluationPoints.text } : {}),
      targetText: target.text,
      targets,
      ...(measures !== '' ? { measures } : {}),
      responsibleUnits: units.units,
      ...(due.date !== undefined ? { deadline: due.date } : {}),
      deadlineText: deadline.text,
      ongoing: due.ongoing,
      provenance: title.provenance,
    };
    builder.addPlanItem(item);
  }
}
