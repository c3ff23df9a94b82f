import { Injectable } from '@nestjs/common';
import { ScopeService, type DataScope, type Principal } from '@efficacy/api/core';
import { assess, type Assessment } from '@efficacy/assessment-engine';
import { AssessmentCache, type JsonBody } from '../assessment-cache/assessment-cache';
import {
  AssessmentContextService,
  runEngine,
} from '../assessment-context/assessment-context.service';

@Injectable()
export class AssessmentsService {
  constructor(
    private readonly contexts: AssessmentContextService,
    private readonly cache: AssessmentCache,
    private readonly scopes: ScopeService,
  ) {}

  /**
   * The assessment as the JSON the endpoint sends, for the caller's scope: the answer most
   * often asked for (everyone opening the same overview), so scope, result and serialisation
   * all come from the cache of the current data version.
   */
  async assessJson(
    principal: Principal,
    regionCode: string,
    period: string,
    asOf?: string,
  ): Promise<JsonBody> {
    const { version, scope } = await this.cache.scopeAt(principal, () =>
      this.scopes.resolve(principal),
    );
    const assessment = await this.cache.get(
      scope,
      assessKey(regionCode, period, asOf),
      () => this.compute(scope, regionCode, period, asOf),
      version,
    );
    return this.cache.toJson(assessment);
  }

  async assess(
    scope: DataScope,
    regionCode: string,
    period: string,
    asOf?: string,
  ): Promise<Assessment> {
    // A cached answer was found in this scope at this data version: it needs no region lookup,
    // context or engine. A region out of scope fails inside and is never cached.
    return this.cache.get(scope, assessKey(regionCode, period, asOf), () =>
      this.compute(scope, regionCode, period, asOf),
    );
  }

  private async compute(
    scope: DataScope,
    regionCode: string,
    period: string,
    asOf?: string,
  ): Promise<Assessment> {
    const { context } = await this.contexts.forRegion(scope, regionCode, period);
    return runEngine(() => assess(context, { regionCode, period, ...(asOf ? { asOf } : {}) }));
  }
}

function assessKey(regionCode: string, period: string, asOf?: string): string {
  return `assess|${regionCode}|${period}|${asOf ?? ''}`;
}
