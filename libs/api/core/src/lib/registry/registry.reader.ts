import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type {
  Region,
  RegionLevel,
  Registry,
  Unit,
  UnitKind,
  UnitSuccession,
} from '@efficacy/indicator-model';

/**
 * Reads the region and unit registry into the model's types. The whole registry holds every
 * region of the country (44,690 with the 2023 edition); a caller about one region reads its
 * province only (`within`): the province's regions, their links, the units placed in them with
 * their aliases and links, and every unit succession (a handful). Figures are read in scope.
 */
@Injectable()
export class RegistryReader {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The registry, or with `within` (any region code) the part of it in that region's province:
   * every code of a province, official or generated, starts with its first two digits.
   */
  async read(
    manager: EntityManager = this.dataSource.manager,
    options: { readonly within?: string } = {},
  ): Promise<Registry> {
    // '' reads everything: every code starts with it.
    const prefix = options.within?.slice(0, 2) ?? '';
    const [regions, regionLinks, units, aliases, unitLinks, successions] = await Promise.all([
      manager.query(
        `SELECT code, level, name_zh, name_en, parent_code, generated_code,
                to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(valid_to, 'YYYY-MM-DD') AS valid_to
           FROM region WHERE starts_with(code, $1) ORDER BY code`,
        [prefix],
      ),
      manager.query(
        `SELECT child_code, parent_code, to_char(valid_from, 'YYYY-MM-DD') AS valid_from,
                to_char(valid_to, 'YYYY-MM-DD') AS valid_to FROM region_link
          WHERE starts_with(child_code, $1) AND starts_with(parent_code, $1) ORDER BY id`,
        [prefix],
      ),
      manager.query(
        `SELECT id, kind, name_zh, name_en, region_code, to_char(valid_from, 'YYYY-MM-DD') AS valid_from,
                to_char(valid_to, 'YYYY-MM-DD') AS valid_to FROM unit
          WHERE starts_with(region_code, $1) ORDER BY id`,
        [prefix],
      ),
      manager.query(
        `SELECT a.unit_id, a.alias FROM unit_alias a JOIN unit u ON u.id = a.unit_id
          WHERE starts_with(u.region_code, $1) ORDER BY a.unit_id, a.id`,
        [prefix],
      ),
      manager.query(
        `SELECT l.unit_id, l.region_code, to_char(l.valid_from, 'YYYY-MM-DD') AS valid_from,
                to_char(l.valid_to, 'YYYY-MM-DD') AS valid_to FROM unit_region_link l
           JOIN unit u ON u.id = l.unit_id
          WHERE starts_with(u.region_code, $1) AND starts_with(l.region_code, $1) ORDER BY l.id`,
        [prefix],
      ),
      manager.query(
        `SELECT kind, to_char(date, 'YYYY-MM-DD') AS date, from_ids, to_ids, note FROM unit_succession ORDER BY id`,
      ),
    ]);
    const aliasesByUnit = new Map<string, string[]>();
    for (const a of aliases as Array<{ unit_id: string; alias: string }>) {
      aliasesByUnit.set(a.unit_id, [...(aliasesByUnit.get(a.unit_id) ?? []), a.alias]);
    }
    return {
      regions: (regions as RegionRow[]).map(
        (r): Region => ({
          code: r.code,
          level: r.level,
          nameZh: r.name_zh,
          nameEn: r.name_en,
          ...(r.parent_code ? { parentCode: r.parent_code } : {}),
          ...(r.generated_code ? { generatedCode: true } : {}),
          ...(r.valid_from ? { validFrom: r.valid_from } : {}),
          ...(r.valid_to ? { validTo: r.valid_to } : {}),
        }),
      ),
      regionLinks: (regionLinks as LinkRow[]).map((l) => ({
        childCode: l.child_code,
        parentCode: l.parent_code,
        validFrom: l.valid_from,
        ...(l.valid_to ? { validTo: l.valid_to } : {}),
      })),
      units: (units as UnitRow[]).map(
        (u): Unit => ({
          id: u.id,
          kind: u.kind,
          nameZh: u.name_zh,
          ...(u.name_en ? { nameEn: u.name_en } : {}),
          regionCode: u.region_code,
          aliases: aliasesByUnit.get(u.id) ?? [],
          ...(u.valid_from ? { validFrom: u.valid_from } : {}),
          ...(u.valid_to ? { validTo: u.valid_to } : {}),
        }),
      ),
      unitLinks: (unitLinks as UnitLinkRow[]).map((l) => ({
        unitId: l.unit_id,
        regionCode: l.region_code,
        validFrom: l.valid_from,
        ...(l.valid_to ? { validTo: l.valid_to } : {}),
      })),
      successions: (successions as SuccessionRow[]).map(
        (s): UnitSuccession => ({
          kind: s.kind,
          date: s.date,
          from: s.from_ids,
          to: s.to_ids,
          ...(s.note ? { note: s.note } : {}),
        }),
      ),
    };
  }
}

interface RegionRow {
  code: string;
  level: RegionLevel;
  name_zh: string;
  name_en: string;
  parent_code: string | null;
  generated_code: boolean;
  valid_from: string | null;
  valid_to: string | null;
}
interface LinkRow {
  child_code: string;
  parent_code: string;
  valid_from: string;
  valid_to: string | null;
}
interface UnitRow {
  id: string;
  kind: UnitKind;
  name_zh: string;
  name_en: string | null;
  region_code: string;
  valid_from: string | null;
  valid_to: string | null;
}
interface UnitLinkRow {
  unit_id: string;
  region_code: string;
  valid_from: string;
  valid_to: string | null;
}
interface SuccessionRow {
  kind: UnitSuccession['kind'];
  date: string;
  from_ids: string[];
  to_ids: string[];
  note: string | null;
}
