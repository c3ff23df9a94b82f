import type { Hierarchy } from '../regions/hierarchy';

/**
 * A comparison as a plan or policy writes it ("不低于" >=, "高于" >, "不超过" <=, …). Adapters
 * read all five; a target stores the inclusive ones (the import turns > into >= and < into <=).
 */
export type Comparator = '>=' | '<=' | '=' | '>' | '<';

/**
 * `improve` is for goals without a number ("持续优化提升", the Gansu plan's guide accuracy):
 * met when the figure is better than the previous period's.
 */
export type TargetComparator = Exclude<Comparator, '>' | '<'> | 'improve';

/** What a target asks for; `value` is in the indicator's display unit (40 for 40%). */
export interface TargetRule {
  readonly comparator: TargetComparator;
  /** Required for >=, <= and =; absent for improve. */
  readonly value?: number;
}

export interface Target extends TargetRule {
  readonly id: string;
  readonly indicator: string;
  /** Applies here and, unless overridden, to every region and unit below. */
  readonly regionCode: string;
  readonly year: number;
  /** Who set it (a user or, for demo data, the issuing body). */
  readonly setBy: string;
  /** ISO timestamp; among targets for the same region the latest one counts. */
  readonly setAt: string;
  /** ISO date the target must be reached by, when the policy names one. */
  readonly deadline?: string;
  /** "并长期坚持": the obligation continues after the deadline. */
  readonly ongoing?: boolean;
  /** Responsible units as the policy names them. */
  readonly responsibleZh?: string;
  readonly noteZh?: string;
  /** The document the target comes from. */
  readonly source?: string;
}

/** Problems with a target as entered, for API input validation; empty when it is usable. */
export function validateTargetRule(rule: TargetRule): string[] {
  const problems: string[] = [];
  if (!['>=', '<=', '=', 'improve'].includes(rule.comparator)) {
    problems.push(`comparator must be one of >=, <=, =, improve; got "${rule.comparator}"`);
  } else if (rule.comparator === 'improve') {
    if (rule.value !== undefined) problems.push('an "improve" target has no value');
  } else if (rule.value === undefined || !Number.isFinite(rule.value)) {
    problems.push(`a "${rule.comparator}" target needs a finite value`);
  }
  return problems;
}

export interface ResolvedTarget {
  readonly target: Target;
  /** The region the target was set on; equals the asked region when not inherited. */
  readonly setOn: string;
  /** True when the target comes from an ancestor region. */
  readonly inherited: boolean;
}

function latest(targets: readonly Target[]): Target | undefined {
  return [...targets].sort((a, b) => (a.setAt < b.setAt ? 1 : a.setAt > b.setAt ? -1 : 0))[0];
}

/**
 * The target that applies to an indicator in a region and year: the region's own, else the
 * nearest ancestor's. A region overrides what it would inherit by setting its own.
 */
export function resolveTarget(
  targets: readonly Target[],
  indicator: string,
  regionCode: string,
  year: number,
  hierarchy: Hierarchy,
): ResolvedTarget | undefined {
  for (const code of [regionCode, ...hierarchy.ancestorsOf(regionCode)]) {
    const here = latest(
      targets.filter((t) => t.indicator === indicator && t.regionCode === code && t.year === year),
    );
    if (here) return { target: here, setOn: code, inherited: code !== regionCode };
  }
  return undefined;
}

/** For a unit: the target of the region it belongs to (always inherited). */
export function resolveUnitTarget(
  targets: readonly Target[],
  indicator: string,
  unitId: string,
  year: number,
  hierarchy: Hierarchy,
): ResolvedTarget | undefined {
  const regionCode = hierarchy.regionOfUnit(unitId);
  if (regionCode === undefined) return undefined;
  const resolved = resolveTarget(targets, indicator, regionCode, year, hierarchy);
  return resolved ? { ...resolved, inherited: true } : undefined;
}

export function formatTargetRule(rule: TargetRule, lang: 'zh' | 'en' = 'zh'): string {
  if (rule.comparator === 'improve' || rule.value === undefined)
    return lang === 'zh' ? '持续优化提升' : 'keep improving';
  const symbol = rule.comparator === '>=' ? '≥' : rule.comparator === '<=' ? '≤' : '=';
  return `${symbol} ${rule.value}`;
}
