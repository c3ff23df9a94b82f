import { AdapterError, formatLocation, normaliseText } from '@efficacy/plugin-sdk';
import type { Location, PeriodCandidate, WarningRecord } from '@efficacy/plugin-sdk';

import { SICHUAN_REGIONS } from '../mappings/regions';
import type { RegionName } from '../mappings/regions';

export interface ResolvedRegion {
  regionCode: string;
  /** What named it: a title row of the sheet, or the upload context. */
  source: 'title' | 'context';
  warnings: WarningRecord[];
}

/** County before city before province: 攀枝花市西区 is 西区, not 攀枝花市. */
function specificity(code: string): number {
  if (code.endsWith('0000')) return 0;
  if (code.endsWith('00')) return 1;
  return 2;
}

function compact(text: string): string {
  return normaliseText(text).replace(/\s+/g, '');
}

/** The most specific region a text names. */
export function regionIn(text: string): RegionName | undefined {
  const haystack = compact(text);
  let best: RegionName | undefined;
  for (const region of SICHUAN_REGIONS) {
    if (!region.names.some((name) => haystack.includes(compact(name)))) continue;
    if (!best || specificity(region.code) > specificity(best.code)) best = region;
  }
  return best;
}

/** A region named exactly (a row label such as 西区), not merely mentioned. */
export function regionNamed(text: string): RegionName | undefined {
  const key = compact(text);
  return SICHUAN_REGIONS.find((region) => region.names.some((name) => compact(name) === key));
}

/**
 * The region a report is about: the title rows first (what the report prints), then what
 * the uploader said. Xiqu's 附件1 names no region at all ("9月“一网通办”能力提升工作情况"), so
 * it needs the context. A title that names a region wins over the context, with a warning,
 * because the context is typed by hand.
 */
export function resolveRegion(
  fileName: string,
  sheet: string,
  titles: readonly PeriodCandidate[],
  contextRegion: string | undefined,
): ResolvedRegion {
  if (contextRegion !== undefined && !/^\d{6}$/.test(contextRegion)) {
    throw new AdapterError(
      'BAD_CONTEXT',
      `the region "${contextRegion}" given with the upload is not a GB/T 2260 code`,
      { file: fileName },
    );
  }
  for (const title of titles) {
    const region = regionIn(title.text);
    if (!region) continue;
    const warnings: WarningRecord[] = [];
    if (contextRegion !== undefined && contextRegion !== region.code) {
      warnings.push({
        code: 'REGION_CONTEXT_IGNORED',
        message: `${formatLocation(title.location)}: the title names ${region.names[0]} (${region.code}); the region ${contextRegion} given with the upload is not used`,
        provenance: title.location,
      });
    }
    return { regionCode: region.code, source: 'title', warnings };
  }
  if (contextRegion !== undefined)
    return { regionCode: contextRegion, source: 'context', warnings: [] };
  // Point at the title proper (the row closest above the header), where a region would be.
  const title = titles[titles.length - 1];
  const location: Location = title ? title.location : { file: fileName, sheet };
  throw new AdapterError(
    'REGION_NOT_FOUND',
    `${title ? `the title "${title.text}"` : 'the sheet'} names no Sichuan region (such as 西区 or 攀枝花市), and no region was given with the upload`,
    location,
  );
}
