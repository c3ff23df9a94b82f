import { AdapterError, formatLocation } from '@efficacy/plugin-sdk';
import type {
  Location,
  PeriodCandidate,
  ProvinceRegion,
  WarningRecord,
} from '@efficacy/plugin-sdk';

import { GANSU_REGIONS } from '../mappings/regions';

export interface ResolvedRegion {
  regionCode: string;
  warnings: WarningRecord[];
}

const DEPTH = { province: 0, city: 1, county: 2, township: 3 } as const;

/**
 * The region a report is about: the most specific Gansu division named in the title rows
 * (嘉峪关市 rather than 甘肃省 when both appear; 永昌县 rather than 金昌市), else the upload's
 * `regionCode`, else REGION_NOT_FOUND. The file wins over the context because the title is
 * what the issuing office printed; a disagreement is reported so the uploader sees it. A
 * region of another province, given or named, is refused.
 */
export function resolveRegion(
  candidates: readonly PeriodCandidate[],
  contextCode: string | undefined,
  fallback: Location,
): ResolvedRegion {
  const context =
    contextCode === undefined ? undefined : GANSU_REGIONS.contextRegion(contextCode, fallback);
  let best: { region: ProvinceRegion; location: Location } | undefined;
  for (const candidate of candidates) {
    const match = GANSU_REGIONS.findIn(candidate.text);
    if (match.status === 'ambiguous') {
      throw new AdapterError(
        'REGION_NOT_FOUND',
        `"${candidate.text}" names ${match.name}, which is the name of ${match.candidates.length} Gansu regions (${match.candidates.map((c) => c.code).join(', ')}); give the region code with the upload`,
        candidate.location,
      );
    }
    if (match.status === 'not-found') {
      const other = GANSU_REGIONS.otherProvinceIn(candidate.text);
      if (other) {
        GANSU_REGIONS.assertInProvince(
          other.code,
          candidate.location,
          `named in "${candidate.text}"`,
        );
      }
      continue;
    }
    if (!best || DEPTH[match.region.level] > DEPTH[best.region.level]) {
      best = { region: match.region, location: candidate.location };
    }
  }
  if (best) {
    const warnings: WarningRecord[] = [];
    if (context && context.code !== best.region.code) {
      warnings.push({
        code: 'REGION_CONTEXT_IGNORED',
        message: `${formatLocation(best.location)}: the title names region ${best.region.code}; the ${context.code} given with the upload is not used`,
        provenance: best.location,
      });
    }
    return { regionCode: best.region.code, warnings };
  }
  if (context) return { regionCode: context.code, warnings: [] };
  const first = candidates[0];
  throw new AdapterError(
    'REGION_NOT_FOUND',
    first
      ? `no Gansu region (such as 嘉峪关市 or 兰州市城关区) is named in "${first.text}", and no regionCode was given with the upload`
      : 'the file names no region above its table, and no regionCode was given with the upload',
    first?.location ?? fallback,
  );
}
