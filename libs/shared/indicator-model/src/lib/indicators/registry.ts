import { isActiveOn } from '../regions/region';
import { getMeasure } from '../measures/catalogue';
import { INDICATOR_DEFINITIONS } from './catalogue';
import { termsOf, type IndicatorDefinition } from './definition';

/** Picks one version: the one in force on a date, or an explicit version number. */
export type VersionSelector = string | { readonly version: number };

export interface IndicatorCatalogue {
  /** Every version of every indicator. */
  all(): readonly IndicatorDefinition[];
  /** Codes in catalogue order. */
  codes(): string[];
  versionsOf(code: string): IndicatorDefinition[];
  /** The version in force on an ISO date, or a pinned version; undefined when none. */
  find(code: string, selector: VersionSelector): IndicatorDefinition | undefined;
  /** Like find, with an error that says which code or date had no definition. */
  get(code: string, selector: VersionSelector): IndicatorDefinition;
  /** One definition per code, those in force on the date. */
  listAsOf(date: string): IndicatorDefinition[];
}

export class CatalogueError extends Error {
  override readonly name = 'CatalogueError';
}

function checkDefinition(definition: IndicatorDefinition): void {
  const where = `${definition.code} v${definition.version}`;
  if (!Number.isInteger(definition.version) || definition.version < 1) {
    throw new CatalogueError(`${where}: version must be a positive integer`);
  }
  for (const term of termsOf(definition.formula)) {
    if (!getMeasure(term.measure))
      throw new CatalogueError(`${where}: unknown measure "${term.measure}"`);
  }
  if (definition.validTo !== undefined && definition.validTo <= definition.validFrom) {
    throw new CatalogueError(
      `${where}: validTo ${definition.validTo} is not after validFrom ${definition.validFrom}`,
    );
  }
  if (definition.formula.kind === 'ratio' && definition.formula.denominator.length === 0) {
    throw new CatalogueError(`${where}: a ratio needs a denominator`);
  }
}

function overlaps(a: IndicatorDefinition, b: IndicatorDefinition): boolean {
  const aEnd = a.validTo ?? '9999-12-31';
  const bEnd = b.validTo ?? '9999-12-31';
  return a.validFrom < bEnd && b.validFrom < aEnd;
}

/**
 * Builds a catalogue and checks it: known measures, unique versions, and no two versions of
 * one code in force on the same day (otherwise "as of" would be ambiguous).
 */
export function createIndicatorCatalogue(
  definitions: readonly IndicatorDefinition[],
): IndicatorCatalogue {
  const byCode = new Map<string, IndicatorDefinition[]>();
  for (const definition of definitions) {
    checkDefinition(definition);
    const versions = byCode.get(definition.code) ?? [];
    for (const other of versions) {
      if (other.version === definition.version) {
        throw new CatalogueError(`${definition.code} v${definition.version} is defined twice`);
      }
      if (overlaps(other, definition)) {
        throw new CatalogueError(
          `${definition.code}: v${other.version} and v${definition.version} are both in force on some day`,
        );
      }
    }
    versions.push(definition);
    byCode.set(definition.code, versions);
  }
  for (const versions of byCode.values()) versions.sort((a, b) => a.version - b.version);

  const find = (code: string, selector: VersionSelector): IndicatorDefinition | undefined => {
    const versions = byCode.get(code) ?? [];
    return typeof selector === 'string'
      ? versions.find((d) => isActiveOn(d, selector))
      : versions.find((d) => d.version === selector.version);
  };

  return {
    all: () => definitions,
    codes: () => [...byCode.keys()],
    versionsOf: (code) => [...(byCode.get(code) ?? [])],
    find,
    get(code, selector) {
      const definition = find(code, selector);
      if (definition) return definition;
      if (!byCode.has(code)) throw new CatalogueError(`Unknown indicator "${code}"`);
      throw new CatalogueError(
        typeof selector === 'string'
          ? `Indicator "${code}" has no version in force on ${selector}`
          : `Indicator "${code}" has no version ${selector.version}`,
      );
    },
    listAsOf: (date) =>
      [...byCode.values()].flatMap((versions) =>
        versions.filter((d) => isActiveOn(d, date)).slice(0, 1),
      ),
  };
}

/** The catalogue shipped with Efficacy. */
export const INDICATOR_CATALOGUE: IndicatorCatalogue =
  createIndicatorCatalogue(INDICATOR_DEFINITIONS);

/** The shipped definition of `code` in force on `asOf` (ISO date) or the pinned version. */
export function getIndicator(code: string, asOf: VersionSelector): IndicatorDefinition {
  return INDICATOR_CATALOGUE.get(code, asOf);
}
