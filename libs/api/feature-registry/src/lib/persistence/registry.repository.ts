import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { DataScope } from '@efficacy/api/core';
import type { Region, Registry, Unit } from '@efficacy/indicator-model';
import { toRegion, toRegionLink, toSuccession, toUnit, toUnitRegionLink } from './row-mapping';
import type {
  RegionChildRow,
  RegionLinkRow,
  RegionSearchRow,
  RegionSuccessionRow,
  RegionRow,
  UnitAliasRow,
  UnitRegionLinkRow,
  UnitRow,
  UnitSuccessionRow,
} from './rows';
import { runQueries } from './run-queries';
import { SCOPE_AND_ANCESTORS_CTE, UNIT_IN_SCOPE, scopeParams } from './scope-sql';

const REGION_COLUMNS = `r.code, r.level, r.name_zh, r.name_en, r.parent_code, r.generated_code,
  r.valid_from::text AS valid_from, r.valid_to::text AS valid_to`;

const UNIT_SELECT = `SELECT u.id, u.kind, u.name_zh, u.name_en, u.region_code,
    u.valid_from::text AS valid_from, u.valid_to::text AS valid_to,
    COALESCE(
      (SELECT array_agg(a.alias ORDER BY a.created_at, a.id) FROM unit_alias a WHERE a.unit_id = u.id),
      '{}'
    ) AS aliases
  FROM unit u`;

export interface UnitAlias {
  readonly alias: string;
  readonly createdBy: string;
  readonly createdAt: string;
}

/**
 * Regions, units and their aliases, read into the model's types with the data scope in every
 * query: a row outside the scope is never selected, so a caller cannot forget to filter it.
 */
@Injectable()
export class RegistryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Regions at or below the user's regions (their own tree, no ancestors). */
  async listRegions(scope: DataScope, manager = this.dataSource.manager): Promise<Region[]> {
    const rows: RegionRow[] = await manager.query(
      `SELECT ${REGION_COLUMNS} FROM region r WHERE r.code = ANY($1::text[]) ORDER BY r.code`,
      [scopeParams(scope)[0]],
    );
    return rows.map(toRegion);
  }

  /**
   * One region in scope; undefined both when it does not exist and when it is out of scope.
   * `lock` serialises writers of the region's rows (targets) for the caller's transaction,
   * without blocking inserts that merely reference it.
   */
  async findRegion(
    scope: DataScope,
    code: string,
    manager = this.dataSource.manager,
    lock = false,
  ): Promise<Region | undefined> {
    const rows: RegionRow[] = await manager.query(
      `SELECT ${REGION_COLUMNS} FROM region r WHERE r.code = $2 AND r.code = ANY($1::text[])${
        lock ? ' FOR NO KEY UPDATE' : ''
      }`,
      [scopeParams(scope)[0], code],
    );
    return rows[0] ? toRegion(rows[0]) : undefined;
  }

  /**
   * The regions strictly above the user's scope (the city over a county admin's county): the
   * API tells a user they may not act there (403) instead of pretending they do not exist.
   */
  async regionsAboveScope(scope: DataScope, manager = this.dataSource.manager): Promise<Region[]> {
    const rows: RegionRow[] = await manager.query(
      `${SCOPE_AND_ANCESTORS_CTE}
       SELECT ${REGION_COLUMNS} FROM region r
        WHERE r.code IN (SELECT code FROM visible) AND NOT (r.code = ANY($1::text[]))
        ORDER BY r.code`,
      [scopeParams(scope)[0]],
    );
    return rows.map(toRegion);
  }

  /** Units in scope, optionally only those attached to the given regions. */
  async listUnits(
    scope: DataScope,
    regionCodes?: readonly string[],
    manager = this.dataSource.manager,
  ): Promise<Unit[]> {
    const rows: UnitRow[] = await manager.query(
      `${UNIT_SELECT}
        WHERE ${UNIT_IN_SCOPE} AND ($3::text[] IS NULL OR u.region_code = ANY($3::text[]))
        ORDER BY u.region_code, u.id`,
      [...scopeParams(scope), regionCodes ? [...regionCodes] : null],
    );
    return rows.map(toUnit);
  }

  /** One unit in scope; `lock` holds it for the rest of the caller's transaction. */
  async findUnit(
    scope: DataScope,
    id: string,
    manager = this.dataSource.manager,
    lock = false,
  ): Promise<Unit | undefined> {
    if (lock) {
      await manager.query(`SELECT 1 FROM unit u WHERE u.id = $3 AND ${UNIT_IN_SCOPE} FOR UPDATE`, [
        ...scopeParams(scope),
        id,
      ]);
    }
    const rows: UnitRow[] = await manager.query(
      `${UNIT_SELECT} WHERE u.id = $3 AND ${UNIT_IN_SCOPE}`,
      [...scopeParams(scope), id],
    );
    return rows[0] ? toUnit(rows[0]) : undefined;
  }

  /** Who added each alias of a unit in scope, and when. */
  async unitAliases(
    scope: DataScope,
    id: string,
    manager = this.dataSource.manager,
  ): Promise<UnitAlias[]> {
    const rows: UnitAliasRow[] = await manager.query(
      `SELECT a.unit_id, a.alias, a.created_by, a.created_at
         FROM unit_alias a JOIN unit u ON u.id = a.unit_id
        WHERE a.unit_id = $3 AND ${UNIT_IN_SCOPE}
        ORDER BY a.created_at, a.id`,
      [...scopeParams(scope), id],
    );
    return rows.map((r) => ({
      alias: r.alias,
      createdBy: r.created_by,
      createdAt: r.created_at.toISOString(),
    }));
  }

  /**
   * Another unit of the same region already called `name` (by its name or an alias): adding it
   * as an alias would make the import's unit matcher ambiguous.
   */
  async unitNamedInRegion(
    manager: EntityManager,
    regionCode: string,
    name: string,
    exceptUnitId: string,
  ): Promise<{ id: string; nameZh: string } | undefined> {
    const rows: Array<{ id: string; name_zh: string }> = await manager.query(
      `SELECT u.id, u.name_zh FROM unit u
        WHERE u.region_code = $1 AND u.id <> $2
          AND (u.name_zh = $3 OR EXISTS (SELECT 1 FROM unit_alias a WHERE a.unit_id = u.id AND a.alias = $3))
        ORDER BY u.id LIMIT 1`,
      [regionCode, exceptUnitId, name],
    );
    return rows[0] ? { id: rows[0].id, nameZh: rows[0].name_zh } : undefined;
  }

  /** Adds an alias to a unit in scope; false when the unit is out of scope or already has it. */
  async addAlias(
    manager: EntityManager,
    scope: DataScope,
    unitId: string,
    alias: string,
    createdBy: string,
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO unit_alias (unit_id, alias, created_by)
       SELECT u.id, $4, $5 FROM unit u WHERE u.id = $3 AND ${UNIT_IN_SCOPE}
       ON CONFLICT (unit_id, alias) DO NOTHING
       RETURNING id`,
      [...scopeParams(scope), unitId, alias, createdBy],
    );
    return rows.length > 0;
  }

  /** Removes an alias of a unit in scope; false when there was nothing to remove. */
  async removeAlias(
    manager: EntityManager,
    scope: DataScope,
    unitId: string,
    alias: string,
  ): Promise<boolean> {
    const [rows]: [unknown[], number] = await manager.query(
      `DELETE FROM unit_alias a USING unit u
        WHERE a.unit_id = u.id AND a.unit_id = $3 AND a.alias = $4 AND ${UNIT_IN_SCOPE}
        RETURNING a.id`,
      [...scopeParams(scope), unitId, alias],
    );
    return rows.length > 0;
  }

  /**
   * The regions directly below `parent` on `asOf` (its effective-dated links first, else the
   * parent column), within the scope, with how many regions and active units each holds: one
   * level of the tree, for a view that opens level by level.
   */
  async childrenOf(
    scope: DataScope,
    parent: string,
    asOf: string,
    manager = this.dataSource.manager,
  ): Promise<RegionChildRow[]> {
    return manager.query(
      `WITH active AS (
         SELECT r.*, COALESCE(
                  (SELECT l.parent_code FROM region_link l
                    WHERE l.child_code = r.code AND l.valid_from <= $3::date
                      AND (l.valid_to IS NULL OR $3::date < l.valid_to)
                    ORDER BY l.id DESC LIMIT 1),
                  r.parent_code) AS parent_on
           FROM region r
          WHERE (r.valid_from IS NULL OR r.valid_from <= $3::date)
            AND (r.valid_to IS NULL OR $3::date < r.valid_to)
            AND (r.parent_code = $2 OR r.code IN (SELECT child_code FROM region_link WHERE parent_code = $2))
       )
       SELECT ${REGION_COLUMNS},
              (SELECT count(*) FROM region c
                WHERE c.parent_code = r.code
                  AND (c.valid_from IS NULL OR c.valid_from <= $3::date)
                  AND (c.valid_to IS NULL OR $3::date < c.valid_to))::int AS child_count,
              (SELECT count(*) FROM unit u
                WHERE u.region_code = r.code
                  AND (u.valid_from IS NULL OR u.valid_from <= $3::date)
                  AND (u.valid_to IS NULL OR $3::date < u.valid_to))::int AS unit_count
         FROM active r
        WHERE r.parent_on = $2 AND r.code = ANY($1::text[])
        ORDER BY r.code`,
      [scopeParams(scope)[0], parent, asOf],
    );
  }

  /**
   * Regions in scope active on `asOf` whose code begins with `query` or whose Chinese or English
   * name holds it, exact code first, then the higher levels; each with its ancestors' names.
   * `strpos`/`starts_with` rather than LIKE: the query is matched as typed, `%` and `_` too.
   */
  async searchRegions(
    scope: DataScope,
    query: string,
    asOf: string,
    limit: number,
    manager = this.dataSource.manager,
  ): Promise<RegionSearchRow[]> {
    return manager.query(
      `WITH RECURSIVE hits AS (
         SELECT ${REGION_COLUMNS} FROM region r
          WHERE r.code = ANY($1::text[])
            AND (r.valid_from IS NULL OR r.valid_from <= $3::date)
            AND (r.valid_to IS NULL OR $3::date < r.valid_to)
            AND (starts_with(r.code, $2) OR strpos(r.name_zh, $2) > 0
                 OR strpos(lower(r.name_en), lower($2)) > 0)
          ORDER BY (r.code = $2) DESC, length(r.code), r.code
          LIMIT $4
       ),
       up(hit, code, parent_code, name_zh, name_en, depth) AS (
         SELECT h.code, p.code, p.parent_code, p.name_zh, p.name_en, 1
           FROM hits h JOIN region p ON p.code = h.parent_code
         UNION ALL
         SELECT u.hit, p.code, p.parent_code, p.name_zh, p.name_en, u.depth + 1
           FROM up u JOIN region p ON p.code = u.parent_code
          WHERE u.depth < 6
       )
       SELECT h.*,
              COALESCE(
                (SELECT json_agg(json_build_object('code', u.code, 'nameZh', u.name_zh, 'nameEn', u.name_en)
                                 ORDER BY u.depth DESC)
                   FROM up u WHERE u.hit = h.code),
                '[]'::json) AS path
         FROM hits h
        ORDER BY (h.code = $2) DESC, length(h.code), h.code`,
      [scopeParams(scope)[0], query, asOf, limit],
    );
  }

  /**
   * Whether a region exists at all, outside the scope too: a write names a region the registry
   * does not know (422) apart from one the user may not change (403). Only the name is read.
   */
  async regionNameAnywhere(
    code: string,
    manager = this.dataSource.manager,
  ): Promise<string | undefined> {
    const rows: Array<{ name_zh: string }> = await manager.query(
      'SELECT name_zh FROM region WHERE code = $1',
      [code],
    );
    return rows[0]?.name_zh;
  }

  /** Successions a region in scope took part in, oldest first. */
  async regionSuccessions(
    scope: DataScope,
    code: string,
    manager = this.dataSource.manager,
  ): Promise<RegionSuccessionRow[]> {
    return manager.query(
      `SELECT s.id::text AS id, s.kind, s.date::text AS date, s.from_codes, s.to_codes, s.note,
              s.edition, s.recorded_by, s.recorded_at
         FROM region_succession s
        WHERE (s.from_codes @> ARRAY[$2::text] OR s.to_codes @> ARRAY[$2::text])
          AND $2 = ANY($1::text[])
        ORDER BY s.date, s.id`,
      [scopeParams(scope)[0], code],
    );
  }

  /**
   * The model's Registry as the user may see it: the regions in scope with their ancestors (so
   * targets set above are inherited and names resolve), the units in scope with aliases,
   * effective-dated links and the successions that concern those units.
   */
  async registryFor(scope: DataScope, manager = this.dataSource.manager): Promise<Registry> {
    const params = scopeParams(scope);
    const [regionRows, linkRows, unitRows, unitLinkRows, successionRows] = await runQueries<
      [RegionRow[], RegionLinkRow[], UnitRow[], UnitRegionLinkRow[], UnitSuccessionRow[]]
    >(manager, [
      () =>
        manager.query(
          `${SCOPE_AND_ANCESTORS_CTE}
           SELECT ${REGION_COLUMNS} FROM region r WHERE r.code IN (SELECT code FROM visible)
           ORDER BY r.code`,
          [params[0]],
        ),
      () =>
        manager.query(
          `SELECT l.child_code, l.parent_code, l.valid_from::text AS valid_from, l.valid_to::text AS valid_to
             FROM region_link l WHERE l.child_code = ANY($1::text[]) ORDER BY l.id`,
          [params[0]],
        ),
      () =>
        manager.query(`${UNIT_SELECT} WHERE ${UNIT_IN_SCOPE} ORDER BY u.region_code, u.id`, params),
      () =>
        manager.query(
          `SELECT l.unit_id, l.region_code, l.valid_from::text AS valid_from, l.valid_to::text AS valid_to
             FROM unit_region_link l JOIN unit u ON u.id = l.unit_id
            WHERE ${UNIT_IN_SCOPE} AND l.region_code = ANY($1::text[])
            ORDER BY l.id`,
          params,
        ),
      () =>
        manager.query(
          `SELECT s.kind, s.date::text AS date, s.from_ids, s.to_ids, s.note
             FROM unit_succession s
            WHERE EXISTS (SELECT 1 FROM unit u WHERE u.id = ANY(s.from_ids || s.to_ids) AND ${UNIT_IN_SCOPE})
            ORDER BY s.date, s.id`,
          params,
        ),
    ]);
    return {
      regions: regionRows.map(toRegion),
      regionLinks: linkRows.map(toRegionLink),
      units: unitRows.map(toUnit),
      unitLinks: unitLinkRows.map(toUnitRegionLink),
      successions: successionRows.map(toSuccession),
    };
  }
}
