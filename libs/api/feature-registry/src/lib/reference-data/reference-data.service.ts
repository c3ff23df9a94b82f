import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@efficacy/api/core';
import { REFERENCE_DATA_TOKEN } from '../tokens';
import { parentsFirst, systemActor, type ReferenceData } from './reference-data';

// Two API processes starting on one empty database must not both load: the second waits for
// the first's transaction and then finds the regions there.
const REFERENCE_DATA_LOCK_KEY = 0x0eff1cb;

export interface ReferenceDataLoad {
  readonly regions: number;
  readonly units: number;
  readonly aliases: number;
  readonly targets: number;
}

/**
 * Loads the regions, units, aliases and demo targets into an empty registry when the API
 * starts, in one audited transaction, so a fresh `npm start` or test run has a region tree to
 * scope by. A registry that has any region is left alone: it belongs to its users now.
 */
@Injectable()
export class ReferenceDataService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReferenceDataService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(REFERENCE_DATA_TOKEN) private readonly data: ReferenceData,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    let loaded: ReferenceDataLoad | null;
    try {
      loaded = await this.loadIfEmpty();
    } catch (error) {
      // 42P01: undefined table. The schema is missing, not the data: say what to do.
      if ((error as { code?: string }).code === '42P01') {
        throw new Error(
          'the region table does not exist: run the migrations (DB_MIGRATE_ON_BOOT=true) before starting the API',
        );
      }
      throw error;
    }
    if (loaded) {
      this.logger.log(
        `loaded reference data: ${loaded.regions} regions, ${loaded.units} units, ${loaded.aliases} aliases, ${loaded.targets} targets`,
      );
    }
  }

  /** Null when the registry already had regions. */
  async loadIfEmpty(): Promise<ReferenceDataLoad | null> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [REFERENCE_DATA_LOCK_KEY]);
      const [{ exists }]: Array<{ exists: boolean }> = await manager.query(
        'SELECT EXISTS (SELECT 1 FROM region) AS exists',
      );
      if (exists) return null;
      const counts = await this.insertAll(manager);
      await this.audit.record(manager, systemActor(), {
        action: 'reference-data.load',
        targetType: 'registry',
        targetId: null,
        // Every loaded region, so each region's auditor finds the entry in their scope.
        regionCodes: this.data.registry.regions.map((r) => r.code),
        before: null,
        after: counts,
      });
      return counts;
    });
  }

  private async insertAll(manager: EntityManager): Promise<ReferenceDataLoad> {
    const { registry, targets } = this.data;
    for (const region of parentsFirst(registry.regions)) {
      await manager.query(
        `INSERT INTO region (code, level, name_zh, name_en, parent_code, generated_code, valid_from, valid_to)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          region.code,
          region.level,
          region.nameZh,
          region.nameEn,
          region.parentCode ?? null,
          region.generatedCode ?? false,
          region.validFrom ?? null,
          region.validTo ?? null,
        ],
      );
    }
    for (const link of registry.regionLinks ?? []) {
      await manager.query(
        `INSERT INTO region_link (child_code, parent_code, valid_from, valid_to) VALUES ($1, $2, $3, $4)`,
        [link.childCode, link.parentCode, link.validFrom, link.validTo ?? null],
      );
    }
    let aliases = 0;
    for (const unit of registry.units) {
      await manager.query(
        `INSERT INTO unit (id, kind, name_zh, name_en, region_code, valid_from, valid_to)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          unit.id,
          unit.kind,
          unit.nameZh,
          unit.nameEn ?? null,
          unit.regionCode,
          unit.validFrom ?? null,
          unit.validTo ?? null,
        ],
      );
      for (const alias of new Set(unit.aliases)) {
        await manager.query(
          `INSERT INTO unit_alias (unit_id, alias, created_by) VALUES ($1, $2, 'system')`,
          [unit.id, alias],
        );
        aliases++;
      }
    }
    for (const link of registry.unitLinks ?? []) {
      await manager.query(
        `INSERT INTO unit_region_link (unit_id, region_code, valid_from, valid_to) VALUES ($1, $2, $3, $4)`,
        [link.unitId, link.regionCode, link.validFrom, link.validTo ?? null],
      );
    }
    for (const succession of registry.successions ?? []) {
      await manager.query(
        `INSERT INTO unit_succession (kind, date, from_ids, to_ids, note) VALUES ($1, $2, $3, $4, $5)`,
        [succession.kind, succession.date, succession.from, succession.to, succession.note ?? null],
      );
    }
    for (const target of targets) {
      // The demo ids are readable slugs; the table keys targets by uuid, so the database
      // assigns one and the slug's content lives on in indicator, region, year and source.
      await manager.query(
        `INSERT INTO target (indicator, region_code, year, comparator, value, deadline, ongoing,
                             responsible_zh, note_zh, source, set_by, set_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          target.indicator,
          target.regionCode,
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
        ],
      );
    }
    return {
      regions: registry.regions.length,
      units: registry.units.length,
      aliases,
      targets: targets.length,
    };
  }
}
