import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { DataScope } from '@efficacy/api/core';
import type { Target, TargetComparator } from '@efficacy/indicator-model';
import { toTarget } from './row-mapping';
import type { TargetRow } from './rows';
import { SCOPE_AND_ANCESTORS_CTE, scopeParams } from './scope-sql';

const TARGET_COLUMNS = `t.id, t.indicator, t.region_code, t.year, t.comparator, t.value::text AS value,
  t.deadline::text AS deadline, t.ongoing, t.responsible_zh, t.note_zh, t.source, t.set_by, t.set_at`;

export interface TargetFilter {
  readonly year?: number;
  readonly indicator?: string;
}

/** A target as a user sets it; who and when are added by the repository's caller. */
export interface NewTarget {
  readonly indicator: string;
  readonly regionCode: string;
  readonly year: number;
  readonly comparator: TargetComparator;
  readonly value?: number;
  readonly deadline?: string;
  readonly ongoing?: boolean;
  readonly responsibleZh?: string;
  readonly noteZh?: string;
  readonly source?: string;
  readonly setBy: string;
  readonly setAt: Date;
}

/**
 * Targets are rows that are never updated: a new row supersedes, the latest `set_at` wins
 * (the model's resolveTarget). Reads return every row so the history stays visible.
 */
@Injectable()
export class TargetRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Targets set on the regions in scope and on the regions above them: a county inherits the
   * city's target, so a county admin must see it, marked as inherited.
   */
  async visibleTargets(
    scope: DataScope,
    filter: TargetFilter = {},
    manager = this.dataSource.manager,
  ): Promise<Target[]> {
    const rows: TargetRow[] = await manager.query(
      `${SCOPE_AND_ANCESTORS_CTE}
       SELECT ${TARGET_COLUMNS} FROM target t
        WHERE t.region_code IN (SELECT code FROM visible)
          AND ($2::int IS NULL OR t.year = $2::int)
          AND ($3::text IS NULL OR t.indicator = $3::text)
        ORDER BY t.indicator, t.region_code, t.year, t.set_at, t.id`,
      [scopeParams(scope)[0], filter.year ?? null, filter.indicator ?? null],
    );
    return rows.map(toTarget);
  }

  /** The target currently in force for one region (not inherited), for before → after. */
  async current(
    manager: EntityManager,
    scope: DataScope,
    indicator: string,
    regionCode: string,
    year: number,
  ): Promise<Target | undefined> {
    const rows: TargetRow[] = await manager.query(
      `SELECT ${TARGET_COLUMNS} FROM target t
        WHERE t.region_code = ANY($1::text[])
          AND t.indicator = $2 AND t.region_code = $3 AND t.year = $4
        ORDER BY t.set_at DESC, t.id DESC LIMIT 1`,
      [scopeParams(scope)[0], indicator, regionCode, year],
    );
    return rows[0] ? toTarget(rows[0]) : undefined;
  }

  /**
   * Removes every row of a region's own target for an indicator and year (the one in force and
   * those it superseded; the audit log keeps what was removed); the scope holds in the write.
   * The region then falls back to the target it inherits, if any. Returns how many rows went.
   */
  async remove(
    manager: EntityManager,
    scope: DataScope,
    indicator: string,
    regionCode: string,
    year: number,
  ): Promise<number> {
    const rows: Array<{ id: string }> = await manager.query(
      `DELETE FROM target t
        WHERE t.region_code = ANY($1::text[])
          AND t.indicator = $2 AND t.region_code = $3 AND t.year = $4
       RETURNING t.id`,
      [scopeParams(scope)[0], indicator, regionCode, year],
    );
    return rows.length;
  }

  /**
   * Inserts a superseding row for a region in scope; undefined when the region is out of
   * scope, so the scope holds in the write as well as in the check before it.
   */
  async insert(
    manager: EntityManager,
    scope: DataScope,
    target: NewTarget,
  ): Promise<Target | undefined> {
    const rows: TargetRow[] = await manager.query(
      `INSERT INTO target (indicator, region_code, year, comparator, value, deadline, ongoing,
                           responsible_zh, note_zh, source, set_by, set_at)
       SELECT $2, r.code, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12
         FROM region r WHERE r.code = $13 AND r.code = ANY($1::text[])
       RETURNING id, indicator, region_code, year, comparator, value::text AS value,
                 deadline::text AS deadline, ongoing, responsible_zh, note_zh, source, set_by, set_at`,
      [
        scopeParams(scope)[0],
        target.indicator,
        target.year,
        target.comparator,
        target.value ?? null,
        target.deadline ?? null,
        target.ongoing ?? false,
        target.responsibleZh ?? null,
        target.noteZh ?? null,
        target.source ?? null,
        target.setBy,
        target.setAt,
        target.regionCode,
      ],
    );
    return rows[0] ? toTarget(rows[0]) : undefined;
  }
}
