import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Registry } from '@efficacy/indicator-model';
import type { BatchMapping, NormalisedBatch, PlanItem, SourceFile } from '@efficacy/plugin-sdk';
import type { DataScope } from '@efficacy/api/core';
import type { ListImportsQueryDto } from './import.dto';

export interface ImportRow {
  id: string;
  file_name: string;
  file_sha256: string;
  file_size: number;
  adapter_id: string;
  adapter_version: string;
  report_kind: string;
  period: string;
  region_code: string;
  status: 'committed' | 'superseded' | 'rolled_back';
  supersedes: string | null;
  counts: Record<string, number>;
  warnings: unknown[];
  plan_items?: unknown;
  created_by: string;
  created_at: Date;
  ended_by: string | null;
  ended_at: Date | null;
}

const SUMMARY_COLUMNS = `id, file_name, file_sha256, file_size, adapter_id, adapter_version, report_kind, period,
  region_code, status, supersedes, counts, created_by, created_at, ended_by, ended_at`;

/**
 * SQL for imports. Every read takes the caller's DataScope and filters by it in the WHERE
 * clause; every value is a bound parameter.
 */
@Injectable()
export class ImportsRepository {
  constructor(private readonly manager: EntityManager) {}

  /** One writer per report slot at a time, so two uploads of one month cannot both win. */
  async lockSlot(manager: EntityManager, batch: NormalisedBatch): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [slotKey(batch)]);
  }

  async liveByHash(manager: EntityManager, sha256: string): Promise<ImportRow | null> {
    const [row] = await manager.query(
      `SELECT ${SUMMARY_COLUMNS} FROM import WHERE file_sha256 = $1 AND status = 'committed'`,
      [sha256],
    );
    return row ?? null;
  }

  async liveBySlot(manager: EntityManager, batch: NormalisedBatch): Promise<ImportRow | null> {
    const [row] = await manager.query(
      `SELECT ${SUMMARY_COLUMNS} FROM import
        WHERE adapter_id = $1 AND report_kind = $2 AND region_code = $3 AND period = $4 AND status = 'committed'`,
      [batch.adapter.id, batch.reportKind, batch.regionCode, batch.period],
    );
    return row ?? null;
  }

  /** What a preview says about existing imports: the same file, or the report it would replace. */
  async liveFor(sha256: string, batch: NormalisedBatch, manager?: EntityManager) {
    const m = manager ?? this.manager;
    const [sameFile, sameSlot] = await Promise.all([
      this.liveByHash(m, sha256),
      this.liveBySlot(m, batch),
    ]);
    return {
      sameFile: sameFile?.id ?? null,
      replaces: sameSlot && sameSlot.id !== sameFile?.id ? sameSlot.id : null,
    };
  }

  async byId(manager: EntityManager, id: string): Promise<ImportRow | null> {
    if (!isUuid(id)) return null;
    const [row] = await manager.query(`SELECT ${SUMMARY_COLUMNS} FROM import WHERE id = $1`, [id]);
    return row ?? null;
  }

  async findInScope(
    manager: EntityManager,
    scope: DataScope,
    id: string,
    forUpdate = false,
  ): Promise<ImportRow | null> {
    if (!isUuid(id)) return null;
    const [row] = await manager.query(
      `SELECT ${SUMMARY_COLUMNS} FROM import WHERE id = $1 AND region_code = ANY($2::text[])${forUpdate ? ' FOR UPDATE' : ''}`,
      [id, scope.regionCodes],
    );
    return row ?? null;
  }

  async list(manager: EntityManager, scope: DataScope, query: ListImportsQueryDto) {
    const rows: ImportRow[] = await manager.query(
      `SELECT ${SUMMARY_COLUMNS} FROM import
        WHERE region_code = ANY($1::text[])
          AND ($2::text IS NULL OR region_code IN (
                WITH RECURSIVE below(code) AS (
                  SELECT code FROM region WHERE code = $2
                  UNION SELECT r.code FROM region r JOIN below b ON r.parent_code = b.code)
                SELECT code FROM below))
          AND ($3::text IS NULL OR status = $3)
          AND ($4::text IS NULL OR adapter_id = $4)
        ORDER BY created_at DESC LIMIT $5`,
      [
        scope.regionCodes,
        query.region ?? null,
        query.status ?? null,
        query.adapter ?? null,
        query.limit ?? 50,
      ],
    );
    return rows.map(toSummary);
  }

  async summary(manager: EntityManager, id: string, withDetails = false) {
    const [row]: ImportRow[] = await manager.query(
      `SELECT ${SUMMARY_COLUMNS}${withDetails ? ', warnings, plan_items' : ''} FROM import WHERE id = $1`,
      [id],
    );
    return {
      ...toSummary(row),
      ...(withDetails ? { warnings: row.warnings, planItems: row.plan_items ?? [] } : {}),
    };
  }

  async end(
    manager: EntityManager,
    id: string,
    status: 'superseded' | 'rolled_back',
    by: string,
  ): Promise<void> {
    await manager.query(
      `UPDATE import SET status = $2, ended_by = $3, ended_at = now() WHERE id = $1`,
      [id, status, by],
    );
  }

  async restore(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      `UPDATE import SET status = 'committed', ended_by = NULL, ended_at = NULL WHERE id = $1`,
      [id],
    );
  }

  async unitRegion(manager: EntityManager, unitId: string): Promise<string | null> {
    const [row] = await manager.query(`SELECT region_code FROM unit WHERE id = $1`, [unitId]);
    return row?.region_code ?? null;
  }

  /** True when the alias is new. */
  async addAlias(
    manager: EntityManager,
    unitId: string,
    alias: string,
    by: string,
  ): Promise<boolean> {
    const rows = await manager.query(
      `INSERT INTO unit_alias (unit_id, alias, created_by) VALUES ($1, $2, $3) ON CONFLICT (unit_id, alias) DO NOTHING RETURNING id`,
      [unitId, alias, by],
    );
    return rows.length > 0;
  }

  async insertImport(
    manager: EntityManager,
    input: {
      id: string;
      file: SourceFile;
      sha256: string;
      batch: NormalisedBatch;
      supersedes: string | null;
      counts: Record<string, number>;
      warnings: unknown[];
      planItems: PlanItem[];
      createdBy: string;
    },
  ): Promise<void> {
    const { batch } = input;
    await manager.query(
      `INSERT INTO import (id, file_name, file_sha256, file_size, adapter_id, adapter_version, report_kind, period,
         region_code, status, supersedes, counts, warnings, plan_items, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'committed', $10, $11, $12, $13, $14, now())`,
      [
        input.id,
        input.file.name,
        input.sha256,
        input.file.bytes.byteLength,
        batch.adapter.id,
        batch.adapter.version,
        batch.reportKind,
        batch.period,
        batch.regionCode,
        input.supersedes,
        JSON.stringify(input.counts),
        JSON.stringify(input.warnings),
        JSON.stringify(input.planItems),
        input.createdBy,
      ],
    );
    await manager.query(`INSERT INTO import_file (import_id, bytes) VALUES ($1, $2)`, [
      input.id,
      Buffer.from(input.file.bytes),
    ]);
  }

  /**
   * Writes the figures with one statement per table: the rows travel as arrays and
   * `unnest` turns them back into rows, so no SQL text depends on the data.
   */
  async insertFigures(
    manager: EntityManager,
    importId: string,
    mapping: BatchMapping,
    registry: Registry,
    fallbackRegion: string,
  ): Promise<void> {
    const unitRegion = new Map(registry.units.map((u) => [u.id, u.regionCode]));
    const regionOf = (subject: { kind: string; id?: string; code?: string }): string =>
      subject.kind === 'unit'
        ? (unitRegion.get(subject.id ?? '') ?? fallbackRegion)
        : subject.kind === 'region'
          ? (subject.code ?? fallbackRegion)
          : fallbackRegion;
    const split = (s: { kind: string; id?: string; code?: string }) => ({
      kind: s.kind,
      id: s.kind === 'region' ? (s.code as string) : (s.id as string),
    });

    const obs = mapping.dataset.observations;
    if (obs.length > 0) {
      await manager.query(
        `INSERT INTO observation (import_id, region_code, subject_kind, subject_id, period, measure, status, value, role, dimensions, provenance)
         SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::numeric[], $9::text[], $10::jsonb[], $11::jsonb[])`,
        [
          importId,
          obs.map((o) => regionOf(o.subject as never)),
          obs.map((o) => split(o.subject as never).kind),
          obs.map((o) => split(o.subject as never).id),
          obs.map((o) => o.period),
          obs.map((o) => o.measure),
          obs.map((o) => o.value.status),
          obs.map((o) => (o.value.status === 'number' ? o.value.value : null)),
          obs.map((o) => o.role ?? (o.subject.kind === 'unit' ? 'row' : 'total')),
          obs.map((o) => (o.dimensions ? JSON.stringify(o.dimensions) : null)),
          obs.map((o) => JSON.stringify(o.provenance ?? {})),
        ],
      );
    }
    const rep = mapping.dataset.reported;
    if (rep.length > 0) {
      await manager.query(
        `INSERT INTO reported_value (import_id, region_code, subject_kind, subject_id, period, indicator, status, value, digits, rounding, role, provenance)
         SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::numeric[], $9::int[], $10::text[], $11::text[], $12::jsonb[])`,
        [
          importId,
          rep.map((r) => regionOf(r.subject as never)),
          rep.map((r) => split(r.subject as never).kind),
          rep.map((r) => split(r.subject as never).id),
          rep.map((r) => r.period),
          rep.map((r) => r.indicator),
          rep.map((r) => r.value.status),
          rep.map((r) => (r.value.status === 'number' ? r.value.value : null)),
          rep.map((r) => r.digits ?? null),
          rep.map((r) => r.rounding ?? null),
          rep.map((r) => r.role ?? (r.subject.kind === 'unit' ? 'row' : 'total')),
          rep.map((r) => JSON.stringify(r.provenance ?? {})),
        ],
      );
    }
    for (const group of mapping.dataset.groups ?? []) {
      await manager.query(
        `INSERT INTO unit_group (import_id, id, label_zh, unit_ids) VALUES ($1, $2, $3, $4)`,
        [importId, group.id, group.labelZh, group.unitIds],
      );
    }
  }

  /** Targets a plan brings (Gansu): rows that name their import, so a rollback removes them. */
  async insertTargets(
    manager: EntityManager,
    importId: string,
    batch: NormalisedBatch,
    by: string,
  ): Promise<void> {
    for (const t of batch.targets) {
      const comparator = t.comparator === '>' ? '>=' : t.comparator === '<' ? '<=' : t.comparator;
      const year = Number((t.period ?? batch.period).slice(0, 4));
      await manager.query(
        `INSERT INTO target (indicator, region_code, year, comparator, value, deadline, source, set_by, set_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())`,
        [
          t.indicator,
          t.regionCode ?? batch.regionCode,
          year,
          comparator,
          t.value,
          t.deadline ?? null,
          `import:${importId}`,
          by,
        ],
      );
    }
  }

  async deleteTargets(manager: EntityManager, importId: string): Promise<void> {
    await manager.query(`DELETE FROM target WHERE source = $1`, [`import:${importId}`]);
  }

  async fileBytes(manager: EntityManager, id: string): Promise<Buffer> {
    const [row] = await manager.query(`SELECT bytes FROM import_file WHERE import_id = $1`, [id]);
    return row.bytes as Buffer;
  }
}

function slotKey(batch: NormalisedBatch): string {
  return `import:${batch.adapter.id}:${batch.reportKind}:${batch.regionCode}:${batch.period}`;
}

function isUuid(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}

function toSummary(row: ImportRow) {
  return {
    id: row.id,
    fileName: row.file_name,
    sha256: row.file_sha256,
    size: row.file_size,
    adapter: row.adapter_id,
    adapterVersion: row.adapter_version,
    reportKind: row.report_kind,
    period: row.period,
    regionCode: row.region_code,
    status: row.status,
    supersedes: row.supersedes,
    counts: row.counts,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
    endedBy: row.ended_by,
    endedAt: row.ended_at ? new Date(row.ended_at).toISOString() : null,
  };
}
