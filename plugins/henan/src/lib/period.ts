import {
  AdapterError,
  findPeriod,
  formatLocation,
  isAdapterError,
  resolvePeriod,
  samePeriodSpan,
  titleCandidates,
} from '@efficacy/plugin-sdk';
import type {
  GridSheet,
  Location,
  PeriodCandidate,
  ResolvedPeriod,
  WarningRecord,
} from '@efficacy/plugin-sdk';

import type { SheetTitles } from './region';

function compact(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/**
 * A line that is only a full date ("2023年7月10日" under the 附件5 title) is the day the table
 * was issued, after the month it reports on; read as a period it would say July.
 */
const ISSUE_DATE = /^\d{4}年\d{1,2}月\d{1,2}日$/;
/** "附件 5" above a title names the annex, never a period; skipping it puts errors on the title. */
const ANNEX_LABEL = /^附件\d+[:：]?$/;

export interface SheetTitleLines extends SheetTitles {
  /** Date lines left out as issue dates, for the error message when no period is found. */
  issueDates: readonly PeriodCandidate[];
}

/** The lines above a table's header that may state its period and region. */
export function sheetTitleLines(
  file: string,
  sheet: GridSheet,
  headerTop: number,
): SheetTitleLines {
  const candidates: PeriodCandidate[] = [];
  const issueDates: PeriodCandidate[] = [];
  for (const candidate of titleCandidates(file, sheet, headerTop)) {
    const text = compact(candidate.text);
    if (ISSUE_DATE.test(text)) issueDates.push(candidate);
    else if (!ANNEX_LABEL.test(text)) candidates.push(candidate);
  }
  return { sheet: sheet.name, candidates, issueDates };
}

export interface HenanPeriod {
  period: ResolvedPeriod;
  warnings: WarningRecord[];
}

/**
 * The batch period: the first title line that states one (附件2's 填报时间, 附件8's "6 月份" with
 * the year from the upload), else the period given with the upload. Several annexes state
 * none, so a `<file>.context.json` (or the upload form) supplies it.
 */
export function resolveHenanPeriod(
  file: string,
  sheets: readonly SheetTitleLines[],
  context: { period?: string; year?: number },
): HenanPeriod {
  const first = sheets[0];
  const fallback: Location = { file, ...(first ? { sheet: first.sheet } : {}) };
  let resolved: ResolvedPeriod;
  try {
    resolved = resolvePeriod(
      sheets.flatMap((sheet) => sheet.candidates),
      context,
      fallback,
    );
  } catch (error) {
    const issueDate = sheets.flatMap((sheet) => sheet.issueDates)[0];
    if (isAdapterError(error) && error.code === 'PERIOD_NOT_FOUND' && issueDate) {
      throw new AdapterError(
        'PERIOD_NOT_FOUND',
        `${error.detail}; "${issueDate.text}" (row ${issueDate.location.row ?? '?'}) is the date the table was issued, not the month it reports on`,
        error.location,
        { cause: error },
      );
    }
    throw error;
  }
  // A workbook of several annexes gets one period; an annex stating another one is named.
  const warnings: WarningRecord[] = [];
  const year = Number(resolved.period.slice(0, 4));
  for (const sheet of sheets) {
    for (const candidate of sheet.candidates) {
      const found = findPeriod(candidate.text, { year });
      if (!found.found) continue;
      if (found.match.period !== resolved.period) {
        warnings.push({
          code: 'PERIOD_DIFFERS',
          message: `${formatLocation(candidate.location)}: "${candidate.text}" states ${found.match.period}, but the file is read as ${resolved.period}`,
          provenance: candidate.location,
        });
      }
      break;
    }
  }
  if (
    resolved.source === 'file' &&
    context.period !== undefined &&
    !samePeriodSpan(context.period, resolved.period)
  ) {
    const location = resolved.location ?? fallback;
    warnings.push({
      code: 'PERIOD_DIFFERS_FROM_CONTEXT',
      message: `${formatLocation(location)}: the file states ${resolved.period}; the upload said ${context.period}, the file is used`,
      provenance: location,
    });
  }
  return { period: resolved, warnings };
}
