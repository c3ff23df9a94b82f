import { Injectable } from '@nestjs/common';
import type { DataScope } from '@efficacy/api/core';
import { assess, type Assessment } from '@efficacy/assessment-engine';
import {
  AssessmentContextService,
  runEngine,
} from '../assessment-context/assessment-context.service';

@Injectable()
export class AssessmentsService {
  constructor(private readonly contexts: AssessmentContextService) {}

  async assess(
    scope: DataScope,
    regionCode: string,
    period: string,
    asOf?: string,
  ): Promise<Assessment> {
    const { context } = await this.contexts.forRegion(scope, regionCode, period);
    return runEngine(() => assess(context, { regionCode, period, ...(asOf ? { asOf } : {}) }));
  }
}
