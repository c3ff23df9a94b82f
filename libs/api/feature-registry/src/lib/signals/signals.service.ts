import { Injectable } from '@nestjs/common';
import type { DataScope } from '@efficacy/api/core';
import { detectSignals, validate } from '@efficacy/assessment-engine';
import { formatPeriod, parsePeriod, periodEndDate } from '@efficacy/indicator-model';
import {
  AssessmentContextService,
  runEngine,
} from '../assessment-context/assessment-context.service';
import type { SignalReport } from './signals.types';

@Injectable()
export class SignalsService {
  constructor(private readonly contexts: AssessmentContextService) {}

  async detect(
    scope: DataScope,
    query: { region: string; period: string; asOf?: string },
  ): Promise<SignalReport> {
    const { context, region } = await this.contexts.forRegion(scope, query.region, query.period);
    const period = formatPeriod(parsePeriod(query.period));
    const asOf = query.asOf ?? periodEndDate(period);
    return runEngine(() => ({
      regionCode: region.code,
      regionNameZh: region.nameZh,
      period,
      asOf,
      signals: detectSignals(context, { regionCode: region.code, period, asOf }),
      discrepancies: validate(context, { regionCode: region.code, period, asOf }),
    }));
  }
}
