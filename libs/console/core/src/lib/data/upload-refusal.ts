import type { ApiFailure } from './api-error';

/** A refused upload as the user reads it: a sentence in their language, the API's as detail. */
export interface UploadRefusal {
  /** Translation key of the sentence (`upload.refusal.*`). */
  readonly key: string;
  readonly params: Readonly<Record<string, string>>;
  /** The API's own sentence, shown under the translated one for whoever must act on it. */
  readonly detail: string;
}

/**
 * The refusals the API words in English that a user can act on, by the sentence it sends
 * (evidence checks in feature-tasks/evidence.ts, import checks in feature-imports).
 */
const RULES: ReadonlyArray<{
  readonly test: RegExp;
  readonly key: string;
  readonly params?: (m: RegExpMatchArray) => Record<string, string>;
}> = [
  { test: /no file uploaded|has no name/, key: 'noFile' },
  { test: /\bis empty\b/, key: 'empty' },
  { test: /the limit is \d+ bytes \(([^)]+)\)/, key: 'tooLarge', params: (m) => ({ limit: m[1] }) },
  { test: /is not a PDF, PNG, JPEG, DOCX or XLSX file/, key: 'evidenceType' },
  {
    test: /is named \.(\S+) but its content is \S+; rename it \.(\w+)/,
    key: 'extension',
    params: (m) => ({ given: m[1], wanted: m[2] }),
  },
  { test: /only members of the lead unit/, key: 'notLeadUnit' },
  { test: /evidence is added while the task is/, key: 'taskState' },
  { test: /no adapter recognises this file/, key: 'noAdapter' },
  {
    test: /(\d+) unit name\(s\) match no unit/,
    key: 'unresolved',
    params: (m) => ({ count: m[1] }),
  },
  { test: /is not in the registry/, key: 'unknownRegion' },
  { test: /outside your scope/, key: 'outOfScope' },
];

export function uploadRefusal(failure: ApiFailure): UploadRefusal {
  const detail = failure.message;
  if (failure.status === 0) return { key: 'upload.refusal.offline', params: {}, detail };
  if (failure.status === 413) return { key: 'upload.refusal.tooLarge', params: {}, detail };
  for (const rule of RULES) {
    const m = rule.test.exec(failure.message);
    if (m) return { key: `upload.refusal.${rule.key}`, params: rule.params?.(m) ?? {}, detail };
  }
  if (failure.status === 403) return { key: 'upload.refusal.forbidden', params: {}, detail };
  return { key: 'upload.refusal.other', params: {}, detail };
}
