import {
  isOnlineChannel,
  type CaseChannel,
  type CaseRecord,
  type MeasureCode,
} from '@efficacy/indicator-model';
import { addWorkingDays } from '@efficacy/working-calendar';

/**
 * The base counts of a set of cases, named after the model's measures. These are exactly what a
 * bulletin table prints per unit; indicators are computed from them, never averaged.
 */
export interface CaseCounts {
  cases: number;
  online: number;
  offline: number;
  approval: number;
  convenience: number;
  offlineEvaluated: number;
  evaluations: number;
  evaluationsOnline: number;
  evaluationsOffline: number;
  good: number;
  bad: number;
  finishedLate: number;
  unfinishedLate: number;
  test: number;
  preReviewRejected: number;
  window: number;
  township: number;
  onlinePlatform: number;
  fullyOnline: number;
  mobile: number;
}

export type CaseCountField = keyof CaseCounts;

/** Which measure each count lands in; the order is the order of columns in storage. */
export const CASE_MEASURES: ReadonlyArray<readonly [CaseCountField, MeasureCode]> = [
  ['cases', 'cases'],
  ['online', 'cases.online'],
  ['offline', 'cases.offline'],
  ['approval', 'cases.approval'],
  ['convenience', 'cases.convenience'],
  ['offlineEvaluated', 'cases.offline.evaluated'],
  ['evaluations', 'evaluations'],
  ['evaluationsOnline', 'evaluations.online'],
  ['evaluationsOffline', 'evaluations.offline'],
  ['good', 'evaluations.good'],
  ['bad', 'evaluations.bad'],
  ['finishedLate', 'cases.finished_late'],
  ['unfinishedLate', 'cases.unfinished_late'],
  ['test', 'cases.test'],
  ['preReviewRejected', 'cases.pre_review_rejected'],
  ['window', 'cases.channel.window'],
  ['township', 'cases.channel.township'],
  ['onlinePlatform', 'cases.channel.online_platform'],
  ['fullyOnline', 'cases.channel.fully_online'],
  ['mobile', 'cases.channel.mobile'],
];

const CHANNEL_FIELD: Record<CaseChannel, CaseCountField> = {
  window: 'window',
  township: 'township',
  online_platform: 'onlinePlatform',
  fully_online: 'fullyOnline',
  mobile: 'mobile',
};

export function emptyCounts(): CaseCounts {
  return {
    cases: 0,
    online: 0,
    offline: 0,
    approval: 0,
    convenience: 0,
    offlineEvaluated: 0,
    evaluations: 0,
    evaluationsOnline: 0,
    evaluationsOffline: 0,
    good: 0,
    bad: 0,
    finishedLate: 0,
    unfinishedLate: 0,
    test: 0,
    preReviewRejected: 0,
    window: 0,
    township: 0,
    onlinePlatform: 0,
    fullyOnline: 0,
    mobile: 0,
  };
}

export function addCounts(into: CaseCounts, other: CaseCounts): CaseCounts {
  for (const [field] of CASE_MEASURES) into[field] += other[field];
  return into;
}

/** Due dates by region, then received date, then promised days. */
const dueCache = new Map<string, Map<string, string[]>>();
let dueCached = 0;

/**
 * The last day a case may finish on time: received + promised working days on the region's
 * calendar (an immediate item, 0 days, is due the day it is received). Memoised without building
 * a key per call: a file of millions of cases has only a few thousand distinct (date, days,
 * region) triples, and ingestion asks for every row.
 */
export function dueDate(received: string, promisedDays: number, regionCode: string): string {
  if (promisedDays <= 0) return received;
  let byDate = dueCache.get(regionCode);
  if (byDate === undefined) dueCache.set(regionCode, (byDate = new Map()));
  let byDays = byDate.get(received);
  if (byDays === undefined) byDate.set(received, (byDays = []));
  let due = byDays[promisedDays];
  if (due === undefined) {
    due = addWorkingDays(received, promisedDays, { region: regionCode });
    if (dueCached > 200_000) {
      dueCache.clear();
      dueCached = 0;
    }
    dueCached += 1;
    byDays[promisedDays] = due;
  }
  return due;
}

/**
 * Overdue status of one case as of a date: finished after its due date, or unfinished and past
 * it. A case finished on its due date is on time.
 */
export function overdueStatus(
  record: Pick<CaseRecord, 'received' | 'promisedDays' | 'finished' | 'regionCode'>,
  asOf: string,
): 'finished_late' | 'unfinished_late' | null {
  const due = dueDate(record.received, record.promisedDays, record.regionCode);
  if (record.finished !== null) return record.finished > due ? 'finished_late' : null;
  return asOf > due ? 'unfinished_late' : null;
}

/** Adds one case to the counts. */
export function countCase(counts: CaseCounts, record: CaseRecord, asOf: string): CaseCounts {
  counts.cases += 1;
  const online = isOnlineChannel(record.channel);
  if (online) counts.online += 1;
  else counts.offline += 1;
  counts[CHANNEL_FIELD[record.channel]] += 1;
  if (record.itemType === 'approval') counts.approval += 1;
  else counts.convenience += 1;
  if (record.evaluation !== null) {
    counts.evaluations += 1;
    if (online) counts.evaluationsOnline += 1;
    else {
      counts.evaluationsOffline += 1;
      counts.offlineEvaluated += 1;
    }
    if (record.evaluation >= 3) counts.good += 1;
    else counts.bad += 1;
  }
  const overdue = overdueStatus(record, asOf);
  if (overdue === 'finished_late') counts.finishedLate += 1;
  else if (overdue === 'unfinished_late') counts.unfinishedLate += 1;
  if (record.isTest) counts.test += 1;
  if (record.preReview === 'rejected') counts.preReviewRejected += 1;
  return counts;
}
