import {
  BadRequestException,
  ForbiddenException,
  Injectable,
  Logger,
  NotFoundException,
  type OnModuleInit,
} from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import type { ClientBase } from 'pg';
import { DataSource } from 'typeorm';
import { ADAPTER_REGISTRY } from '@efficacy/adapter-registry';
import type {
  CaseImportSummary,
  CaseIndicatorsResponse,
  CaseUploadResult,
} from '@efficacy/api-contract';
import {
  AuditService,
  JobQueue,
  ScopeService,
  UNIT_SPELLINGS_CHANGED_JOB,
  inScope,
  jobActor,
  type AuditActor,
  type Principal,
  type UnitSpellingsChanged,
} from '@efficacy/api/core';
import { CASE_MEASURES, caseIndicators, emptyCounts } from '@efficacy/case-metrics';
import { CaseRecordError } from '@efficacy/indicator-model';
import type { ListCaseImportsQueryDto, UploadCasesDto } from './cases.dto';
import { ingestCaseFile } from './ingest/ingest-file';
import {
  CASES_ADAPTER_ID,
  MONTH_REPORT,
  YEAR_TO_DATE_REPORT,
  monthsBetween,
  recomputeSlots,
} from './ingest/recompute';

export const CASE_IMPORT_JOB = 'cases.import';

interface CaseImportRow {
  id: string;
  file_name: string;
  file_size: string;
  stored_path: string | null;
  adapter_id: string;
  region_code: string;
  status: CaseImportSummary['status'];
  bytes_done: string;
  rows_done: string;
  rows_per_second: string | null;
  as_of: string | null;
  slots: CaseImportSummary['slots'];
  unmatched_units: CaseImportSummary['unmatchedUnits'];
  error: string | null;
  uploader: { username: string; roles: string[]; regions: string[]; units: string[] };
  created_by: string;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

const SELECT = `SELECT id, file_name, file_size, stored_path, adapter_id, region_code, status,
  bytes_done, rows_done, rows_per_second, to_char(as_of, 'YYYY-MM-DD') AS as_of, slots, unmatched_units, error,
  uploader, created_by, created_at, started_at, finished_at FROM case_import`;

function summary(r: CaseImportRow): CaseImportSummary {
  const size = Number(r.file_size);
  const done = Number(r.bytes_done);
  const rps = r.rows_per_second === null ? null : Number(r.rows_per_second);
  const percent =
    r.status === 'done' ? 100 : size > 0 ? Math.min(99, Math.floor((done / size) * 100)) : 0;
  let eta: number | null = null;
  if (r.status === 'running' && r.started_at && done > 0) {
    const elapsed = (Date.now() - r.started_at.getTime()) / 1000;
    eta = Math.max(0, Math.round((elapsed * (size - done)) / done));
  }
  return {
    id: r.id,
    fileName: r.file_name,
    fileSize: size,
    regionCode: r.region_code,
    adapter: r.adapter_id,
    status: r.status,
    bytesDone: done,
    rowsDone: Number(r.rows_done),
    rowsPerSecond: rps,
    etaSeconds: r.status === 'done' ? 0 : eta,
    percent,
    slots: r.slots,
    asOf: r.as_of,
    unmatchedUnits: r.unmatched_units,
    error: r.error,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    startedAt: r.started_at?.toISOString() ?? null,
    finishedAt: r.finished_at?.toISOString() ?? null,
  };
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }))
    hash.update(chunk);
  return hash.digest('hex');
}

/**
 * Case exports: stored on upload, imported by a background job (pg-boss) through COPY, with
 * progress in `case_import` that the console and the CLI poll.
 */
@Injectable()
export class CasesService implements OnModuleInit {
  private readonly log = new Logger('CasesService');

  constructor(
    private readonly dataSource: DataSource,
    private readonly scopes: ScopeService,
    private readonly audit: AuditService,
    private readonly jobs: JobQueue,
  ) {}

  onModuleInit(): void {
    this.jobs.register<{ importId: string }>({
      name: CASE_IMPORT_JOB,
      // A bad file does not get better by trying again; the import records why it failed.
      retryLimit: 0,
      handler: (data) => this.run(data.importId),
    });
    this.jobs.register<UnitSpellingsChanged>({
      name: UNIT_SPELLINGS_CHANGED_JOB,
      handler: (data) => this.rematchCounty(data),
    });
  }

  /**
   * A unit of the county got or lost a spelling: its case records are matched to units again,
   * by recomputing every county-month the county has (the same recompute as an import, under
   * the same lock, audited as the person who changed the spelling).
   */
  async rematchCounty(change: UnitSpellingsChanged): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    try {
      const client = (await runner.connect()) as ClientBase;
      await runner.startTransaction();
      await runner.query(`SELECT pg_advisory_xact_lock(hashtext('case-ingest'))`);
      const slots: Array<{ regionCode: string; month: string }> = await runner.query(
        `SELECT region_code AS "regionCode", to_char(month, 'YYYY-MM') AS month
           FROM case_slot WHERE region_code = $1 ORDER BY month`,
        [change.county],
      );
      if (slots.length === 0) {
        await runner.commitTransaction();
        return;
      }
      const result = await recomputeSlots(client, slots);
      await this.audit.record(runner.manager, jobActor(change.by, `job:rematch:${change.county}`), {
        action: 'cases.rematch',
        targetType: 'region',
        targetId: change.county,
        regionCodes: [change.county],
        after: {
          slots: result.slots,
          observations: result.observations,
          unmatchedUnits: result.unmatchedUnits,
        },
      });
      await runner.commitTransaction();
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }

  async upload(
    actor: AuditActor,
    file: { path: string; originalname: string; size: number } | undefined,
    body: UploadCasesDto,
  ): Promise<CaseUploadResult> {
    if (!file)
      throw new BadRequestException('no file: send the case export in the multipart field "file"');
    const adapterId = body.adapter ?? 'ningxia';
    const adapter = ADAPTER_REGISTRY.find(adapterId);
    if (!adapter?.readCases) {
      await unlink(file.path).catch(() => undefined);
      throw new BadRequestException(`adapter "${adapterId}" cannot read case exports`);
    }
    const scope = await this.scopes.resolve(actor.principal);
    if (!inScope(scope, body.region) || scope.unitIds !== null) {
      await unlink(file.path).catch(() => undefined);
      throw new ForbiddenException(`region ${body.region} is outside your scope`);
    }
    const sha256 = await sha256Of(file.path);
    const id = randomUUID();
    const outcome = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`case-upload:${sha256}`]);
      const [existing]: CaseImportRow[] = await manager.query(
        `${SELECT} WHERE file_sha256 = $1 AND status <> 'failed'`,
        [sha256],
      );
      if (existing) return { outcome: 'unchanged' as const, id: existing.id };
      const [region] = await manager.query(`SELECT code FROM region WHERE code = $1`, [
        body.region,
      ]);
      if (!region) throw new BadRequestException(`region ${body.region} is not in the registry`);
      const p = actor.principal;
      await manager.query(
        `INSERT INTO case_import (id, file_name, file_sha256, file_size, stored_path, adapter_id,
            region_code, status, uploader, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'queued', $8, $9, now())`,
        [
          id,
          file.originalname,
          sha256,
          file.size,
          file.path,
          adapterId,
          body.region,
          JSON.stringify({
            username: p.username,
            roles: p.roles,
            regions: p.regions,
            units: p.units,
          }),
          p.username,
        ],
      );
      await this.audit.record(manager, actor, {
        action: 'cases.import.queue',
        targetType: 'case_import',
        targetId: id,
        regionCodes: [body.region],
        after: { file: file.originalname, sha256, size: file.size, adapter: adapterId },
      });
      return { outcome: 'queued' as const, id };
    });
    if (outcome.outcome === 'unchanged') {
      await unlink(file.path).catch(() => undefined);
    } else {
      const jobId = await this.jobs.send(CASE_IMPORT_JOB, { importId: id }, { singletonKey: id });
      await this.dataSource.query(`UPDATE case_import SET job_id = $2 WHERE id = $1`, [id, jobId]);
    }
    return { outcome: outcome.outcome, import: await this.summaryById(outcome.id) };
  }

  async list(principal: Principal, query: ListCaseImportsQueryDto): Promise<CaseImportSummary[]> {
    const scope = await this.scopes.resolve(principal);
    const rows: CaseImportRow[] = await this.dataSource.query(
      `${SELECT} WHERE region_code = ANY($1::text[]) ORDER BY created_at DESC LIMIT $2`,
      [[...scope.regionCodes], query.limit ?? 50],
    );
    return rows.map(summary);
  }

  async get(principal: Principal, id: string): Promise<CaseImportSummary> {
    const scope = await this.scopes.resolve(principal);
    const [row]: CaseImportRow[] = await this.dataSource.query(
      `${SELECT} WHERE id = $1 AND region_code = ANY($2::text[])`,
      [id, [...scope.regionCodes]],
    );
    if (!row) throw new NotFoundException(`no case import ${id}`);
    return summary(row);
  }

  async indicators(
    principal: Principal,
    region: string,
    period: string,
  ): Promise<CaseIndicatorsResponse> {
    const scope = await this.scopes.resolve(principal);
    // A department's users read their own units' rows within their region.
    if (!scope.regionCodes.includes(region)) throw new NotFoundException(`no region ${region}`);
    const [from, to = from] = period.split('..');
    if (to < from) throw new BadRequestException(`period ${period} ends before it starts`);
    const months = monthsBetween(from, to);
    const regions = await this.scopes.regionsAtOrBelow([region]);
    const unitBound = scope.unitIds !== null;
    // County totals (region subjects) below the region, or a department's own unit rows.
    const rows: Array<{ measure: string; period: string; value: string }> =
      await this.dataSource.query(
        `SELECT o.measure, o.period, sum(o.value)::text AS value
         FROM observation o JOIN import i ON i.id = o.import_id
        WHERE i.adapter_id = $1 AND i.status = 'committed' AND i.report_kind = ANY($2::text[])
          AND o.region_code = ANY($3::text[]) AND o.region_code = ANY($4::text[])
          AND o.period = ANY($5::text[])
          AND (($6::text[] IS NULL AND o.subject_kind = 'region')
               OR (o.subject_kind = 'unit' AND o.subject_id = ANY($6::text[])))
        GROUP BY o.measure, o.period`,
        [
          CASES_ADAPTER_ID,
          [MONTH_REPORT, YEAR_TO_DATE_REPORT],
          [...scope.regionCodes],
          regions,
          [...months, `${from.slice(0, 4)}-01..${to}`],
          unitBound ? [...(scope.unitIds ?? [])] : null,
        ],
      );
    const counts = emptyCounts();
    const byMeasure = new Map(CASE_MEASURES.map(([field, measure]) => [measure as string, field]));
    const seenMonths = new Set<string>();
    let itemsWithCases: number | null = null;
    const ytd = from.endsWith('-01') && from.slice(0, 4) === to.slice(0, 4);
    for (const r of rows) {
      const field = byMeasure.get(r.measure);
      if (field && months.includes(r.period)) {
        counts[field] += Number(r.value);
        seenMonths.add(r.period);
      }
      // Items are not additive over months: only a single month or a year-to-date period has them.
      if (
        r.measure === 'items.with_cases' &&
        ((from === to && r.period === from) ||
          (ytd && from !== to && r.period === `${from.slice(0, 4)}-01..${to}`))
      )
        itemsWithCases = Number(r.value);
    }
    const catalogue = await this.catalogueItems(scope.regionCodes, region, to);
    return {
      region,
      period,
      months: [...seenMonths].sort(),
      counts: Object.fromEntries(CASE_MEASURES.map(([field, measure]) => [measure, counts[field]])),
      indicators: caseIndicators(
        counts,
        itemsWithCases === null ? undefined : { withCases: itemsWithCases, catalogue },
      ),
    };
  }

  /** The item catalogue size of the region from the aggregate path (事项数), if imported. */
  private async catalogueItems(
    scope: readonly string[],
    region: string,
    to: string,
  ): Promise<number | null> {
    const [row] = await this.dataSource.query(
      `SELECT o.value::text AS value FROM observation o JOIN import i ON i.id = o.import_id
        WHERE i.status = 'committed' AND o.measure = 'items' AND o.subject_kind = 'region'
          AND o.subject_id = $1 AND o.region_code = ANY($2::text[]) AND o.period <= $3
        ORDER BY o.period DESC LIMIT 1`,
      [region, [...scope], `${to}~`],
    );
    return row ? Number(row.value) : null;
  }

  private async summaryById(id: string): Promise<CaseImportSummary> {
    const [row]: CaseImportRow[] = await this.dataSource.query(`${SELECT} WHERE id = $1`, [id]);
    return summary(row);
  }

  /** The job: stream the stored file through the adapter into COPY, then recompute its slots. */
  async run(importId: string): Promise<void> {
    const [row]: CaseImportRow[] = await this.dataSource.query(`${SELECT} WHERE id = $1`, [
      importId,
    ]);
    if (!row || row.status === 'done') return;
    const adapter = ADAPTER_REGISTRY.find(row.adapter_id);
    const started = Date.now();
    await this.dataSource.query(
      `UPDATE case_import SET status = 'running', started_at = now(), bytes_done = 0, rows_done = 0 WHERE id = $1`,
      [importId],
    );
    const allowed = new Set(await this.scopes.regionsAtOrBelow([row.region_code]));
    const runner = this.dataSource.createQueryRunner();
    try {
      if (!adapter?.readCases)
        throw new Error(`adapter "${row.adapter_id}" cannot read case exports`);
      if (!row.stored_path) throw new Error('the uploaded file is gone: upload it again');
      const client = (await runner.connect()) as ClientBase;
      await runner.startTransaction();
      await runner.query(`SELECT pg_advisory_xact_lock(hashtext('case-ingest'))`);
      const result = await ingestCaseFile(client, {
        importId,
        path: row.stored_path,
        name: row.file_name,
        readCases: adapter.readCases,
        allowedRegions: allowed,
        onProgress: async (p) => {
          await this.dataSource.query(
            `UPDATE case_import SET bytes_done = $2, rows_done = $3, rows_per_second = $4 WHERE id = $1`,
            [
              importId,
              p.bytes,
              p.rows,
              p.elapsedMs > 0 ? Math.round((p.rows * 1000) / p.elapsedMs) : null,
            ],
          );
        },
      });
      const seconds = (Date.now() - started) / 1000;
      await runner.query(
        `UPDATE case_import SET status = 'done', finished_at = now(), bytes_done = file_size,
            rows_done = $2, rows_per_second = $3, as_of = $4::date, slots = $5, stored_path = NULL,
            unmatched_units = $6, error = NULL
          WHERE id = $1`,
        [
          importId,
          result.ingest.rows,
          Math.round(result.ingest.rows / Math.max(seconds, 0.001)),
          result.ingest.asOf,
          JSON.stringify(result.ingest.slots),
          JSON.stringify(result.recompute.unmatchedUnits),
        ],
      );
      await this.audit.record(runner.manager, this.jobActor(row), {
        action: 'cases.import.commit',
        targetType: 'case_import',
        targetId: importId,
        regionCodes: [row.region_code],
        after: {
          rows: result.ingest.rows,
          slots: result.ingest.slots.length,
          observations: result.recompute.observations,
          unmatchedUnits: result.recompute.unmatchedUnits.length,
        },
      });
      await runner.commitTransaction();
      await unlink(row.stored_path).catch(() => undefined);
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      const message =
        error instanceof CaseRecordError || error instanceof Error ? error.message : String(error);
      this.log.warn(`case import ${importId} failed: ${message}`);
      await this.dataSource.query(
        `UPDATE case_import SET status = 'failed', finished_at = now(), error = $2 WHERE id = $1`,
        [importId, message.slice(0, 2000)],
      );
      if (row.stored_path) await unlink(row.stored_path).catch(() => undefined);
    } finally {
      await runner.release();
    }
  }

  /** The uploader as the audit actor of the background commit (no request of its own). */
  private jobActor(row: CaseImportRow): AuditActor {
    return jobActor(row.uploader, `job:${row.id}`);
  }
}
