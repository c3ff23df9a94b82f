import { BadRequestException, ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  AuditService,
  CLOCK,
  type AuditActor,
  type Clock,
  type DataScope,
} from '@efficacy/api/core';
import type { IndicatorCatalogue } from '@efficacy/indicator-model';
import { DEFAULT_HEADLINE_INDICATORS, type HeadlineSet } from '@efficacy/api-contract';
import { regionNotFound } from '../http/not-found';
import { RegistryRepository } from '../persistence/registry.repository';
import { INDICATOR_CATALOGUE_TOKEN } from '../tokens';

interface HeadlineRow {
  region_code: string;
  name_zh: string;
  indicators: string[];
  set_by: string;
  set_at: Date;
  depth: number;
}

/**
 * Headline indicators per region with inheritance: a region's own list, else the nearest
 * ancestor's, else the default. Reading an ancestor's list is fine (it is configuration, not
 * data); writing is limited to regions in the user's scope.
 */
@Injectable()
export class HeadlinesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: RegistryRepository,
    private readonly audit: AuditService,
    @Inject(INDICATOR_CATALOGUE_TOKEN) private readonly catalogue: IndicatorCatalogue,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async get(scope: DataScope, regionCode: string): Promise<HeadlineSet> {
    if (!(await this.registry.findRegion(scope, regionCode))) throw regionNotFound(regionCode);
    return this.resolve(this.dataSource.manager, regionCode);
  }

  async set(
    actor: AuditActor,
    scope: DataScope,
    input: { regionCode: string; indicators: string[] | null },
  ): Promise<HeadlineSet> {
    const unknown = (input.indicators ?? []).filter(
      (code) => this.catalogue.versionsOf(code).length === 0,
    );
    if (unknown.length > 0) {
      throw new BadRequestException(
        `unknown indicator ${unknown.map((c) => `"${c}"`).join(', ')}: see GET /api/indicators for the codes`,
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const region = await this.registry.findRegion(scope, input.regionCode, manager, true);
      if (!region) {
        const above = (await this.registry.regionsAboveScope(scope, manager)).find(
          (r) => r.code === input.regionCode,
        );
        if (above) {
          throw new ForbiddenException(
            `region ${above.code} (${above.nameZh}) is above your scope: its headline indicators apply to regions you do not administer`,
          );
        }
        throw regionNotFound(input.regionCode);
      }
      const own: Array<{ indicators: string[] }> = await manager.query(
        `SELECT indicators FROM headline_set WHERE region_code = $1 FOR UPDATE`,
        [region.code],
      );
      const before = own[0]?.indicators ?? null;
      const after = input.indicators;
      if (JSON.stringify(before) === JSON.stringify(after))
        return this.resolve(manager, region.code);
      if (after === null) {
        await manager.query(`DELETE FROM headline_set WHERE region_code = $1`, [region.code]);
      } else {
        await manager.query(
          `INSERT INTO headline_set (region_code, indicators, set_by, set_at)
           VALUES ($1, $2::text[], $3, $4)
           ON CONFLICT (region_code)
           DO UPDATE SET indicators = EXCLUDED.indicators, set_by = EXCLUDED.set_by, set_at = EXCLUDED.set_at`,
          [region.code, after, actor.principal.username, this.clock.now()],
        );
      }
      await this.audit.record(manager, actor, {
        action: 'headlines.set',
        targetType: 'region',
        targetId: region.code,
        regionCodes: [region.code],
        before: { indicators: before },
        after: { indicators: after },
      });
      return this.resolve(manager, region.code);
    });
  }

  /** The region's own list or the nearest ancestor's (walking parent links), or the default. */
  private async resolve(manager: EntityManager, regionCode: string): Promise<HeadlineSet> {
    const rows: HeadlineRow[] = await manager.query(
      `WITH RECURSIVE chain(code, depth) AS (
         SELECT code, 0 FROM region WHERE code = $1
         UNION ALL
         SELECT r.parent_code, c.depth + 1 FROM chain c JOIN region r ON r.code = c.code
          WHERE r.parent_code IS NOT NULL AND c.depth < 10
       )
       SELECT h.region_code, r.name_zh, h.indicators, h.set_by, h.set_at, c.depth
         FROM chain c
         JOIN headline_set h ON h.region_code = c.code
         JOIN region r ON r.code = h.region_code
        ORDER BY c.depth
        LIMIT 1`,
      [regionCode],
    );
    const row = rows[0];
    if (!row) {
      return {
        regionCode,
        indicators: [...DEFAULT_HEADLINE_INDICATORS],
        setOn: null,
        setOnNameZh: null,
        inherited: true,
      };
    }
    return {
      regionCode,
      indicators: row.indicators,
      setOn: row.region_code,
      setOnNameZh: row.name_zh,
      inherited: row.region_code !== regionCode,
      setBy: row.set_by,
      setAt: new Date(row.set_at).toISOString(),
    };
  }
}
