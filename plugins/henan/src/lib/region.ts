import { AdapterError, formatLocation } from '@efficacy/plugin-sdk';
import type { Location, PeriodCandidate, WarningRecord } from '@efficacy/plugin-sdk';

import { HENAN_REGIONS } from '../mappings/regions';
import type { HenanRegion } from '../mappings/regions';

/**
 * The region a text names. A title may name several levels ("安阳市殷都区…"): the most
 * specific one is what the table is about. A township name several counties share counts
 * only with its county named beside it.
 */
export function findRegionInText(text: string): HenanRegion | undefined {
  const match = HENAN_REGIONS.findIn(text);
  return match.status === 'found' ? match.region : undefined;
}

export function regionByCode(code: string): HenanRegion | undefined {
  return HENAN_REGIONS.byCode(code);
}

/** Enclosing regions, nearest first (殷都区 → 安阳市, 河南省). */
export function ancestorsOf(region: HenanRegion): HenanRegion[] {
  return HENAN_REGIONS.ancestorsOf(region.code);
}

export interface ResolvedRegion {
  code: string;
  /** The region of the code; drives total/benchmark row labels. */
  region?: HenanRegion;
  source: 'file' | 'context';
  warnings: WarningRecord[];
}

/** Title lines of one sheet, as the period and the region are read from them. */
export interface SheetTitles {
  sheet: string;
  candidates: readonly PeriodCandidate[];
}

/** A title's region; a region of another province, or a township name without its county, is refused. */
function regionOfTitle(candidate: PeriodCandidate): HenanRegion | undefined {
  const match = HENAN_REGIONS.findIn(candidate.text);
  if (match.status === 'found') return match.region;
  if (match.status === 'ambiguous') {
    throw new AdapterError(
      'REGION_NOT_FOUND',
      `the title "${candidate.text}" names ${match.name}, which is the name of ${match.candidates.length} Henan regions (${match.candidates.map((c) => c.code).join(', ')}); give the region code with the upload`,
      candidate.location,
    );
  }
  const other = HENAN_REGIONS.otherProvinceIn(candidate.text);
  if (other) {
    HENAN_REGIONS.assertInProvince(other.code, candidate.location, `named in "${candidate.text}"`);
  }
  return undefined;
}

/**
 * The region a batch is about: the one the titles name, else the one given with the upload,
 * else REGION_NOT_FOUND. Sheets of one workbook naming different regions are refused: a batch
 * holds one region, and guessing which sheet is right would file figures under the wrong one.
 * A region of another province, given or named, is refused too.
 */
export function resolveRegion(
  file: string,
  titles: readonly SheetTitles[],
  context: { regionCode?: string },
): ResolvedRegion {
  const given =
    context.regionCode === undefined
      ? undefined
      : HENAN_REGIONS.contextRegion(context.regionCode, { file });
  let named: { region: HenanRegion; location: Location } | undefined;
  for (const sheet of titles) {
    for (const candidate of sheet.candidates) {
      const region = regionOfTitle(candidate);
      if (!region) continue;
      if (named && named.region.code !== region.code) {
        throw new AdapterError(
          'BAD_VALUE',
          `the title "${candidate.text}" names ${region.name} (${region.code}), but ${formatLocation(named.location)} names ${named.region.name} (${named.region.code}); one file must be about one region`,
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
    if (given && given.code !== named.region.code) {
      warnings.push({
        code: 'REGION_DIFFERS_FROM_CONTEXT',
        message: `${formatLocation(named.location)}: the title names ${named.region.name} (${named.region.code}); the upload said ${given.code}, the title is used`,
        provenance: named.location,
      });
    }
    return { code: named.region.code, region: named.region, source: 'file', warnings };
  }
  if (given) return { code: given.code, region: given, source: 'context', warnings: [] };
  const first = titles.flatMap((sheet) => sheet.candidates)[0];
  const sheet = titles[0]?.sheet;
  const location: Location = first?.location ?? {
    file,
    ...(sheet !== undefined ? { sheet } : {}),
  };
  const shown = first ? ` in the title "${first.text}"` : '';
  throw new AdapterError(
    'REGION_NOT_FOUND',
    `no Henan region (such as 殷都区 or 唐河县) is named${shown}, and no region code was given with the upload`,
    location,
  );
}
