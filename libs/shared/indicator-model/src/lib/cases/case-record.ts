/**
 * One case (办件) as the provincial platforms hold it: the unit of work every case-derived
 * indicator counts. Adapters stream these from a platform's case export; the API stores them
 * and sums them into the same base measures a bulletin table prints.
 */

/** Item kind: 审批事项 (approval) or 便民事项 (convenience / public service). */
export type CaseItemType = 'approval' | 'convenience';

/**
 * Where the case was received. Window and township are offline (线下); the three online
 * channels are the platform (一网通办), fully online (全程网办) and mobile (掌上办).
 */
export type CaseChannel = 'window' | 'township' | 'online_platform' | 'fully_online' | 'mobile';

export const CASE_CHANNELS: readonly CaseChannel[] = [
  'window',
  'township',
  'online_platform',
  'fully_online',
  'mobile',
];

export const ONLINE_CHANNELS: ReadonlySet<CaseChannel> = new Set([
  'online_platform',
  'fully_online',
  'mobile',
]);

/** 好差评 levels, 5 非常满意 … 1 非常不满意; 3 and above count as good reviews. */
export type EvaluationLevel = 1 | 2 | 3 | 4 | 5;

export type PreReviewResult = 'passed' | 'rejected';

export interface CaseRecord {
  /** The platform's case number (办件编号). */
  readonly caseId: string;
  /** The service item's code (事项编码). */
  readonly itemCode: string;
  readonly itemType: CaseItemType;
  /** The handling unit as printed (办理部门); matched to registry units when values land. */
  readonly unit: string;
  /** GB/T 2260 code of the county (or city) the case belongs to. */
  readonly regionCode: string;
  readonly channel: CaseChannel;
  /** Date received, YYYY-MM-DD (受理日期). */
  readonly received: string;
  /** Promised working days (承诺时限); 0 for immediate items (即办件). */
  readonly promisedDays: number;
  /** Date finished (办结日期), or null while unfinished. */
  readonly finished: string | null;
  /** The platform's status text (办件状态), kept as printed. */
  readonly status: string;
  readonly evaluation: EvaluationLevel | null;
  readonly preReview: PreReviewResult | null;
  /** Labelled test case (测试件). */
  readonly isTest: boolean;
}

/** A case record that cannot be used, with what and where. */
export class CaseRecordError extends Error {
  override readonly name = 'CaseRecordError';
  constructor(
    message: string,
    readonly location?: { readonly file?: string; readonly row?: number; readonly column?: string },
  ) {
    super(message);
  }
}

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const REGION = /^\d{6}$/;

const validDates = new Set<string>();

function checkDate(value: string, field: string): string | undefined {
  // Millions of cases share a few thousand dates: remember the valid ones.
  if (validDates.has(value)) return undefined;
  if (!ISO_DATE.test(value)) return `${field} "${value}" is not a date (YYYY-MM-DD)`;
  const time = Date.parse(`${value}T00:00:00Z`);
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== value)
    return `${field} "${value}" is not a calendar date`;
  if (validDates.size > 100_000) validDates.clear();
  validDates.add(value);
  return undefined;
}

/**
 * The problems of one record, empty when it is usable. Kept allocation-free on the happy path:
 * ingestion calls it for millions of rows.
 */
export function caseRecordProblems(record: CaseRecord): string[] {
  const problems: string[] = [];
  if (!record.caseId) problems.push('case id is empty');
  if (!record.itemCode) problems.push('item code is empty');
  if (record.itemType !== 'approval' && record.itemType !== 'convenience')
    problems.push(`item type "${record.itemType}" is neither approval nor convenience`);
  if (!record.unit) problems.push('unit is empty');
  if (!REGION.test(record.regionCode))
    problems.push(`region "${record.regionCode}" is not a 6-digit GB/T 2260 code`);
  if (!CASE_CHANNELS.includes(record.channel))
    problems.push(`channel "${record.channel}" is unknown`);
  const received = checkDate(record.received, 'received');
  if (received) problems.push(received);
  if (
    !Number.isInteger(record.promisedDays) ||
    record.promisedDays < 0 ||
    record.promisedDays > 3650
  )
    problems.push(`promised days "${record.promisedDays}" is not a whole number of days`);
  if (record.finished !== null) {
    const finished = checkDate(record.finished, 'finished');
    if (finished) problems.push(finished);
    else if (!received && record.finished < record.received)
      problems.push(`finished ${record.finished} is before received ${record.received}`);
  }
  if (
    record.evaluation !== null &&
    !(Number.isInteger(record.evaluation) && record.evaluation >= 1 && record.evaluation <= 5)
  )
    problems.push(`evaluation level "${record.evaluation}" is not 1 to 5`);
  return problems;
}

/** The record, or a CaseRecordError listing every problem. */
export function validateCaseRecord(record: CaseRecord): CaseRecord {
  const problems = caseRecordProblems(record);
  if (problems.length > 0) throw new CaseRecordError(problems.join('; '));
  return record;
}

/** The month a case counts in (its received month), YYYY-MM. */
export function caseMonth(record: Pick<CaseRecord, 'received'>): string {
  return record.received.slice(0, 7);
}

export function isOnlineChannel(channel: CaseChannel): boolean {
  return ONLINE_CHANNELS.has(channel);
}
