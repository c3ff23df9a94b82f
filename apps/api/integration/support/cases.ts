import { caseCsvHeader, caseCsvLine, generateCases } from '@efficacy/case-metrics';
import type { CaseRecord } from '@efficacy/indicator-model';
import { uploadForm } from './fixtures';

/** A small seeded case export (Ningxia layout) whose cases all belong to `region`. */
export function caseCsv(
  region: string,
  options: { months?: number; perMonth?: number; seed?: number; start?: string } = {},
): { records: CaseRecord[]; bytes: Buffer } {
  const records = [
    ...generateCases({
      counties: 1,
      months: options.months ?? 1,
      seed: options.seed ?? 1,
      start: options.start ?? '2024-06',
      casesPerCountyMonth: options.perMonth ?? 200,
    }),
  ].map((r) => ({ ...r, regionCode: region, caseId: `${region}-${r.caseId}` }));
  return {
    records,
    bytes: Buffer.from(caseCsvHeader() + records.map(caseCsvLine).join(''), 'utf8'),
  };
}

export function caseUploadForm(region: string, name = `cases-${region}.csv`): FormData {
  return uploadForm({ name, bytes: caseCsv(region).bytes }, { region });
}
