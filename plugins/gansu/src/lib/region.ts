import {
  AdapterError,
  formatLocation,
  normaliseText,
  squashWhitespace,
} from '@efficacy/plugin-sdk';
import type { Location, PeriodCandidate, WarningRecord } from '@efficacy/plugin-sdk';

import { GANSU_REGIONS } from '../mappings/regions';

export interface ResolvedRegion {
  regionCode: string;
  warnings: WarningRecord[];
}

function specificity(code: string): number {
  if (code.endsWith('0000')) return 0;
  if (code.endsWith('00')) return 1;
  return 2;
}

/**
 * The region a report is about: the most specific Gansu division named in the title rows
 * (嘉峪关市 rather than 甘肃省 when both appear), else the upload's `regionCode`, else
 * REGION_NOT_FOUND. The file wins over the context because the title is what the issuing
 * office printed; a disagreement is reported so the uploader sees it.
 */
export function resolveRegion(
  candidates: readonly PeriodCandidate[],
  contextCode: string | undefined,
  fallback: Location,
): ResolvedRegion {
  if (contextCode !== undefined && !/^\d{6}$/.test(contextCode)) {
    throw new AdapterError(
      'BAD_CONTEXT',
      `the region code "${contextCode}" given with the upload is not a six-digit GB/T 2260 code`,
      fallback,
    );
  }
  let best: { code: string; location: Location } | undefined;
  for (const candidate of candidates) {
    const text = squashWhitespace(normaliseText(candidate.text));
    for (const region of GANSU_REGIONS) {
      if (!region.names.some((name) => text.includes(name))) continue;
      if (!best || specificity(region.code) > specificity(best.code)) {
        best = { code: region.code, location: candidate.location };
      }
    }
  }
  if (best) {
    const warnings: WarningRecord[] = [];
    if (contextCode !== undefined && contextCode !== best.code) {
      warnings.push({
        code: 'REGION_CONTEXT_IGNORED',
        message: `${formatLocation(best.location)}: the title names region ${best.code}; the ${contextCode} given with the upload is not used`,
        provenance: best.location,
      });
    }
    return { regionCode: best.code, warnings };
  }
  if (contextCode !== undefined) return { regionCode: contextCode, warnings: [] };
  const first = candidates[0];
  throw new AdapterError(
    'REGION_NOT_FOUND',
    first
      ? `no Gansu city or prefecture (such as 嘉峪关市) is named in "${first.text}", and no regionCode was given with the upload`
      : 'the file names no region above its table, and no regionCode was given with the upload',
    first?.location ?? fallback,
  );
}
