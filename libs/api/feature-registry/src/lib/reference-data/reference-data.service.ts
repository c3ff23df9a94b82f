import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AuditService, CLOCK, type AppConfig, type Clock } from '@efficacy/api/core';
import { divisionRegions, type DivisionRegion } from '@efficacy/indicator-model';
import { REFERENCE_DATA_TOKEN, REGION_EDITIONS_TOKEN } from '../tokens';
import { parentsFirst, systemActor, type ReferenceData } from './reference-data';
import type { RegionEdition } from './region-editions';

// Two API processes starting on one database must not both load: the second waits for the
// first's transaction and then finds the load recorded.
const REFERENCE_DATA_LOCK_KEY = 0x0eff1cb;

/** "Since always": the start of a parent link that held before the first recorded change. */
const SINCE_ALWAYS = '0001-01-01';

export interface ReferenceDataLoad {
  readonly regions: number;
  readonly units: number;
  readonly aliases: number;
  readonly targets: number;
}

/** What loading one region edition changed. */
export interface EditionLoad {
  readonly edition: string;
  readonly rows: number;
  readonly inserted: number;
  readonly updated: number;
  readonly retired: number;
  readonly moved: number;
  readonly renamed: number;
  readonly successions: number;
  readonly milliseconds: number;
}

/**
 * The registry every deployment gets, loaded when the API starts (ADR 0012):
 * - every edition of the official division tables (province to township, 2023 first) as an
 *   idempotent bulk upsert, recorded in reference_data_load so that a start with it loaded costs
 *   one query, and audited as registry.edition.load;
 * - with DEMO_DATA=true only (npm start, the tests): the seed bulletins' demo townships,
 *   villages, units, aliases and targets, once, audited as reference-data.load.
 */
@Injectable()
export class ReferenceDataService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReferenceDataService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(REFERENCE_DATA_TOKEN) private readonly data: ReferenceData,
    @Inject(REGION_EDITIONS_TOKEN) private readonly editions: readonly RegionEdition[],
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      for (const edition of this.editions) {
        const load = await this.loadEdition(edition);
        if (load) {
          this.logger.log(
            `loaded region edition ${load.edition}: ${load.rows} regions (${load.inserted} new, ${load.updated} changed, ${load.retired} retired) in ${load.milliseconds} ms`,
          );
        }
      }
      if (this.config.demoData) {
        const demo = await this.loadDemo();
        if (demo) {
          this.logger.log(
            `loaded demo reference data: ${demo.regions} regions, ${demo.units} units, ${demo.aliases} aliases, ${demo.targets} targets`,
          );
        }
      }
    } catch (error) {
      // 42P01: undefined table. The schema is missing, not the data: say what to do.
      if ((error as { code?: string }).code === '42P01') {
        throw new Error(
          'the registry tables do not exist: run the migrations (DB_MIGRATE_ON_BOOT=true) before starting the API',
        );
      }
      throw error;
    }
  }

  /**
   * Loads one edition unless it is loaded already from the same source (`force` upserts
   * anyway: nothing changes when the rows are the same). Null when nothing was done.
   */
  async loadEdition(edition: RegionEdition, force = false): Promise<EditionLoad | null> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [REFERENCE_DATA_LOCK_KEY]);
      const loaded: Array<{ id: string; source: string; effective_from: string }> =
        await manager.query(
          `SELECT id, source, effective_from::text AS effective_from FROM reference_data_load
            WHERE kind = 'region-edition' ORDER BY effective_from`,
        );
      const same = loaded.find((l) => l.id === edition.id);
      if (same && same.source === edition.source && !force) return null;
      const newest = loaded.at(-1);
      if (newest && newest.id !== edition.id && newest.effective_from >= edition.effectiveFrom) {
        this.logger.warn(
          `region edition ${edition.id} (${edition.effectiveFrom}) is older than ${newest.id} (${newest.effective_from}), which is loaded: not loaded`,
        );
        return null;
      }
      const started = performance.now();
      const regions = parentsFirst(divisionRegions(edition.read()));
      const first = loaded.length === 0 || (loaded.length === 1 && same !== undefined);
      const now = this.clock.now();
      await manager.query(
        `INSERT INTO reference_data_load (id, kind, title, source, effective_from, counts, loaded_at)
         VALUES ($1, 'region-edition', $2, $3, $4, '{}', $5)
         ON CONFLICT (id) DO UPDATE SET source = EXCLUDED.source, title = EXCLUDED.title, loaded_at = EXCLUDED.loaded_at`,
        [edition.id, edition.title, edition.source, edition.effectiveFrom, now],
      );
      const counts = await this.upsertEdition(manager, edition, regions, first, now);
      const successions = await this.editionSuccessions(manager, edition, now);
      const result: EditionLoad = {
        edition: edition.id,
        rows: regions.length,
        ...counts,
        successions,
        milliseconds: Math.round(performance.now() - started),
      };
      await manager.query(`UPDATE reference_data_load SET counts = $2 WHERE id = $1`, [
        edition.id,
        result,
      ]);
      await this.audit.record(manager, systemActor(), {
        action: 'registry.edition.load',
        targetType: 'registry',
        targetId: edition.id,
        // Provinces, prefectures and counties: each region's auditor finds the entry in scope
        // without the entry listing all forty thousand townships.
        regionCodes: regions.filter((r) => r.level !== 'township').map((r) => r.code),
        before: same ? { source: same.source } : null,
        after: { source: edition.source, effectiveFrom: edition.effectiveFrom, ...counts },
      });
      return result;
    });
  }

  /**
   * One statement per step, every row as an array parameter (unnest): parents that changed are
   * kept as dated links, same-code renames as successions, then the upsert, then the regions of
   * older editions this one no longer lists are retired from its day on.
   */
  private async upsertEdition(
    manager: EntityManager,
    edition: RegionEdition,
    regions: readonly DivisionRegion[],
    first: boolean,
    now: Date,
  ): Promise<Pick<EditionLoad, 'inserted' | 'updated' | 'retired' | 'moved' | 'renamed'>> {
    const columns = [
      regions.map((r) => r.code),
      regions.map((r) => r.level),
      regions.map((r) => r.nameZh),
      regions.map((r) => r.nameEn),
      regions.map((r) => r.parentCode ?? null),
    ];
    const incoming = `SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
                        AS t(code, level, name_zh, name_en, parent_code)`;
    const moved: unknown[] = await manager.query(
      `INSERT INTO region_link (child_code, parent_code, valid_from, valid_to)
       SELECT r.code, r.parent_code, COALESCE(r.valid_from, $6::date), $7::date
         FROM region r JOIN (${incoming}) i ON i.code = r.code
        WHERE r.edition IS NOT NULL AND r.edition <> $8 AND r.parent_code IS NOT NULL
          AND r.parent_code IS DISTINCT FROM i.parent_code
       RETURNING id`,
      [...columns, SINCE_ALWAYS, edition.effectiveFrom, edition.id],
    );
    const renamed: unknown[] = await manager.query(
      `INSERT INTO region_succession (kind, date, from_codes, to_codes, note, edition, recorded_by, recorded_at)
       SELECT 'rename', $6::date, ARRAY[r.code], ARRAY[r.code], r.name_zh || ' → ' || i.name_zh, $7, 'system', $8
         FROM region r JOIN (${incoming}) i ON i.code = r.code
        WHERE r.edition IS NOT NULL AND r.edition <> $7 AND r.name_zh <> i.name_zh
       RETURNING id`,
      [...columns, edition.effectiveFrom, edition.id, now],
    );
    const upserted: Array<{ inserted: boolean }> = await manager.query(
      `INSERT INTO region (code, level, name_zh, name_en, parent_code, generated_code, valid_from, edition)
       SELECT i.code, i.level, i.name_zh, i.name_en, i.parent_code, false, $6::date, $7 FROM (${incoming}) i
       ON CONFLICT (code) DO UPDATE SET
         level = EXCLUDED.level,
         name_zh = EXCLUDED.name_zh,
         name_en = CASE WHEN EXCLUDED.name_en <> '' THEN EXCLUDED.name_en ELSE region.name_en END,
         parent_code = EXCLUDED.parent_code,
         generated_code = false,
         edition = EXCLUDED.edition
       WHERE (region.level, region.name_zh, region.parent_code, region.generated_code, region.edition)
             IS DISTINCT FROM (EXCLUDED.level, EXCLUDED.name_zh, EXCLUDED.parent_code, false, EXCLUDED.edition)
          OR (EXCLUDED.name_en <> '' AND region.name_en IS DISTINCT FROM EXCLUDED.name_en)
       RETURNING (xmax = 0) AS inserted`,
      [...columns, first ? null : edition.effectiveFrom, edition.id],
    );
    const [retired]: [unknown[], number] = await manager.query(
      `UPDATE region SET valid_to = $2::date
        WHERE edition IS NOT NULL AND edition <> $1 AND valid_to IS NULL
       RETURNING code`,
      [edition.id, edition.effectiveFrom],
    );
    const inserted = upserted.filter((r) => r.inserted).length;
    return {
      inserted,
      updated: upserted.length - inserted,
      retired: retired.length,
      moved: moved.length,
      renamed: renamed.length,
    };
  }

  /** The merges and splits an edition states, each once (dated by the edition's day). */
  private async editionSuccessions(
    manager: EntityManager,
    edition: RegionEdition,
    now: Date,
  ): Promise<number> {
    let added = 0;
    for (const s of edition.successions) {
      const rows: unknown[] = await manager.query(
        `INSERT INTO region_succession (kind, date, from_codes, to_codes, note, edition, recorded_by, recorded_at)
         SELECT $1, $2::date, $3::text[], $4::text[], $5, $6, 'system', $7
          WHERE NOT EXISTS (SELECT 1 FROM region_succession
                             WHERE edition = $6 AND from_codes = $3::text[] AND to_codes = $4::text[])
         RETURNING id`,
        [s.kind, edition.effectiveFrom, s.from, s.to, s.note ?? null, edition.id, now],
      );
      added += rows.length;
    }
    return added;
  }

  /** The demo townships, units, aliases and targets, once; null when they are there already. */
  async loadDemo(): Promise<ReferenceDataLoad | null> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [REFERENCE_DATA_LOCK_KEY]);
      const [{ exists }]: Array<{ exists: boolean }> = await manager.query(
        `SELECT EXISTS (SELECT 1 FROM reference_data_load WHERE id = 'demo') AS exists`,
      );
      if (exists) return null;
      const counts = await this.insertDemo(manager);
      await manager.query(
        `INSERT INTO reference_data_load (id, kind, title, source, counts, loaded_at)
         VALUES ('demo', 'demo', 'demo regions, units and targets of the seed bulletins', 'DEMO_DATA=true', $1, $2)`,
        [counts, this.clock.now()],
      );
      await this.audit.record(manager, systemActor(), {
        action: 'reference-data.load',
        targetType: 'registry',
        targetId: null,
        // Every demo region, so each region's auditor finds the entry in their scope.
        regionCodes: this.data.registry.regions.map((r) => r.code),
        before: null,
        after: counts,
      });
      return counts;
    });
  }

  private async insertDemo(manager: EntityManager): Promise<ReferenceDataLoad> {
    const { registry, targets } = this.data;
    const [stored]: Array<{ codes: string[] }> = await manager.query(
      `SELECT COALESCE(array_agg(code), '{}') AS codes FROM region WHERE code = ANY($1::text[])`,
      [registry.regions.map((r) => r.code)],
    );
    // Regions the edition has keep its names; the demo adds the English ones it knows.
    for (const region of parentsFirst(registry.regions, new Set(stored.codes))) {
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
    await manager.query(
      `UPDATE region r SET name_en = t.name_en
         FROM unnest($1::text[], $2::text[]) AS t(code, name_en)
        WHERE r.code = t.code AND r.name_en = ''`,
      [registry.regions.map((r) => r.code), registry.regions.map((r) => r.nameEn)],
    );
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
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING`,
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
          `INSERT INTO unit_alias (unit_id, alias, created_by) VALUES ($1, $2, 'system')
           ON CONFLICT (unit_id, alias) DO NOTHING`,
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
