import {
  findPeriod,
  isPeriod,
  periodSpan,
  type FindPeriodResult,
  type PeriodMatch,
} from '@efficacy/indicator-model';

import { AdapterError } from '../contract/errors';
import type { Location } from '../contract/errors';

/**
 * Periods for adapters. The notation (2022, 2022-H1, 2022-Q3, 2022-08, 2022-01..2022-08)
 * and the reading of Chinese period phrases live in the shared model; adapters get them
 * from here, and this file adds what the adapter contract needs on top: a period that
 * cannot be found is an AdapterError naming the cell.
 */
export {
  findPeriod,
  isPeriod,
  monthRange,
  periodSpan,
  samePeriodSpan,
  yearToDate,
} from '@efficacy/indicator-model';
export type {
  FindPeriodResult,
  MonthSpan,
  PeriodMatch,
  PeriodPhraseKind,
} from '@efficacy/indicator-model';

/** Parses a period phrase; throws PERIOD_NOT_FOUND naming the location when there is none. */
export function parsePeriodPhrase(
  text: string,
  options: { year?: number; location: Location },
): string {
  const result = findPeriod(text, options);
  if (result.found) return result.match.period;
  throw periodNotFound(text, result, options.location);
}

function periodNotFound(text: string, result: FindPeriodResult, location: Location): AdapterError {
  const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
  const detail =
    !result.found && result.reason === 'no-year'
      ? `"${result.phrase}" in "${shown}" names no year, and none was given with the upload`
      : `no reporting period (such as "1-8月", "2023年6月", "上半年", "第三季度") found in "${shown}", and none was given with the upload`;
  return new AdapterError('PERIOD_NOT_FOUND', detail, location);
}

export interface PeriodCandidate {
  text: string;
  location: Location;
}

export interface ResolvedPeriod {
  period: string;
  /** Where the period came from; `context` means the caller supplied it. */
  source: 'file' | 'context';
  match?: PeriodMatch;
  location?: Location;
}

/**
 * The period for a batch: the first candidate text (title rows, a 填报时间 cell, ...) that
 * states one, with a missing year completed from the context; otherwise the context's
 * period; otherwise PERIOD_NOT_FOUND at the first candidate.
 */
export function resolvePeriod(
  candidates: readonly PeriodCandidate[],
  context: { period?: string; year?: number },
  fallbackLocation: Location,
): ResolvedPeriod {
  if (context.period !== undefined && !isPeriod(context.period)) {
    throw new AdapterError(
      'BAD_CONTEXT',
      `the period "${context.period}" given with the upload is not period notation (2022-08, 2022-Q3, 2022-H1, 2022, 2022-01..2022-08)`,
      fallbackLocation,
    );
  }
  const contextYear =
    context.year ??
    (context.period ? Number(periodSpan(context.period)?.end.slice(0, 4)) : undefined);
  let failure: { candidate: PeriodCandidate; result: FindPeriodResult } | undefined;
  for (const candidate of candidates) {
    const result = findPeriod(
      candidate.text,
      contextYear !== undefined ? { year: contextYear } : {},
    );
    if (result.found) {
      return {
        period: result.match.period,
        source: 'file',
        match: result.match,
        location: candidate.location,
      };
    }
    // "8月 without a year" explains more than "nothing here", so it wins the error message.
    if (
      !failure ||
      (result.reason === 'no-year' && !failure.result.found && failure.result.reason === 'none')
    ) {
      failure = { candidate, result };
    }
  }
  if (context.period !== undefined) return { period: context.period, source: 'context' };
  if (failure)
    throw periodNotFound(failure.candidate.text, failure.result, failure.candidate.location);
  throw new AdapterError(
    'PERIOD_NOT_FOUND',
    'the file states no reporting period and none was given with the upload',
    fallbackLocation,
  );
}
