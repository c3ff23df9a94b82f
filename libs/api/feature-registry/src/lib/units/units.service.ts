import {
  ConflictException,
  ForbiddenException,
  Injectable,
  Logger,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  AuditService,
  JobQueue,
  ScopeService,
  UNIT_SPELLINGS_CHANGED_JOB,
  jobInitiator,
  type AuditActor,
  type DataScope,
  type UnitSpellingsChanged,
} from '@efficacy/api/core';
import { regionNotFound, unitNotFound } from '../http/not-found';
import { RegistryRepository } from '../persistence/registry.repository';
import { unitListItem } from '../regions/regions.service';
import type { UnitListItem } from '../regions/regions.types';
import type { AddUnitDto } from './dto/add-unit.dto';
import type { UnitDetail } from './units.types';

@Injectable()
export class UnitsService {
  private readonly log = new Logger('UnitsService');

  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: RegistryRepository,
    private readonly scopes: ScopeService,
    private readonly audit: AuditService,
    private readonly jobs: JobQueue,
  ) {}

  /**
   * After a committed change of spellings: the county's figures matched by name (case records)
   * are matched again in the background. A failure to queue is logged, not thrown: the alias
   * is saved, and the next case import of the county matches with it.
   */
  private async spellingsChanged(actor: AuditActor, regionCode: string): Promise<void> {
    if (!this.jobs.handles(UNIT_SPELLINGS_CHANGED_JOB)) return;
    // The county a township (12 digits) or a generated code lies in: its first six digits.
    const county = regionCode.slice(0, 6);
    const message: UnitSpellingsChanged = { county, by: jobInitiator(actor.principal) };
    try {
      await this.jobs.send(UNIT_SPELLINGS_CHANGED_JOB, message);
    } catch (error) {
      this.log.warn(
        `could not queue the rematch of ${county}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  /**
   * Why a unit cannot go under a region outside the scope: the registry does not know it (422,
   * as an import says, before any word of scope), or it is someone else's (403). Region codes
   * are public (GB/T 2260), so telling the two apart reveals nothing.
   */
  private async refusedRegion(
    code: string,
    manager: EntityManager,
  ): Promise<UnprocessableEntityException | ForbiddenException> {
    const name = await this.registry.regionNameAnywhere(code, manager);
    if (name === undefined) {
      return new UnprocessableEntityException(
        `region ${code} is not in the registry: check the code (efficacy regions list --under <parent>)`,
      );
    }
    return new ForbiddenException(
      `region ${code} (${name}) is outside your scope: you may add units only at or below your own regions`,
    );
  }

  async list(scope: DataScope, regionCode?: string): Promise<UnitListItem[]> {
    let regions: string[] | undefined;
    if (regionCode !== undefined) {
      if (!(await this.registry.findRegion(scope, regionCode))) throw regionNotFound(regionCode);
      regions = await this.scopes.regionsAtOrBelow([regionCode]);
    }
    return (await this.registry.listUnits(scope, regions)).map(unitListItem);
  }

  /** A unit that is not a region (a department, a 开发区, a hall, a company), audited. */
  async addUnit(actor: AuditActor, scope: DataScope, body: AddUnitDto): Promise<UnitDetail> {
    const id = `${body.regionCode}:${body.slug}`;
    const aliases = [...new Set(body.aliases ?? [])].filter((a) => a !== body.nameZh);
    const detail = await this.dataSource.transaction(async (manager) => {
      const region = await this.registry.findRegion(scope, body.regionCode, manager, true);
      if (!region) throw await this.refusedRegion(body.regionCode, manager);
      const [{ taken }]: Array<{ taken: boolean }> = await manager.query(
        'SELECT EXISTS (SELECT 1 FROM unit WHERE id = $1) AS taken',
        [id],
      );
      if (taken) throw new ConflictException(`unit ${id} exists already: choose another slug`);
      for (const name of [body.nameZh, ...aliases]) {
        const other = await this.registry.unitNamedInRegion(manager, body.regionCode, name, id);
        if (other) {
          throw new ConflictException(
            `"${name}" already names unit ${other.id} (${other.nameZh}) in ${region.nameZh}: add it as an alias there instead`,
          );
        }
      }
      await manager.query(
        `INSERT INTO unit (id, kind, name_zh, name_en, region_code) VALUES ($1, $2, $3, $4, $5)`,
        [id, body.kind, body.nameZh, body.nameEn ?? null, body.regionCode],
      );
      for (const alias of aliases) {
        await this.registry.addAlias(manager, scope, id, alias, actor.principal.username);
      }
      const created = await this.detail(scope, id, manager);
      await this.audit.record(manager, actor, {
        action: 'unit.add',
        targetType: 'unit',
        targetId: id,
        regionCodes: [body.regionCode],
        before: null,
        after: {
          id,
          kind: body.kind,
          nameZh: body.nameZh,
          regionCode: body.regionCode,
          aliases,
        },
      });
      return created;
    });
    await this.spellingsChanged(actor, detail.regionCode);
    return detail;
  }

  async detail(
    scope: DataScope,
    id: string,
    manager = this.dataSource.manager,
  ): Promise<UnitDetail> {
    const unit = await this.registry.findUnit(scope, id, manager);
    if (!unit) throw unitNotFound(id);
    const region = await this.registry.findRegion(scope, unit.regionCode, manager);
    return {
      ...unitListItem(unit),
      region: {
        code: unit.regionCode,
        nameZh: region?.nameZh ?? unit.regionCode,
        nameEn: region?.nameEn ?? unit.regionCode,
      },
      aliasDetails: await this.registry.unitAliases(scope, id, manager),
    };
  }

  /** Adds a spelling so the next import matches it; refused when it already names another unit here. */
  async addAlias(
    actor: AuditActor,
    scope: DataScope,
    id: string,
    alias: string,
  ): Promise<UnitDetail> {
    const detail = await this.dataSource.transaction(async (manager) => {
      const unit = await this.registry.findUnit(scope, id, manager, true);
      if (!unit) throw unitNotFound(id);
      if (alias === unit.nameZh || unit.aliases.includes(alias)) {
        throw new ConflictException(`"${alias}" already names unit ${id} (${unit.nameZh})`);
      }
      const other = await this.registry.unitNamedInRegion(manager, unit.regionCode, alias, id);
      if (other) {
        throw new ConflictException(
          `"${alias}" already names unit ${other.id} (${other.nameZh}) in the same region: one spelling must lead to one unit`,
        );
      }
      if (!(await this.registry.addAlias(manager, scope, id, alias, actor.principal.username))) {
        throw new ConflictException(`"${alias}" was added to unit ${id} by someone else just now`);
      }
      await this.audit.record(manager, actor, {
        action: 'unit.alias.add',
        targetType: 'unit',
        targetId: id,
        regionCodes: [unit.regionCode],
        before: { aliases: unit.aliases },
        after: { aliases: [...unit.aliases, alias] },
      });
      return this.detail(scope, id, manager);
    });
    await this.spellingsChanged(actor, detail.regionCode);
    return detail;
  }

  async removeAlias(
    actor: AuditActor,
    scope: DataScope,
    id: string,
    alias: string,
  ): Promise<UnitDetail> {
    const detail = await this.dataSource.transaction(async (manager) => {
      const unit = await this.registry.findUnit(scope, id, manager, true);
      if (!unit) throw unitNotFound(id);
      if (!(await this.registry.removeAlias(manager, scope, id, alias))) {
        throw new NotFoundException(
          `unit ${id} (${unit.nameZh}) has no alias "${alias}"; its aliases are: ${unit.aliases.join('、') || 'none'}`,
        );
      }
      await this.audit.record(manager, actor, {
        action: 'unit.alias.remove',
        targetType: 'unit',
        targetId: id,
        regionCodes: [unit.regionCode],
        before: { aliases: unit.aliases },
        after: { aliases: unit.aliases.filter((a) => a !== alias) },
      });
      return this.detail(scope, id, manager);
    });
    await this.spellingsChanged(actor, detail.regionCode);
    return detail;
  }
}
