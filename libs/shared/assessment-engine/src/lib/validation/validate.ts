import {
  computeIndicatorValue,
  formatFixed,
  getMeasure,
  isDerivable,
  periodEndDate,
  periodKey,
  regionSubject,
  roleOf,
  subjectKey,
  subjectBundle,
  requirementKey,
  exact,
  type Hierarchy,
  type MeasureCode,
  type MeasureObservation,
  type MeasureRule,
  type Provenance,
  type ReportedIndicatorValue,
  type Subject,
} from '@efficacy/indicator-model';
import type { AssessmentContext } from '../context';
import { describeSubject } from '../names';
import { compareCaseVolumes, VOLUME_SOURCES } from '../signals';
import { WARNING_CODES, type Warning } from './warning';

export interface ValidateOptions {
  /** Only figures of this period (any notation covering the same months). */
  readonly period?: string;
  /** Only figures about this region, its sub-regions and their units. */
  readonly regionCode?: string;
  /** Hierarchy date; each figure's period end when absent. */
  readonly asOf?: string;
}

function cellKey(p: Provenance | undefined): string {
  return p
    ? `${p.importId}|${p.file}|${p.sheet ?? ''}|${p.row ?? p.locator ?? ''}`
    : 'no-provenance';
}

function num(o: { value: { status: string; value?: number } }): number | undefined {
  return o.value.status === 'number' ? (o.value as { value: number }).value : undefined;
}

function sameMonths(a: string, b: string): boolean {
  return periodKey(a) === periodKey(b);
}

function label(code: MeasureCode): { zh: string; en: string } {
  const measure = getMeasure(code);
  return { zh: measure?.labelZh ?? code, en: measure?.labelEn ?? code };
}

function show(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 1e6) / 1e6);
}

/** Rules that compare cells of one printed row (or one paragraph of text). */
function rowRules(
  rules: readonly MeasureRule[],
  observations: readonly MeasureObservation[],
): Warning[] {
  const warnings: Warning[] = [];
  const byRow = new Map<string, MeasureObservation[]>();
  for (const o of observations) {
    if (o.dimensions) continue;
    const key = `${cellKey(o.provenance)}|${subjectKey(o.subject)}|${o.period}`;
    const list = byRow.get(key) ?? [];
    list.push(o);
    byRow.set(key, list);
  }
  for (const row of byRow.values()) {
    const find = (measure: MeasureCode) => row.find((o) => o.measure === measure);
    const volumes = VOLUME_SOURCES.map(find);
    const volumeValues = volumes.map((o) => (o ? num(o) : undefined));
    if (volumeValues.every((v): v is number => v !== undefined)) {
      const [department, supervision, window] = volumeValues;
      const comparison = compareCaseVolumes([department, supervision, window]);
      const windowCell = volumes[2] as MeasureObservation;
      if (comparison) {
        warnings.push({
          code: WARNING_CODES.caseVolumeSourcesAgree,
          severity: 'warning',
          subject: windowCell.subject,
          period: windowCell.period,
          measure: 'case_volume.integrated_window',
          ...(windowCell.provenance ? { cell: windowCell.provenance } : {}),
          related: volumes.slice(0, 2).flatMap((o) => (o?.provenance ? [o.provenance] : [])),
          actual: window,
          messageZh: `同一行的三个办件量口径不一致：部门报送${show(department)}、电子监察${show(supervision)}、综窗办理${show(window)}${comparison.bypassesHall ? '，综窗办理量远低于其他口径，疑似“明进暗不进”' : ''}`,
          messageEn: `The row's three case volumes disagree: department report ${show(department)}, e-supervision ${show(supervision)}, integrated window ${show(window)}${comparison.bypassesHall ? '; the integrated window sees a fraction of the work (明进暗不进)' : ''}`,
        });
      }
    }
    for (const rule of rules) {
      if (rule.kind === 'not-greater') {
        const left = find(rule.measure);
        const right = find(rule.than);
        const a = left && num(left);
        const b = right && num(right);
        if (left && a !== undefined && b !== undefined && a > b) {
          const l = label(rule.measure);
          const r = label(rule.than);
          warnings.push({
            code: rule.id,
            severity: 'error',
            subject: left.subject,
            period: left.period,
            measure: rule.measure,
            ...(left.provenance ? { cell: left.provenance } : {}),
            ...(right?.provenance ? { related: [right.provenance] } : {}),
            expected: b,
            actual: a,
            messageZh: `${l.zh}（${show(a)}）超过${r.zh}（${show(b)}）：${rule.descriptionZh}`,
            messageEn: `${l.en} (${show(a)}) exceeds ${r.en} (${show(b)}): ${rule.descriptionEn}`,
          });
        }
      } else {
        const whole = find(rule.whole);
        const parts = rule.parts.map(find);
        const w = whole && num(whole);
        const values = parts.map((p) => (p ? num(p) : undefined));
        if (whole && w !== undefined && values.every((v): v is number => v !== undefined)) {
          const total = Math.round(values.reduce((a, b) => a + b, 0) * 1e6) / 1e6;
          if (total !== w) {
            const l = label(rule.whole);
            warnings.push({
              code: rule.id,
              severity: 'error',
              subject: whole.subject,
              period: whole.period,
              measure: rule.whole,
              ...(whole.provenance ? { cell: whole.provenance } : {}),
              related: parts.flatMap((p) => (p?.provenance ? [p.provenance] : [])),
              expected: total,
              actual: w,
              messageZh: `${l.zh}为${show(w)}，各分项之和为${show(total)}：${rule.descriptionZh}`,
              messageEn: `${l.en} is ${show(w)} but its parts add up to ${show(total)}: ${rule.descriptionEn}`,
            });
          }
        }
      }
    }
  }
  return warnings;
}

function inScope(
  hierarchy: Hierarchy,
  subject: Subject,
  regionCode: string | undefined,
  groupUnits: (id: string) => readonly string[],
): boolean {
  if (regionCode === undefined) return true;
  switch (subject.kind) {
    case 'region':
      return hierarchy.isWithin(subject.code, regionCode);
    case 'unit': {
      const region = hierarchy.regionOfUnit(subject.id) ?? hierarchy.unit(subject.id)?.regionCode;
      return region !== undefined && hierarchy.isWithin(region, regionCode);
    }
    case 'group':
      return groupUnits(subject.id).some((id) => {
        const region = hierarchy.regionOfUnit(id);
        return region !== undefined && hierarchy.isWithin(region, regionCode);
      });
  }
}

function unitsUnder(
  hierarchy: Hierarchy,
  subject: Subject,
  groupUnits: (id: string) => readonly string[],
): Set<string> {
  if (subject.kind === 'group') return new Set(groupUnits(subject.id));
  if (subject.kind === 'unit') return new Set([subject.id]);
  const result = new Set<string>();
  const visit = (code: string) => {
    for (const unit of hierarchy.unitsOf(code)) result.add(unit.id);
    for (const unit of hierarchy.retiredUnitsOf(code)) result.add(unit.id);
    for (const child of hierarchy.childRegions(code)) visit(child.code);
  };
  visit(subject.code);
  return result;
}

/** Other columns of the same sheet whose row sum equals the printed total: a likely mix-up. */
function columnHints(
  observations: readonly MeasureObservation[],
  total: MeasureObservation,
  units: Set<string>,
): { zh: string[]; en: string[] } {
  const zh: string[] = [];
  const en: string[] = [];
  const printed = num(total);
  const sums = new Map<MeasureCode, number>();
  for (const o of observations) {
    if (
      o.measure === total.measure ||
      roleOf(o) !== 'row' ||
      o.subject.kind !== 'unit' ||
      !units.has(o.subject.id)
    )
      continue;
    if (
      o.provenance?.importId !== total.provenance?.importId ||
      !sameMonths(o.period, total.period)
    )
      continue;
    const v = num(o);
    if (v !== undefined) sums.set(o.measure, (sums.get(o.measure) ?? 0) + v);
  }
  for (const [measure, value] of sums) {
    if (value === printed) {
      const l = label(measure);
      zh.push(`该数等于${l.zh}之和（${show(value)}）`);
      en.push(`it equals the sum of ${l.en} (${show(value)})`);
    }
  }
  return { zh, en };
}

/** 合计/小计 rows against the rows they close, and totals quoted elsewhere against the units. */
function totalRules(
  context: AssessmentContext,
  observations: readonly MeasureObservation[],
  options: ValidateOptions,
): Warning[] {
  const warnings: Warning[] = [];
  const groupUnits = (id: string) => context.store.group(id)?.unitIds ?? [];
  // Only totals someone printed (a 合计 cell, a figure quoted in the text) can disagree with
  // their rows; a total computed from case records has no printed text and is a sum by
  // construction (cases of unit names the registry does not know count in it alone).
  const totals = observations.filter((o) => {
    const role = roleOf(o);
    return (
      (role === 'total' || role === 'subtotal') &&
      o.subject.kind !== 'unit' &&
      o.value.status === 'number' &&
      o.provenance?.printed !== undefined
    );
  });
  for (const total of totals) {
    const hierarchy = context.hierarchy(options.asOf ?? periodEndDate(total.period));
    const units = unitsUnder(hierarchy, total.subject, groupUnits);
    const printed = num(total) as number;
    const sheetRows = observations.filter(
      (o) =>
        o.measure === total.measure &&
        roleOf(o) === 'row' &&
        o.subject.kind === 'unit' &&
        units.has(o.subject.id) &&
        o.provenance?.importId === total.provenance?.importId &&
        o.provenance?.sheet === total.provenance?.sheet &&
        o.provenance?.sheet !== '正文' &&
        sameMonths(o.period, total.period),
    );
    const l = label(total.measure);
    const hints = columnHints(observations, total, units);
    // A row left blank ("missing", not "/" or "-") is unknown, not zero: the table printed a
    // total it cannot be checked against (Jinfeng's annex 1 prints the counts only in 合计).
    if (sheetRows.some((o) => o.value.status === 'missing')) continue;
    if (sheetRows.length > 0) {
      const sum = Math.round(sheetRows.reduce((acc, o) => acc + (num(o) ?? 0), 0) * 1e6) / 1e6;
      if (sum !== printed) {
        warnings.push({
          code: WARNING_CODES.totalEqualsRows,
          severity: 'error',
          subject: total.subject,
          period: total.period,
          measure: total.measure,
          ...(total.provenance ? { cell: total.provenance } : {}),
          related: sheetRows.flatMap((o) => (o.provenance ? [o.provenance] : [])),
          expected: sum,
          actual: printed,
          messageZh: `${total.provenance?.rowLabel ?? '合计'}行的${l.zh}为${show(printed)}，其所含各行之和为${show(sum)}`,
          messageEn: `The ${total.provenance?.rowLabel ?? 'total'} row prints ${l.en} ${show(printed)}; its rows add up to ${show(sum)}`,
          ...(hints.zh.length ? { hintsZh: hints.zh, hintsEn: hints.en } : {}),
        });
      }
      continue;
    }
    if (total.subject.kind !== 'region') continue;
    // No rows under it in its own table: compare with what the units' rows add up to.
    const requirement = { measure: total.measure, period: total.period };
    const bundle = subjectBundle(context.store, hierarchy, regionSubject(total.subject.code), [
      requirement,
    ]);
    if (bundle.status !== 'number' || bundle.basis !== 'children') continue;
    const derived = exact.toNumber(bundle.totals.get(requirementKey(requirement)) ?? exact.ZERO);
    if (Math.round(derived * 1e6) / 1e6 === printed) continue;
    const otherHints = columnHints(observations, total, units);
    warnings.push({
      code: WARNING_CODES.reportedTotalMatchesDerived,
      severity: 'warning',
      subject: total.subject,
      period: total.period,
      measure: total.measure,
      ...(total.provenance ? { cell: total.provenance } : {}),
      related: bundle.contributions.flatMap((c) =>
        c.inputs.flatMap((i) => i.sources.flatMap((s) => (s.provenance ? [s.provenance] : []))),
      ),
      expected: derived,
      actual: printed,
      messageZh: `${describeSubject(context.registry, total.subject).zh}${l.zh}在${total.provenance?.locator ?? total.provenance?.sheet ?? '来源'}中为${show(printed)}，各单位明细之和为${show(derived)}`,
      messageEn: `${l.en} for ${describeSubject(context.registry, total.subject).en} is quoted as ${show(printed)} (${total.provenance?.locator ?? total.provenance?.sheet ?? 'source'}); the units' rows add up to ${show(derived)}`,
      ...(otherHints.zh.length ? { hintsZh: otherHints.zh, hintsEn: otherHints.en } : {}),
    });
  }
  return warnings;
}

/** Unit rows printed twice (two annexes) with different values. */
function conflictRule(observations: readonly MeasureObservation[]): Warning[] {
  const warnings: Warning[] = [];
  const seen = new Map<string, MeasureObservation>();
  for (const o of observations) {
    if (o.subject.kind !== 'unit' || o.dimensions || o.value.status !== 'number') continue;
    const key = `${subjectKey(o.subject)}|${o.measure}|${periodKey(o.period)}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, o);
      continue;
    }
    if (num(first) !== num(o)) {
      const l = label(o.measure);
      warnings.push({
        code: WARNING_CODES.conflictingValues,
        severity: 'warning',
        subject: o.subject,
        period: o.period,
        measure: o.measure,
        ...(o.provenance ? { cell: o.provenance } : {}),
        ...(first.provenance ? { related: [first.provenance] } : {}),
        expected: num(first),
        actual: num(o),
        messageZh: `同一单位同一期间的${l.zh}出现两个不同数值（${show(num(first) as number)}、${show(num(o) as number)}），以先导入者为准`,
        messageEn: `${l.en} is printed twice for the same unit and period (${show(num(first) as number)}, ${show(num(o) as number)}); the first import is used`,
      });
    }
  }
  return warnings;
}

/** Printed rates against their counts, under the rounding the source uses. */
function rateRules(
  context: AssessmentContext,
  reported: readonly ReportedIndicatorValue[],
  options: ValidateOptions,
): Warning[] {
  const warnings: Warning[] = [];
  for (const value of reported) {
    if (value.subject.kind === 'group') continue;
    const asOf = options.asOf ?? periodEndDate(value.period);
    const definition = context.catalogue.find(value.indicator, asOf);
    if (!definition) continue;
    const hierarchy = context.hierarchy(asOf);
    const computed = computeIndicatorValue(
      context.store,
      hierarchy,
      definition,
      value.subject,
      value.period,
    );
    const who = describeSubject(context.registry, value.subject);
    const base = {
      subject: value.subject,
      period: value.period,
      indicator: definition.code,
      ...(value.provenance ? { cell: value.provenance } : {}),
    };
    const digits = value.digits ?? definition.rounding.digits;
    if (!isDerivable(definition)) {
      const reference = computed.reference;
      if (
        reference?.status === 'number' &&
        reference.value !== undefined &&
        value.value.status === 'number' &&
        reference.value !== value.value.value
      ) {
        warnings.push({
          ...base,
          code: WARNING_CODES.reportedRateNotDerivable,
          severity: 'info',
          expected: reference.value,
          actual: value.value.value,
          messageZh: `${who.zh}${definition.nameZh}按平台报送值${formatFixed(value.value.value, digits)}保留；由公开计数（${reference.numerator}/${reference.denominator}）计算为${formatFixed(reference.value, digits)}，该指标口径无法由公开计数复算`,
          messageEn: `${who.en}: ${definition.nameEn} is kept as reported (${formatFixed(value.value.value, digits)}); the printed counts (${reference.numerator}/${reference.denominator}) would give ${formatFixed(reference.value, digits)}, but the platform's basis is not published`,
        });
      }
      continue;
    }
    const discrepancy = computed.discrepancy;
    if (!discrepancy) continue;
    if (discrepancy.kind === 'value') {
      const hintsZh: string[] = [];
      const hintsEn: string[] = [];
      for (const hint of discrepancy.hints) {
        if (hint.kind === 'other-rounding') {
          hintsZh.push(
            hint.mode === 'truncate' ? '按截尾（舍去）可得印刷值' : '按四舍五入可得印刷值',
          );
          hintsEn.push(
            hint.mode === 'truncate'
              ? 'truncation gives the printed figure'
              : 'half-up rounding gives the printed figure',
          );
        } else {
          const side = hint.side === 'numerator' ? ['分子', 'numerator'] : ['分母', 'denominator'];
          hintsZh.push(`${side[0]}取${hint.reproducesWith}（印刷为${hint.printed}）可得印刷值`);
          hintsEn.push(
            `a ${side[1]} of ${hint.reproducesWith} (printed ${hint.printed}) gives the printed figure`,
          );
        }
      }
      warnings.push({
        ...base,
        code: WARNING_CODES.reportedRateMatchesCounts,
        severity: 'warning',
        expected: discrepancy.derived as number,
        actual: discrepancy.reported as number,
        messageZh: `${who.zh}${definition.nameZh}印刷为${formatFixed(discrepancy.reported as number, discrepancy.rule.digits)}，按其计数（${computed.derived?.numerator}/${computed.derived?.denominator}）${discrepancy.rule.mode === 'half-up' ? '四舍五入' : '截尾'}应为${formatFixed(discrepancy.derived as number, discrepancy.rule.digits)}`,
        messageEn: `${who.en}: ${definition.nameEn} is printed ${formatFixed(discrepancy.reported as number, discrepancy.rule.digits)}; its counts (${computed.derived?.numerator}/${computed.derived?.denominator}) give ${formatFixed(discrepancy.derived as number, discrepancy.rule.digits)} under ${discrepancy.rule.mode} rounding`,
        ...(hintsZh.length ? { hintsZh, hintsEn } : {}),
      });
    } else {
      const reportedText =
        typeof discrepancy.reported === 'number'
          ? formatFixed(discrepancy.reported, digits)
          : discrepancy.reported;
      const derivedText =
        typeof discrepancy.derived === 'number'
          ? formatFixed(discrepancy.derived, digits)
          : discrepancy.derived;
      warnings.push({
        ...base,
        code: WARNING_CODES.reportedRateStatusDiffers,
        severity: 'info',
        ...(typeof discrepancy.reported === 'number' ? { actual: discrepancy.reported } : {}),
        messageZh: `${who.zh}${definition.nameZh}印刷为${reportedText}，而其计数给出${derivedText === 'not_applicable' ? '“-”（无分母）' : derivedText === 'not_connected' ? '“/”（未联通）' : derivedText}`,
        messageEn: `${who.en}: ${definition.nameEn} is printed ${reportedText} where the counts give ${derivedText}`,
      });
    }
  }
  return warnings;
}

/**
 * Runs every shipped rule over the imported figures: the measure rules of the catalogue
 * (evaluated ≤ offline cases, online + offline = cases, …) on each printed row, 合计/小计
 * rows against their rows, totals quoted in prose against the units, duplicate cells, and
 * printed rates against their counts. Each warning names the cell.
 */
export function validate(context: AssessmentContext, options: ValidateOptions = {}): Warning[] {
  const groupUnits = (id: string) => context.store.group(id)?.unitIds ?? [];
  const selected = <T extends { subject: Subject; period: string }>(records: readonly T[]): T[] =>
    records.filter((r) => {
      if (options.period !== undefined && !sameMonths(r.period, options.period)) return false;
      const hierarchy = context.hierarchy(options.asOf ?? periodEndDate(r.period));
      return inScope(hierarchy, r.subject, options.regionCode, groupUnits);
    });
  const observations = selected(context.store.observations);
  const reported = selected(context.store.reported);
  return [
    ...rowRules(context.rules, observations),
    ...totalRules(context, observations, options),
    ...conflictRule(observations),
    ...rateRules(context, reported, options),
  ];
}
