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
    const { context } = await this.contexts.forRegion(scope, regionCode, period);
    return this.cache.get(scope, `assess|${regionCode}|${period}|${asOf ?? ''}`, async () =>
      runEngine(() => assess(context, { regionCode, period, ...(asOf ? { asOf } : {}) })),
    );
  }
}
