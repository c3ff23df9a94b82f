import { AdapterError, formatLocation, normaliseText } from '@efficacy/plugin-sdk';
import type { Location, PeriodCandidate, WarningRecord } from '@efficacy/plugin-sdk';

import { NINGXIA_REGIONS } from '../mappings/regions';
import type { RegionName } from '../mappings/regions';

export interface ResolvedRegion {
  regionCode: string;
  /** What named it: the title text, the file name, or the upload context. */
  source: 'title' | 'file-name' | 'context';
  warnings: WarningRecord[];
}

/** County (640106) before city (640100) before province (640000). */
function specificity(code: string): number {
  if (code.endsWith('0000')) return 0;
  if (code.endsWith('00')) return 1;
  return 2;
}

function compact(text: string): string {
  return normaliseText(text).replace(/\s+/g, '');
}

/** The most specific region named in a text: 银川市金凤区 is 金凤区, not 银川市. */
function regionIn(text: string): RegionName | undefined {
  const haystack = compact(text);
  let best: RegionName | undefined;
  for (const region of NINGXIA_REGIONS) {
    if (!region.names.some((name) => haystack.includes(compact(name)))) continue;
    if (!best || specificity(region.code) > specificity(best.code)) best = region;
  }
  return best;
}

function regionInFileName(fileName: string): RegionName | undefined {
  const base = fileName.replace(/\.[^.]+$/, '');
  const byName = regionIn(base);
  if (byName) return byName;
  const tokens = new Set(base.toLowerCase().split(/[^a-z0-9]+/));
  let best: RegionName | undefined;
  for (const region of NINGXIA_REGIONS) {
    if (!region.slugs.some((slug) => tokens.has(slug))) continue;
    if (!best || specificity(region.code) > specificity(best.code)) best = region;
  }
  return best;
}

/**
 * The region a report is about: the title first (it is what the bulletin prints), then the
 * file name, then what the uploader said. A file that names its region wins over the
 * upload context, with a warning, because the context is typed by hand.
 */
export function resolveRegion(
  fileName: string,
  titles: readonly PeriodCandidate[],
  contextRegion: string | undefined,
): ResolvedRegion {
  for (const title of titles) {
    const region = regionIn(title.text);
    if (region) return found(region, 'title', title.location);
  }
  const fromName = regionInFileName(fileName);
  if (fromName) return found(fromName, 'file-name', { file: fileName });
  if (contextRegion !== undefined) {
    if (!/^\d{6}$/.test(contextRegion)) {
      throw new AdapterError(
        'BAD_CONTEXT',
        `the region "${contextRegion}" given with the upload is not a GB/T 2260 code`,
        { file: fileName },
      );
    }
    return { regionCode: contextRegion, source: 'context', warnings: [] };
  }
  throw new AdapterError(
    'REGION_NOT_FOUND',
    'neither the title nor the file name names a Ningxia region (such as 金凤区 or 灵武市), and no region was given with the upload',
    { file: fileName },
  );

  function found(
    region: RegionName,
    source: 'title' | 'file-name',
    location: Location,
  ): ResolvedRegion {
    const warnings: WarningRecord[] = [];
    if (contextRegion !== undefined && contextRegion !== region.code) {
      warnings.push({
        code: 'REGION_CONTEXT_IGNORED',
        message: `${formatLocation(location)}: the file names ${region.names[0]} (${region.code}); the region ${contextRegion} given with the upload is not used`,
        provenance: location,
      });
    }
    return { regionCode: region.code, source, warnings };
  }
}
