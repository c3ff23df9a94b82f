import { AdapterError, formatLocation } from '@efficacy/plugin-sdk';
import type { Location, PeriodCandidate, WarningRecord } from '@efficacy/plugin-sdk';

import { HENAN_REGIONS } from '../mappings/regions';
import type { HenanRegion, RegionLevel } from '../mappings/regions';

const DEPTH: Record<RegionLevel, number> = { province: 0, city: 1, county: 2 };
const BY_CODE: ReadonlyMap<string, HenanRegion> = new Map(HENAN_REGIONS.map((r) => [r.code, r]));

/** Titles wrap and mix full-width forms; names are compared without either. */
function compact(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/**
 * The region a text names. A title may name several levels ("安阳市殷都区…"): the most
 * specific one is what the table is about.
 */
export function findRegionInText(text: string): HenanRegion | undefined {
  const key = compact(text);
  let found: HenanRegion | undefined;
  for (const region of HENAN_REGIONS) {
    if (!region.names.some((name) => key.includes(compact(name)))) continue;
    if (!found || DEPTH[region.level] > DEPTH[found.level]) found = region;
  }
  return found;
}

export function regionByCode(code: string): HenanRegion | undefined {
  return BY_CODE.get(code);
}

/** Enclosing regions, nearest first (殷都区 → 安阳市, 河南省). */
export function ancestorsOf(region: HenanRegion): HenanRegion[] {
  const out: HenanRegion[] = [];
  for (let next = region.parent; next !== undefined; ) {
    const parent = BY_CODE.get(next);
    if (!parent) break;
    out.push(parent);
    next = parent.parent;
  }
  return out;
}

export interface ResolvedRegion {
  code: string;
  /** Set when the code is one this plugin knows by name; drives total/benchmark row labels. */
  region?: HenanRegion;
  source: 'file' | 'context';
  warnings: WarningRecord[];
}

/** Title lines of one sheet, as the period and the region are read from them. */
export interface SheetTitles {
  sheet: string;
  candidates: readonly PeriodCandidate[];
}

const GB_T_2260 = /^\d{6}$/;

/**
 * The region a batch is about: the one the titles name, else the one given with the upload,
 * else REGION_NOT_FOUND. Sheets of one workbook naming different regions are refused: a batch
 * holds one region, and guessing which sheet is right would file figures under the wrong one.
 */
export function resolveRegion(
  file: string,
  titles: readonly SheetTitles[],
  context: { regionCode?: string },
): ResolvedRegion {
  if (context.regionCode !== undefined && !GB_T_2260.test(context.regionCode)) {
    throw new AdapterError(
      'BAD_CONTEXT',
      `the region code "${context.regionCode}" given with the upload is not a six-digit GB/T 2260 code`,
      { file },
    );
  }
  let named: { region: HenanRegion; location: Location } | undefined;
  for (const sheet of titles) {
    for (const candidate of sheet.candidates) {
      const region = findRegionInText(candidate.text);
      if (!region) continue;
      if (named && named.region.code !== region.code) {
        throw new AdapterError(
          'BAD_VALUE',
          `the title "${candidate.text}" names ${region.names[0]} (${region.code}), but ${formatLocation(named.location)} names ${named.region.names[0]} (${named.region.code}); one file must be about one region`,
          candidate.location,
        );
      }
      named ??= { region, location: candidate.location };
      // The first title line naming a region decides for its sheet.
      break;
    }
  }
  if (named) {
    const warnings: WarningRecord[] = [];
    if (context.regionCode !== undefined && context.regionCode !== named.region.code) {
      warnings.push({
        code: 'REGION_DIFFERS_FROM_CONTEXT',
        message: `${formatLocation(named.location)}: the title names ${named.region.names[0]} (${named.region.code}); the upload said ${context.regionCode}, the title is used`,
        provenance: named.location,
      });
    }
    return { code: named.region.code, region: named.region, source: 'file', warnings };
  }
  if (context.regionCode !== undefined) {
    const region = regionByCode(context.regionCode);
    return {
      code: context.regionCode,
      ...(region ? { region } : {}),
      source: 'context',
      warnings: [],
    };
  }
  const first = titles.flatMap((sheet) => sheet.candidates)[0];
  const sheet = titles[0]?.sheet;
  const location: Location = first?.location ?? {
    file,
    ...(sheet !== undefined ? { sheet } : {}),
  };
  const shown = first ? ` in the title "${first.text}"` : '';
  throw new AdapterError(
    'REGION_NOT_FOUND',
    `no Henan region (such as 殷都区 or 安阳市) is named${shown}, and no region code was given with the upload`,
    location,
  );
}
