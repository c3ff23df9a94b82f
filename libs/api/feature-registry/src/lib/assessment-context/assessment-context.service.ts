import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { DataScope } from '@efficacy/api/core';
import {
  AssessmentError,
  createAssessmentContext,
  type AssessmentContext,
} from '@efficacy/assessment-engine';
import {
  CatalogueError,
  PeriodError,
  type IndicatorCatalogue,
  type Region,
} from '@efficacy/indicator-model';
import { AssessmentCache } from '../assessment-cache/assessment-cache';
import { regionNotFound } from '../http/not-found';
import { figureWindow } from '../persistence/figure-window';
import { FigureRepository } from '../persistence/figure.repository';
import { RegistryRepository } from '../persistence/registry.repository';
import { TargetRepository } from '../persistence/target.repository';
import { INDICATOR_CATALOGUE_TOKEN } from '../tokens';

export interface ScopedContext {
  readonly context: AssessmentContext;
  /** The region asked about, in scope. */
  readonly region: Region;
}

/**
 * Builds the engine's context for one request from the scoped repositories: the user's
 * registry (with ancestors, for inherited targets), the targets that reach their regions, and
 * the committed figures in scope for the years the period needs. The engine then sees nothing
 * the user may not see, so its totals, ranks and signals cannot leak another scope.
 */
@Injectable()
export class AssessmentContextService {
  constructor(
    private readonly registry: RegistryRepository,
    private readonly targets: TargetRepository,
    private readonly figures: FigureRepository,
    private readonly cache: AssessmentCache,
    @Inject(INDICATOR_CATALOGUE_TOKEN) private readonly catalogue: IndicatorCatalogue,
  ) {}

  async forRegion(scope: DataScope, regionCode: string, period: string): Promise<ScopedContext> {
    const region = await this.requireRegion(scope, regionCode);
    return { context: await this.build(scope, period), region };
  }

  /** The region in scope, or the 404 a missing and an out-of-scope region both answer. */
  async requireRegion(scope: DataScope, regionCode: string): Promise<Region> {
    const region = await this.registry.findRegion(scope, regionCode);
    if (!region) throw regionNotFound(regionCode);
    return region;
  }

  /** The context for the years a period needs; built once per data version and scope. */
  async build(scope: DataScope, period: string): Promise<AssessmentContext> {
    const window = figureWindow(period);
    return this.cache.get(scope, `context|${window.fromYear}-${window.toYear}`, () =>
      this.load(scope, period),
    );
  }

  private async load(scope: DataScope, period: string): Promise<AssessmentContext> {
    const [registry, targets, datasets] = await Promise.all([
      this.registry.registryFor(scope),
      this.targets.visibleTargets(scope),
      this.figures.committedDatasets(scope, figureWindow(period)),
    ]);
    return createAssessmentContext({ registry, targets, datasets, catalogue: this.catalogue });
  }
}

/**
 * Runs an engine call and turns its errors into answers: a region that did not exist on the
 * "as of" day is not found; an unknown indicator or version, or a bad period, is a bad request.
 */
export function runEngine<T>(call: () => T): T {
  try {
    return call();
  } catch (error) {
    if (error instanceof AssessmentError) throw new NotFoundException(error.message);
    if (error instanceof CatalogueError || error instanceof PeriodError) {
      throw new BadRequestException(error.message);
    }
    if (error instanceof RangeError && /as of/.test(error.message)) {
      throw new BadRequestException(error.message);
    }
    throw error;
  }
}
