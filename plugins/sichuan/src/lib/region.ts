import { AdapterError, formatLocation } from '@efficacy/plugin-sdk';
import type {
  Location,
  PeriodCandidate,
  ProvinceRegion,
  WarningRecord,
} from '@efficacy/plugin-sdk';

import { SICHUAN_REGIONS } from '../mappings/regions';

export interface ResolvedRegion {
  regionCode: string;
  /** What named it: a title row of the sheet, or the upload context. */
  source: 'title' | 'context';
  warnings: WarningRecord[];
}

/**
 * The most specific region a text names (攀枝花市西区 is 西区, not 攀枝花市). A region of another
 * province named where no Sichuan one is, is refused; so is a township name several counties
 * share, when the text does not name the county.
 */
export function regionIn(text: string, location: Location): ProvinceRegion | undefined {
  const match = SICHUAN_REGIONS.findIn(text);
  if (match.status === 'found') return match.region;
  if (match.status === 'ambiguous') {
    throw new AdapterError(
      'REGION_NOT_FOUND',
      `"${text}" names ${match.name}, which is the name of ${match.candidates.length} Sichuan regions (${match.candidates.map((c) => c.code).join(', ')}); give the region code with the upload`,
      location,
    );
  }
  const other = SICHUAN_REGIONS.otherProvinceIn(text);
  if (other) SICHUAN_REGIONS.assertInProvince(other.code, location, `named in "${text}"`);
  return undefined;
}

/** A region named exactly (a row label such as 西区), not merely mentioned. */
export function regionNamed(text: string, within?: string): ProvinceRegion | undefined {
  const match = SICHUAN_REGIONS.named(text, within === undefined ? {} : { within });
  return match.status === 'found' ? match.region : undefined;
}

/**
 * The region a report is about: the title rows first (what the report prints), then what
 * the uploader said. Xiqu's 附件1 names no region at all ("9月“一网通办”能力提升工作情况"), so
 * it needs the context. A title that names a region wins over the context, with a warning,
 * because the context is typed by hand. A region of another province is refused.
 */
export function resolveRegion(
  fileName: string,
  sheet: string,
  titles: readonly PeriodCandidate[],
  contextRegion: string | undefined,
): ResolvedRegion {
  const context =
    contextRegion === undefined
      ? undefined
      : SICHUAN_REGIONS.contextRegion(contextRegion, { file: fileName });
  for (const title of titles) {
    const region = regionIn(title.text, title.location);
    if (!region) continue;
    const warnings: WarningRecord[] = [];
    if (context && context.code !== region.code) {
      warnings.push({
        code: 'REGION_CONTEXT_IGNORED',
        message: `${formatLocation(title.location)}: the title names ${region.name} (${region.code}); the region ${context.code} given with the upload is not used`,
        provenance: title.location,
      });
    }
    return { regionCode: region.code, source: 'title', warnings };
  }
  if (context) return { regionCode: context.code, source: 'context', warnings: [] };
  // Point at the title proper (the row closest above the header), where a region would be.
  const title = titles[titles.length - 1];
  const location: Location = title ? title.location : { file: fileName, sheet };
  throw new AdapterError(
    'REGION_NOT_FOUND',
    `${title ? `the title "${title.text}"` : 'the sheet'} names no Sichuan region (such as 西区 or 攀枝花市), and no region was given with the upload`,
    location,
  );
}
