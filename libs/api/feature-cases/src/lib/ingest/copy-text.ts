import type { CaseRecord } from '@efficacy/indicator-model';

/** Columns of `case_record` in the order COPY receives them. */
export const CASE_RECORD_COLUMNS = [
  'month',
  'region_code',
  'import_id',
  'case_id',
  'item_code',
  'item_type',
  'unit_name',
  'channel',
  'received',
  'promised_days',
  'due',
  'finished',
  'status',
  'evaluation',
  'pre_review',
  'is_test',
] as const;

const NEEDS_ESCAPE = /[\\\t\n\r]/;

/** A text field in COPY's text format: backslash, tab and line breaks escaped. */
export function copyText(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\t/g, '\\t')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r');
}

/** One case as a line of COPY text format (tab-separated, \N for null). */
export function copyLine(r: CaseRecord, importId: string, due: string): string {
  return `${r.received.slice(0, 7)}-01\t${r.regionCode}\t${importId}\t${copyText(r.caseId)}\t${copyText(
    r.itemCode,
  )}\t${r.itemType}\t${copyText(r.unit)}\t${r.channel}\t${r.received}\t${r.promisedDays}\t${due}\t${
    r.finished ?? '\\N'
  }\t${copyText(r.status)}\t${r.evaluation ?? '\\N'}\t${r.preReview ?? '\\N'}\t${r.isTest ? 't' : 'f'}\n`;
}
