import { Injectable } from '@nestjs/common';
import type { DataScope } from '@efficacy/api/core';
import { assess, type Assessment } from '@efficacy/assessment-engine';
import { AssessmentCache } from '../assessment-cache/assessment-cache';
import {
  AssessmentContextService,
  runEngine,
} from '../assessment-context/assessment-context.service';

@Injectable()
export class AssessmentsService {
  constructor(
    private readonly contexts: AssessmentContextService,
    private readonly cache: AssessmentCache,
  ) {}

  async assess(
    scope: DataScope,
    regionCode: string,
    period: string,
    asOf?: string,
  ): Promise<Assessment> {
    // A cached answer was found in this scope at this data version: it needs no region lookup,
    // context or engine. A region out of scope fails inside and is never cached.
    return this.cache.get(scope, `assess|${regionCode}|${period}|${asOf ?? ''}`, async () => {
      const { context } = await this.contexts.forRegion(scope, regionCode, period);
      return runEngine(() => assess(context, { regionCode, period, ...(asOf ? { asOf } : {}) }));
    });
  }
}
