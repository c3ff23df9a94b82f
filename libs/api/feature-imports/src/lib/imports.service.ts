import {
  BadRequestException,
  ForbiddenException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ADAPTER_REGISTRY, UnknownAdapterError } from '@efficacy/adapter-registry';
import {
  AdapterError,
  mapBatch,
  reconcileTotals,
  type BatchMapping,
  type NormalisedBatch,
  type ParseContext,
  type SourceFile,
} from '@efficacy/plugin-sdk';
import {
  INDICATOR_CATALOGUE,
  computeIndicatorValue,
  createMeasureStore,
  createUnitMatcher,
  hierarchyAsOf,
  periodEndDate,
  subjectKey,
  type Registry,
} from '@efficacy/indicator-model';
import { createAssessmentContext, describeSubject, validate } from '@efficacy/assessment-engine';
import {
  AuditService,
  RegistryReader,
  ScopeService,
  inScope,
  type AuditActor,
  type DataScope,
  type Principal,
} from '@efficacy/api/core';
import type { ImportFileDto, ListImportsQueryDto } from './import.dto';
import { ImportsRepository } from './imports.repository';

export interface ParsedUpload {
  file: SourceFile;
  sha256: string;
  batch: NormalisedBatch;
  detection: { adapter: string; version: string; confidence: number | null; reason: string };
  registry: Registry;
  mapping: BatchMapping;
}

const MIN_CONFIDENCE = 0.5;

/**
 * The import pipeline: detect the adapter, parse, land the batch in the model, preview it,
 * and commit it in one transaction. A rejected file leaves the database as it was.
 */
@Injectable()
export class ImportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scopes: ScopeService,
    private readonly audit: AuditService,
    private readonly registryReader: RegistryReader,
    private readonly repository: ImportsRepository,
  ) {}

  async preview(principal: Principal, file: SourceFile, options: ImportFileDto) {
    const scope = await this.scopes.resolve(principal);
    const parsed = await this.parse(file, options, scope);
    const existing = await this.repository.liveFor(parsed.sha256, parsed.batch);
    return { ...this.describe(parsed), existing };
  }

  async commit(actor: AuditActor, file: SourceFile, options: ImportFileDto) {
    const scope = await this.scopes.resolve(actor.principal);
    const parsed = await this.parse(file, options, scope);
    if (parsed.mapping.unresolved.length > 0) {
      throw new UnprocessableEntityException({
        message: `${parsed.mapping.unresolved.length} unit name(s) match no unit: confirm a match for each (field "confirmed") and import again: ${parsed.mapping.unresolved.map((n) => n.name).join(', ')}`,
        details: { unresolved: parsed.mapping.unresolved },
      });
    }
    const confirmed = parseConfirmed(options.confirmed);
    const { batch } = parsed;

    return this.dataSource.transaction(async (manager) => {
      await this.repository.lockSlot(manager, batch);
      const sameFile = await this.repository.liveByHash(manager, parsed.sha256);
      if (sameFile) {
        // Idempotent: the same bytes again change nothing.
        return {
          outcome: 'unchanged' as const,
          import: await this.repository.summary(manager, sameFile.id),
        };
      }
      const previous = await this.repository.liveBySlot(manager, batch);
      const importId = parsed.mapping.dataset.importId;
      if (previous)
        await this.repository.end(manager, previous.id, 'superseded', actor.principal.username);

      for (const [name, unitId] of Object.entries(confirmed)) {
        const unitRegion = await this.repository.unitRegion(manager, unitId);
        if (!unitRegion || !inScope(scope, unitRegion)) {
          throw new BadRequestException(
            `confirmed unit "${unitId}" for "${name}" is not a unit in your scope`,
          );
        }
        if (await this.repository.addAlias(manager, unitId, name, actor.principal.username)) {
          await this.audit.record(manager, actor, {
            action: 'unit.alias.add',
            targetType: 'unit',
            targetId: unitId,
            regionCodes: [unitRegion],
            after: { alias: name, source: `import:${importId}` },
          });
        }
      }

      const counts = {
        observations: parsed.mapping.dataset.observations.length,
        reported: parsed.mapping.dataset.reported.length,
        groups: parsed.mapping.dataset.groups?.length ?? 0,
        targets: batch.targets.length,
        planItems: batch.planItems.length,
        names: parsed.mapping.names.length,
      };
      const warnings = this.warningsOf(parsed);
      await this.repository.insertImport(manager, {
        id: importId,
        file,
        sha256: parsed.sha256,
        batch,
        supersedes: previous?.id ?? null,
        counts,
        warnings,
        planItems: batch.planItems,
        createdBy: actor.principal.username,
      });
      await this.repository.insertFigures(
        manager,
        importId,
        parsed.mapping,
        parsed.registry,
        batch.regionCode,
      );
      await this.repository.insertTargets(manager, importId, batch, actor.principal.username);
      await this.audit.record(manager, actor, {
        action: previous ? 'import.replace' : 'import.commit',
        targetType: 'import',
        targetId: importId,
        regionCodes: [batch.regionCode],
        before: previous ? { import: previous.id, status: 'committed' } : null,
        after: {
          file: file.name,
          sha256: parsed.sha256,
          adapter: `${batch.adapter.id}@${batch.adapter.version}`,
          reportKind: batch.reportKind,
          period: batch.period,
          regionCode: batch.regionCode,
          counts,
        },
      });
      return {
        outcome: previous ? ('replaced' as const) : ('created' as const),
        import: await this.repository.summary(manager, importId),
      };
    });
  }

  async list(principal: Principal, query: ListImportsQueryDto) {
    const scope = await this.scopes.resolve(principal);
    return this.repository.list(this.dataSource.manager, scope, query);
  }

  async get(principal: Principal, id: string) {
    const scope = await this.scopes.resolve(principal);
    const row = await this.repository.findInScope(this.dataSource.manager, scope, id);
    if (!row) throw new NotFoundException(`import ${id} not found`);
    return this.repository.summary(this.dataSource.manager, row.id, true);
  }

  async rollback(actor: AuditActor, id: string, reason: string | undefined) {
    const scope = await this.scopes.resolve(actor.principal);
    return this.dataSource.transaction(async (manager) => {
      const row = await this.repository.findInScope(manager, scope, id, true);
      if (!row) throw new NotFoundException(`import ${id} not found`);
      if (row.status !== 'committed') {
        throw new UnprocessableEntityException(
          `import ${id} is ${row.status.replace('_', ' ')}: only a committed import can be rolled back`,
        );
      }
      await this.repository.end(manager, row.id, 'rolled_back', actor.principal.username);
      await this.repository.deleteTargets(manager, row.id);
      // The import it replaced comes back, so rolling back a correction restores the original.
      let restored: string | null = null;
      if (row.supersedes) {
        const previous = await this.repository.byId(manager, row.supersedes);
        if (previous?.status === 'superseded') {
          await this.repository.restore(manager, previous.id);
          restored = previous.id;
        }
      }
      await this.audit.record(manager, actor, {
        action: 'import.rollback',
        targetType: 'import',
        targetId: row.id,
        regionCodes: [row.region_code],
        before: { status: 'committed' },
        after: { status: 'rolled_back', reason: reason ?? null, restored },
      });
      return { rolledBack: row.id, restored };
    });
  }

  async download(actor: AuditActor, id: string): Promise<{ name: string; bytes: Buffer }> {
    const scope = await this.scopes.resolve(actor.principal);
    const row = await this.repository.findInScope(this.dataSource.manager, scope, id);
    if (!row) throw new NotFoundException(`import ${id} not found`);
    const bytes = await this.repository.fileBytes(this.dataSource.manager, id);
    await this.audit.recordAlone(actor, {
      action: 'import.download',
      targetType: 'import',
      targetId: id,
      regionCodes: [row.region_code],
      after: { file: row.file_name },
    });
    return { name: row.file_name, bytes };
  }

  /** Adapter detection and parsing, then the batch landed in the model; writes nothing. */
  private async parse(
    file: SourceFile,
    options: ImportFileDto,
    scope: DataScope,
  ): Promise<ParsedUpload> {
    const context: ParseContext = {
      ...(options.period ? { period: options.period } : {}),
      ...(options.year ? { year: options.year } : {}),
      ...(options.region ? { regionCode: options.region } : {}),
      ...(options.reportKind ? { reportKind: options.reportKind } : {}),
    };
    let adapter;
    let detection: ParsedUpload['detection'];
    if (options.adapter) {
      try {
        adapter = ADAPTER_REGISTRY.require(options.adapter);
      } catch (error) {
        if (error instanceof UnknownAdapterError) throw new BadRequestException(error.message);
        throw error;
      }
      detection = {
        adapter: adapter.manifest.id,
        version: adapter.manifest.version,
        confidence: null,
        reason: 'chosen by the user',
      };
    } else {
      const candidates = await ADAPTER_REGISTRY.detect(file, context);
      const best = candidates[0];
      if (!best || best.confidence < MIN_CONFIDENCE) {
        throw new UnprocessableEntityException({
          message: `${file.name}: no adapter recognises this file${best ? ` (best guess ${best.id} at ${Math.round(best.confidence * 100)}%: ${best.reason})` : ''}; choose one with "adapter"`,
          details: {
            candidates: candidates.map((c) => ({
              id: c.id,
              confidence: c.confidence,
              reason: c.reason,
            })),
          },
        });
      }
      adapter = best.adapter;
      if (best.reportKind && !context.reportKind) context.reportKind = best.reportKind;
      detection = {
        adapter: best.id,
        version: adapter.manifest.version,
        confidence: best.confidence,
        reason: best.reason,
      };
    }

    let batch: NormalisedBatch;
    try {
      batch = await adapter.parse(file, context);
    } catch (error) {
      if (error instanceof AdapterError) {
        throw new UnprocessableEntityException({
          message: error.message,
          details: { code: error.code, location: error.location },
        });
      }
      throw error;
    }

    // Unknown before out of scope: a code the registry lacks is not a question of rights.
    // The file's province is all a file can name (a few thousand regions, not the country's).
    const registry = await this.registryReader.read(undefined, { within: batch.regionCode });
    if (!registry.regions.some((r) => r.code === batch.regionCode)) {
      throw new UnprocessableEntityException(
        `${file.name}: region ${batch.regionCode} is not in the registry`,
      );
    }
    if (!scope.regionCodes.includes(batch.regionCode) || scope.unitIds !== null) {
      throw new ForbiddenException(
        `${file.name} reports region ${batch.regionCode}, which is outside your scope (${scope.regionCodes.slice(0, 3).join(', ') || 'none'}${scope.regionCodes.length > 3 ? ', …' : ''})`,
      );
    }
    const hierarchy = hierarchyAsOf(registry, periodEndDate(batch.period));
    const mapping = mapBatch(batch, {
      importId: randomUUID(),
      hierarchy,
      matcher: createUnitMatcher(hierarchy),
      confirmed: parseConfirmed(options.confirmed),
    });
    return { file, sha256: batch.source.sha256, batch, detection, registry, mapping };
  }

  private warningsOf(parsed: ParsedUpload) {
    const context = createAssessmentContext({
      registry: parsed.registry,
      datasets: [parsed.mapping.dataset],
    });
    const engine = validate(context, { regionCode: parsed.batch.regionCode }).map((w) => ({
      source: 'validation' as const,
      code: w.code,
      severity: w.severity,
      message: w.messageZh,
      messageEn: w.messageEn,
      subject: subjectKey(w.subject),
      period: w.period,
      cell: w.cell
        ? { sheet: w.cell.sheet, row: w.cell.row, column: w.cell.column, printed: w.cell.printed }
        : null,
    }));
    const adapter = [...parsed.batch.warnings, ...reconcileTotals(parsed.batch)].map((w) => ({
      source: 'adapter' as const,
      code: w.code,
      severity: 'warning' as const,
      message: w.message,
      cell: w.provenance ?? null,
    }));
    const mapping = parsed.mapping.warnings.map((w) => ({
      source: 'mapping' as const,
      code: w.code,
      severity: 'warning' as const,
      message: w.message,
      cell: w.provenance ?? null,
    }));
    return [...adapter, ...mapping, ...engine];
  }

  private describe(parsed: ParsedUpload) {
    const { batch, mapping, registry } = parsed;
    const hierarchy = hierarchyAsOf(registry, periodEndDate(batch.period));
    const store = createMeasureStore([mapping.dataset]);
    const seen = new Set<string>();
    const values = [];
    for (const r of mapping.dataset.reported) {
      const key = `${subjectKey(r.subject)}|${r.indicator}|${r.period}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const indicator = catalogueEntry(r.indicator, periodEndDate(r.period));
      if (!indicator) continue;
      const v = computeIndicatorValue(store, hierarchy, indicator, r.subject, r.period);
      values.push({
        subject: subjectKey(r.subject),
        subjectName: describeSubject(registry, r.subject).zh,
        period: r.period,
        indicator: r.indicator,
        indicatorNameZh: indicator.nameZh,
        derived: v.derived?.value ?? null,
        reported: r.value.status === 'number' ? r.value.value : r.value.status,
        status: v.status,
        discrepancy: v.discrepancy ?? null,
      });
    }
    return {
      adapter: parsed.detection,
      reportKind: batch.reportKind,
      file: { name: parsed.file.name, sha256: parsed.sha256, size: parsed.file.bytes.byteLength },
      period: batch.period,
      region: {
        code: batch.regionCode,
        nameZh: hierarchy.region(batch.regionCode)?.nameZh ?? null,
      },
      counts: {
        measures: batch.measures.length,
        indicators: batch.indicators.length,
        totals: batch.totals.length,
        targets: batch.targets.length,
        planItems: batch.planItems.length,
      },
      names: mapping.names,
      unresolved: mapping.unresolved,
      warnings: this.warningsOf(parsed),
      values,
    };
  }
}

function catalogueEntry(code: string, asOf: string) {
  try {
    return INDICATOR_CATALOGUE.get(code, asOf);
  } catch {
    // A reported figure for an indicator the catalogue does not (yet) define stays as printed.
    return undefined;
  }
}

function parseConfirmed(text: string | undefined): Record<string, string> {
  if (!text) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BadRequestException('confirmed must be a JSON object of printed name → unit id');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new BadRequestException('confirmed must be a JSON object of printed name → unit id');
  }
  const out: Record<string, string> = {};
  for (const [name, id] of Object.entries(value)) {
    if (typeof id !== 'string' || !/^\d{6}(-[a-z0-9]+)*:[a-z0-9-]+$/.test(id)) {
      throw new BadRequestException(`confirmed["${name}"] must be a unit id such as 640106:spj`);
    }
    out[name] = id;
  }
  return out;
}
