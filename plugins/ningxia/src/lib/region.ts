import { AdapterError, formatLocation } from '@efficacy/plugin-sdk';
import type {
  Location,
  PeriodCandidate,
  ProvinceRegion,
  WarningRecord,
} from '@efficacy/plugin-sdk';

import { NINGXIA_REGIONS, NINGXIA_SLUGS } from '../mappings/regions';

export interface ResolvedRegion {
  regionCode: string;
  /** What named it: the title text, the file name, or the upload context. */
  source: 'title' | 'file-name' | 'context';
  warnings: WarningRecord[];
}

const DEPTH = { province: 0, city: 1, county: 2, township: 3 } as const;

/** The most specific region named in a text: 银川市金凤区 is 金凤区, not 银川市. */
function regionIn(text: string, location: Location): ProvinceRegion | undefined {
  const match = NINGXIA_REGIONS.findIn(text);
  if (match.status === 'found') return match.region;
  if (match.status === 'ambiguous') {
    throw new AdapterError(
      'REGION_NOT_FOUND',
      `"${text}" names ${match.name}, which is the name of ${match.candidates.length} Ningxia regions (${match.candidates.map((c) => c.code).join(', ')}); give the region code with the upload`,
      location,
    );
  }
  const other = NINGXIA_REGIONS.otherProvinceIn(text);
  if (other) NINGXIA_REGIONS.assertInProvince(other.code, location, `named in "${text}"`);
  return undefined;
}

function regionInFileName(fileName: string): ProvinceRegion | undefined {
  const base = fileName.replace(/\.[^.]+$/, '');
  const byName = regionIn(base, { file: fileName });
  if (byName) return byName;
  const tokens = new Set(base.toLowerCase().split(/[^a-z0-9]+/));
  let best: ProvinceRegion | undefined;
  for (const [code, slugs] of Object.entries(NINGXIA_SLUGS)) {
    if (!slugs.some((slug) => tokens.has(slug))) continue;
    const region = NINGXIA_REGIONS.byCode(code);
    if (region && (!best || DEPTH[region.level] > DEPTH[best.level])) best = region;
  }
  return best;
}

/**
 * The region a report is about: the title first (it is what the bulletin prints), then the
 * file name, then what the uploader said. A file that names its region wins over the
 * upload context, with a warning, because the context is typed by hand. A region of another
 * province, given or named, is refused: this adapter reads Ningxia's platform only.
 */
export function resolveRegion(
  fileName: string,
  titles: readonly PeriodCandidate[],
  contextRegion: string | undefined,
): ResolvedRegion {
  const context =
    contextRegion === undefined
      ? undefined
      : NINGXIA_REGIONS.contextRegion(contextRegion, { file: fileName });
  for (const title of titles) {
    const region = regionIn(title.text, title.location);
    if (region) return found(region, 'title', title.location);
  }
  const fromName = regionInFileName(fileName);
  if (fromName) return found(fromName, 'file-name', { file: fileName });
  if (context) return { regionCode: context.code, source: 'context', warnings: [] };
  throw new AdapterError(
    'REGION_NOT_FOUND',
    'neither the title nor the file name names a Ningxia region (such as 金凤区 or 灵武市), and no region was given with the upload',
    { file: fileName },
  );

  function found(
    region: ProvinceRegion,
    source: 'title' | 'file-name',
    location: Location,
  ): ResolvedRegion {
    const warnings: WarningRecord[] = [];
    if (context && context.code !== region.code) {
      warnings.push({
        code: 'REGION_CONTEXT_IGNORED',
        message: `${formatLocation(location)}: the file names ${region.name} (${region.code}); the region ${context.code} given with the upload is not used`,
        provenance: location,
      });
    }
    return { regionCode: region.code, source, warnings };
  }
}
