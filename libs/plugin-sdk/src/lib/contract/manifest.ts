import { isPeriod } from '../periods/period';
import { AdapterError } from './errors';

/** File types an adapter can read. Legacy `.xls` is deliberately absent: we ask for `.xlsx`. */
export const FILE_TYPES = ['xlsx', 'csv'] as const;
export type FileType = (typeof FILE_TYPES)[number];

export interface LocalizedName {
  zh: string;
  en: string;
}

/**
 * Which editions of a report an adapter understands. Platforms change their exports without
 * notice, so every report kind says for which period (or named edition) it was verified.
 * `from` / `to` use the period notation (`2022-08`, `2022-Q3`, `2022`, ...).
 */
export interface ReportKindCoverage {
  edition?: string;
  from?: string;
  to?: string;
  note?: string;
}

export interface ReportKindManifest {
  /** Stable id, kebab-case, unique within the adapter, e.g. `good-bad-review`. */
  id: string;
  name: LocalizedName;
  coverage: ReportKindCoverage[];
  fileTypes: FileType[];
}

export interface AdapterManifest {
  /** Stable id, kebab-case pinyin of the province, e.g. `ningxia`. */
  id: string;
  province: {
    /** GB/T 2260 province code, six digits ending in 0000, e.g. `640000`. */
    code: string;
    name: LocalizedName;
  };
  /** Semver of the adapter; recorded with every import so a batch can be traced to code. */
  version: string;
  reportKinds: ReportKindManifest[];
  fileTypes: FileType[];
}

const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;
const KEBAB = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const PROVINCE_CODE = /^[1-9]\d0000$/;

/** Returns a list of problems with a manifest; empty when it is valid. */
export function validateManifest(manifest: AdapterManifest): string[] {
  const issues: string[] = [];
  if (!KEBAB.test(manifest.id)) issues.push(`id "${manifest.id}" is not kebab-case`);
  if (!PROVINCE_CODE.test(manifest.province.code)) {
    issues.push(`province code "${manifest.province.code}" is not a GB/T 2260 province code`);
  }
  if (!manifest.province.name.zh || !manifest.province.name.en) {
    issues.push('province name needs both zh and en');
  }
  if (!SEMVER.test(manifest.version)) issues.push(`version "${manifest.version}" is not semver`);
  if (manifest.fileTypes.length === 0) issues.push('fileTypes is empty');
  for (const type of manifest.fileTypes) {
    if (!(FILE_TYPES as readonly string[]).includes(type))
      issues.push(`unknown file type "${type}"`);
  }
  if (manifest.reportKinds.length === 0) issues.push('reportKinds is empty');
  const seen = new Set<string>();
  for (const kind of manifest.reportKinds) {
    if (!KEBAB.test(kind.id)) issues.push(`report kind id "${kind.id}" is not kebab-case`);
    if (seen.has(kind.id)) issues.push(`report kind id "${kind.id}" is duplicated`);
    seen.add(kind.id);
    if (!kind.name.zh || !kind.name.en)
      issues.push(`report kind "${kind.id}" needs zh and en names`);
    if (kind.coverage.length === 0) issues.push(`report kind "${kind.id}" has no coverage`);
    for (const coverage of kind.coverage) {
      for (const bound of [coverage.from, coverage.to]) {
        if (bound !== undefined && !isPeriod(bound)) {
          issues.push(`report kind "${kind.id}" coverage "${bound}" is not period notation`);
        }
      }
    }
    for (const type of kind.fileTypes) {
      if (!manifest.fileTypes.includes(type)) {
        issues.push(`report kind "${kind.id}" reads "${type}" which the manifest does not list`);
      }
    }
  }
  return issues;
}

/**
 * Checks an explicitly chosen report kind (ParseContext.reportKind) against the manifest, so
 * a typo in `--adapter`/the console's choice fails with the list of valid kinds.
 */
export function assertReportKind(
  manifest: AdapterManifest,
  reportKind: string,
  file: string,
): void {
  if (manifest.reportKinds.some((kind) => kind.id === reportKind)) return;
  const known = manifest.reportKinds.map((kind) => kind.id).join(', ');
  throw new AdapterError(
    'UNKNOWN_REPORT_KIND',
    `adapter ${manifest.id} has no report kind "${reportKind}" (it reads: ${known})`,
    { file },
  );
}
