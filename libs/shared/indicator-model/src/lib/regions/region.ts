/**
 * Administrative regions. Province, city and county carry their GB/T 2260 code; townships
 * (镇/街道) carry their 12-digit 统计用区划代码 (510802100000 荣山镇). A place the official
 * tables do not list (a village of a demo table) gets a generated code: the parent's code, a
 * hyphen and a pinyin slug (510403100000-jinlin). The hyphen keeps generated codes visibly
 * apart from official ones.
 */
export type RegionLevel = 'province' | 'city' | 'county' | 'township' | 'village';

export const REGION_LEVELS: readonly RegionLevel[] = [
  'province',
  'city',
  'county',
  'township',
  'village',
];

export interface Region {
  readonly code: string;
  readonly level: RegionLevel;
  readonly nameZh: string;
  readonly nameEn: string;
  /** Parent in force unless effective-dated parent links say otherwise. */
  readonly parentCode?: string;
  /** True for codes Efficacy generated (no GB/T 2260 code exists). */
  readonly generatedCode?: boolean;
  /** ISO date the region came into existence; open when absent. */
  readonly validFrom?: string;
  /** ISO date (exclusive) the region ceased to exist; open when absent. */
  readonly validTo?: string;
}

/** An effective-dated parent: a county moved between cities, a township merged. */
export interface RegionParentLink {
  readonly childCode: string;
  readonly parentCode: string;
  /** Inclusive ISO date. */
  readonly validFrom: string;
  /** Exclusive ISO date; open when absent. */
  readonly validTo?: string;
}

const GB_T_2260 = /^\d{6}$/;
const STATISTICAL = /^\d{12}$/;
const GENERATED = /^\d{6}(\d{6})?(-[a-z0-9]+)+$/;

/** Any region code, official or generated (for request validators). */
export const REGION_CODE_FORMAT = /^\d{6}(\d{6})?(-[a-z0-9]+)*$/;

export function isGbT2260Code(code: string): boolean {
  return GB_T_2260.test(code);
}

/** A township's 12-digit 统计用区划代码 (640106100000 良田镇). */
export function isStatisticalCode(code: string): boolean {
  return STATISTICAL.test(code);
}

/** True for an official code (6 or 12 digits) or one generated under the convention. */
export function isRegionCode(code: string): boolean {
  return GB_T_2260.test(code) || STATISTICAL.test(code) || GENERATED.test(code);
}

/** A township/village code under the convention: generatedRegionCode('510403100000', 'jinlin'). */
export function generatedRegionCode(parentCode: string, slug: string): string {
  if (!/^[a-z0-9]+$/.test(slug))
    throw new RangeError(`A region slug is lower-case ASCII, got "${slug}"`);
  return `${parentCode}-${slug}`;
}

/** The county code a generated township or village code hangs under. */
export function countyCodeOf(code: string): string {
  return code.slice(0, 6);
}

/** Region-name forms a source may prefix to a unit name: 殷都区 and 殷都, 河南省 and 河南. */
export function regionNameForms(region: Pick<Region, 'nameZh'>): string[] {
  const full = region.nameZh;
  const forms = new Set([full]);
  const short = full.replace(
    /(回族自治区|维吾尔自治区|壮族自治区|自治区|自治州|特别行政区|省|市|区|县|旗|镇|乡|街道)$/,
    '',
  );
  // One-character short forms (西 for 西区) would strip real words from unit names.
  if (short.length >= 2) forms.add(short);
  return [...forms];
}

export function isActiveOn(
  record: { readonly validFrom?: string; readonly validTo?: string },
  date: string,
): boolean {
  return (
    (record.validFrom === undefined || record.validFrom <= date) &&
    (record.validTo === undefined || date < record.validTo)
  );
}
