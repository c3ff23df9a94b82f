import type { Hierarchy } from '../regions/hierarchy';
import { regionNameForms } from '../regions/region';
import { canonicalUnitKey, cleanUnitName, nameSimilarity } from './names';
import type { Unit } from './unit';

/**
 * How a printed name was resolved, so an import preview can show it and a person can
 * confirm anything weaker than an alias.
 */
export type UnitMatch =
  | { readonly kind: 'exact'; readonly input: string; readonly unit: Unit }
  | { readonly kind: 'alias'; readonly input: string; readonly unit: Unit; readonly alias: string }
  | {
      readonly kind: 'normalised';
      readonly input: string;
      readonly unit: Unit;
      /** The canonical key both spellings reduce to. */
      readonly key: string;
    }
  | {
      readonly kind: 'suggested';
      readonly input: string;
      readonly key: string;
      /** Best first; a person picks one (and the API can store it as an alias). */
      readonly candidates: ReadonlyArray<{ readonly unit: Unit; readonly score: number }>;
    }
  | { readonly kind: 'none'; readonly input: string; readonly key: string };

export type UnitMatchKind = UnitMatch['kind'];

export interface MatchOptions {
  /**
   * The region the source reports on (e.g. the county of a bulletin). Candidates are the
   * units in it and in its ancestors (a city window stationed in a county hall), and its
   * names are stripped from the input.
   */
  readonly regionCode?: string;
  /** Lowest similarity offered as a suggestion; 0.5 by default. */
  readonly minScore?: number;
  /** How many suggestions to return; 3 by default. */
  readonly maxSuggestions?: number;
}

export interface UnitMatcher {
  match(name: string, options?: MatchOptions): UnitMatch;
}

export function createUnitMatcher(
  hierarchy: Hierarchy,
  extraUnits: readonly Unit[] = [],
): UnitMatcher {
  const units = [...hierarchy.units(), ...extraUnits];

  const regionNamesFor = (regionCode: string | undefined): string[] => {
    if (regionCode === undefined) return [];
    const codes = [regionCode, ...hierarchy.ancestorsOf(regionCode)];
    return codes.flatMap((code) => {
      const region = hierarchy.region(code);
      return region ? regionNameForms(region) : [];
    });
  };

  const keysByUnit = new Map<string, Set<string>>();
  for (const unit of units) {
    const context = {
      regionNames: regionNamesFor(hierarchy.regionOfUnit(unit.id) ?? unit.regionCode),
    };
    keysByUnit.set(
      unit.id,
      new Set([unit.nameZh, ...unit.aliases].map((n) => canonicalUnitKey(n, context))),
    );
  }

  const inScope = (unit: Unit, regionCode: string | undefined): boolean => {
    if (regionCode === undefined) return true;
    const unitRegion = hierarchy.regionOfUnit(unit.id) ?? unit.regionCode;
    return (
      hierarchy.isWithin(unitRegion, regionCode) ||
      hierarchy.ancestorsOf(regionCode).includes(unitRegion)
    );
  };

  return {
    match(name: string, options: MatchOptions = {}): UnitMatch {
      const input = name.trim();
      const candidates = units.filter((u) => inScope(u, options.regionCode));
      const key = canonicalUnitKey(input, { regionNames: regionNamesFor(options.regionCode) });

      const exact = candidates.filter((u) => u.nameZh === input);
      if (exact.length === 1) return { kind: 'exact', input, unit: exact[0] };
      const byAlias = candidates.filter((u) => u.aliases.includes(input));
      if (exact.length === 0 && byAlias.length === 1) {
        return { kind: 'alias', input, unit: byAlias[0], alias: input };
      }
      const ambiguous = [...exact, ...byAlias];

      if (ambiguous.length === 0) {
        const cleaned = cleanUnitName(input);
        const normalised = candidates.filter(
          (u) =>
            u.nameZh === cleaned || u.aliases.includes(cleaned) || keysByUnit.get(u.id)?.has(key),
        );
        if (normalised.length === 1) return { kind: 'normalised', input, unit: normalised[0], key };
        ambiguous.push(...normalised);
      }

      const minScore = options.minScore ?? 0.5;
      const scored = (ambiguous.length > 0 ? ambiguous : candidates)
        .map((unit) => ({
          unit,
          score: ambiguous.includes(unit)
            ? 1
            : Math.max(...[...(keysByUnit.get(unit.id) ?? [])].map((k) => nameSimilarity(key, k))),
        }))
        .filter((s) => s.score >= minScore)
        .sort((a, b) => b.score - a.score || a.unit.id.localeCompare(b.unit.id))
        .slice(0, options.maxSuggestions ?? 3)
        .map((s) => ({ unit: s.unit, score: Math.round(s.score * 100) / 100 }));
      if (scored.length > 0) return { kind: 'suggested', input, key, candidates: scored };
      return { kind: 'none', input, key };
    },
  };
}
