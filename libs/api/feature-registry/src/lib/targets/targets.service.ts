import {
  BadRequestException,
  ForbiddenException,
  Inject,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AuditService,
  CLOCK,
  type AuditActor,
  type Clock,
  type DataScope,
} from '@efficacy/api/core';
import {
  formatTargetRule,
  hierarchyAsOf,
  resolveTarget,
  validateTargetRule,
  type Hierarchy,
  type IndicatorCatalogue,
  type Registry,
  type Target,
} from '@efficacy/indicator-model';
import { regionNotFound } from '../http/not-found';
import { todayIso } from '../http/today';
import { RegistryRepository } from '../persistence/registry.repository';
import { TargetRepository } from '../persistence/target.repository';
import { INDICATOR_CATALOGUE_TOKEN } from '../tokens';
import type { SetTargetDto } from './dto/set-target.dto';
import type { SetTargetResult, TargetView } from './targets.types';

export interface TargetQuery {
  readonly region?: string;
  readonly year?: number;
  readonly indicator?: string;
}

/** The fields an audit entry compares: what the target asks, not who or when. */
function auditedFields(target: Target) {
  return {
    id: target.id,
    indicator: target.indicator,
    regionCode: target.regionCode,
    year: target.year,
    comparator: target.comparator,
    value: target.value ?? null,
    deadline: target.deadline ?? null,
    ongoing: target.ongoing ?? false,
    responsibleZh: target.responsibleZh ?? null,
    noteZh: target.noteZh ?? null,
    source: target.source ?? null,
    setBy: target.setBy,
    setAt: target.setAt,
  };
}

function sameRequirement(current: Target, next: SetTargetDto): boolean {
  return (
    current.comparator === next.comparator &&
    (current.value ?? null) === (next.value ?? null) &&
    (current.deadline ?? null) === (next.deadline ?? null) &&
    (current.ongoing ?? false) === (next.ongoing ?? false) &&
    (current.responsibleZh ?? null) === (next.responsibleZh ?? null) &&
    (current.noteZh ?? null) === (next.noteZh ?? null) &&
    (current.source ?? null) === (next.source ?? null)
  );
}

/** A hierarchy for target inheritance in a year: the tree as it stood at the year's end. */
function yearHierarchy(registry: Registry, year: number | undefined, now: Date): Hierarchy {
  const today = todayIso(now);
  const end = year !== undefined ? `${year}-12-31` : today;
  return hierarchyAsOf(registry, end < today ? end : today);
}

@Injectable()
export class TargetsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: RegistryRepository,
    private readonly targets: TargetRepository,
    private readonly audit: AuditService,
    @Inject(INDICATOR_CATALOGUE_TOKEN) private readonly catalogue: IndicatorCatalogue,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * With a region: every target that applies there (own or inherited, via the model's
   * resolveTarget). Without: the targets of the user's top regions and every target set on a
   * region below them.
   */
  async list(scope: DataScope, query: TargetQuery): Promise<TargetView[]> {
    if (query.region !== undefined && !(await this.registry.findRegion(scope, query.region))) {
      throw regionNotFound(query.region);
    }
    const [registry, targets] = await Promise.all([
      this.registry.registryFor(scope),
      this.targets.visibleTargets(scope, { year: query.year, indicator: query.indicator }),
    ]);
    const hierarchy = yearHierarchy(registry, query.year, this.clock.now());
    const inScope = new Set(scope.regionCodes);
    // The regions to answer for: the asked one, or the user's top regions (whose parent is
    // outside the scope) plus every region below them that has a target of its own.
    const roots = new Set(
      query.region !== undefined
        ? [query.region]
        : hierarchy
            .regions()
            .map((r) => r.code)
            .filter((code) => {
              const parent = hierarchy.parentOf(code);
              return inScope.has(code) && (parent === undefined || !inScope.has(parent));
            }),
    );
    const regions =
      query.region !== undefined
        ? [query.region]
        : [
            ...new Set([
              ...roots,
              ...targets.filter((t) => inScope.has(t.regionCode)).map((t) => t.regionCode),
            ]),
          ].sort();
    const pairs = [...new Set(targets.map((t) => `${t.indicator}|${t.year}`))].map((key) => {
      const [indicator, year] = key.split('|');
      return { indicator, year: Number(year) };
    });
    const views: TargetView[] = [];
    for (const regionCode of regions) {
      for (const { indicator, year } of pairs) {
        const resolved = resolveTarget(targets, indicator, regionCode, year, hierarchy);
        // Below the top regions only a region's own targets are listed; repeating what it
        // inherits for every township would bury them.
        if (!resolved || (resolved.inherited && !roots.has(regionCode))) continue;
        views.push(
          this.view(resolved.target, regionCode, resolved.setOn, resolved.inherited, registry),
        );
      }
    }
    return views.sort(
      (a, b) =>
        a.regionCode.localeCompare(b.regionCode) ||
        a.year - b.year ||
        a.indicator.localeCompare(b.indicator),
    );
  }

  async set(actor: AuditActor, scope: DataScope, input: SetTargetDto): Promise<SetTargetResult> {
    if (this.catalogue.versionsOf(input.indicator).length === 0) {
      throw new BadRequestException(
        `unknown indicator "${input.indicator}": see GET /api/indicators for the codes`,
      );
    }
    const problems = validateTargetRule({
      comparator: input.comparator,
      ...(input.value !== undefined ? { value: input.value } : {}),
    });
    if (problems.length > 0) throw new BadRequestException(problems.join('; '));

    return this.dataSource.transaction(async (manager) => {
      const region = await this.registry.findRegion(scope, input.regionCode, manager, true);
      if (!region) {
        const above = (await this.registry.regionsAboveScope(scope, manager)).find(
          (r) => r.code === input.regionCode,
        );
        if (above) {
          throw new ForbiddenException(
            `region ${above.code} (${above.nameZh}) is above your scope (${actor.principal.regions.join(', ')}): ` +
              'a target set there would apply to regions you do not administer',
          );
        }
        throw regionNotFound(input.regionCode);
      }
      const registry = await this.registry.registryFor(scope, manager);
      const before = await this.targets.current(
        manager,
        scope,
        input.indicator,
        input.regionCode,
        input.year,
      );
      if (before && sameRequirement(before, input)) {
        return {
          changed: false,
          target: this.view(before, region.code, region.code, false, registry),
          supersedes: null,
        };
      }
      const after = await this.targets.insert(manager, scope, {
        indicator: input.indicator,
        regionCode: input.regionCode,
        year: input.year,
        comparator: input.comparator,
        ...(input.value !== undefined ? { value: input.value } : {}),
        ...(input.deadline !== undefined ? { deadline: input.deadline } : {}),
        ...(input.ongoing !== undefined ? { ongoing: input.ongoing } : {}),
        ...(input.responsibleZh ? { responsibleZh: input.responsibleZh } : {}),
        ...(input.noteZh ? { noteZh: input.noteZh } : {}),
        ...(input.source ? { source: input.source } : {}),
        setBy: actor.principal.username,
        setAt: this.clock.now(),
      });
      if (!after) throw regionNotFound(input.regionCode);
      await this.audit.record(manager, actor, {
        action: 'target.set',
        targetType: 'target',
        targetId: after.id,
        regionCodes: [after.regionCode],
        before: before ? auditedFields(before) : null,
        after: auditedFields(after),
      });
      return {
        changed: true,
        target: this.view(after, region.code, region.code, false, registry),
        supersedes: before?.id ?? null,
      };
    });
  }

  /**
   * Deletes the target a region has of its own for an indicator and year (audited, with the
   * target that was in force as `before`). A region above the scope answers 403, like a set;
   * one outside it, or a region without a target of its own there, 404.
   */
  async remove(
    actor: AuditActor,
    scope: DataScope,
    input: { indicator: string; region: string; year: number },
  ): Promise<{ removed: number; target: string }> {
    return this.dataSource.transaction(async (manager) => {
      const region = await this.registry.findRegion(scope, input.region, manager, true);
      if (!region) {
        const above = (await this.registry.regionsAboveScope(scope, manager)).find(
          (r) => r.code === input.region,
        );
        if (above) {
          throw new ForbiddenException(
            `region ${above.code} (${above.nameZh}) is above your scope (${actor.principal.regions.join(', ')}): ` +
              'its target applies to regions you do not administer',
          );
        }
        throw regionNotFound(input.region);
      }
      const before = await this.targets.current(
        manager,
        scope,
        input.indicator,
        input.region,
        input.year,
      );
      if (!before) {
        throw new NotFoundException(
          `region ${input.region} has no target of its own for "${input.indicator}" in ${input.year}`,
        );
      }
      const removed = await this.targets.remove(
        manager,
        scope,
        input.indicator,
        input.region,
        input.year,
      );
      await this.audit.record(manager, actor, {
        action: 'target.delete',
        targetType: 'target',
        targetId: before.id,
        regionCodes: [input.region],
        before: auditedFields(before),
        after: null,
      });
      return { removed, target: before.id };
    });
  }

  private view(
    target: Target,
    regionCode: string,
    setOn: string,
    inherited: boolean,
    registry: Registry,
  ): TargetView {
    const definition = this.catalogue.versionsOf(target.indicator).at(-1);
    const name = (code: string) => registry.regions.find((r) => r.code === code)?.nameZh ?? code;
    return {
      id: target.id,
      indicator: target.indicator,
      indicatorNameZh: definition?.nameZh ?? target.indicator,
      indicatorNameEn: definition?.nameEn ?? target.indicator,
      regionCode,
      regionNameZh: name(regionCode),
      year: target.year,
      comparator: target.comparator,
      ...(target.value !== undefined ? { value: target.value } : {}),
      textZh: formatTargetRule(target, 'zh'),
      setOn,
      setOnNameZh: name(setOn),
      inherited,
      setBy: target.setBy,
      setAt: target.setAt,
      ...(target.deadline ? { deadline: target.deadline } : {}),
      ...(target.ongoing ? { ongoing: true } : {}),
      ...(target.responsibleZh ? { responsibleZh: target.responsibleZh } : {}),
      ...(target.noteZh ? { noteZh: target.noteZh } : {}),
      ...(target.source ? { source: target.source } : {}),
    };
  }
}
