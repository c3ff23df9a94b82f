import { BadRequestException, Injectable } from '@nestjs/common';
import type { DataScope } from '@efficacy/api/core';
import { explain, type Explanation } from '@efficacy/assessment-engine';
import { regionSubject, unitSubject, type Subject } from '@efficacy/indicator-model';
import {
  AssessmentContextService,
  runEngine,
} from '../assessment-context/assessment-context.service';
import { regionNotFound, unitNotFound } from '../http/not-found';
import type { ExplainValueDto } from './dto/explain-value.dto';

@Injectable()
export class ExplanationsService {
  constructor(private readonly contexts: AssessmentContextService) {}

  async explain(scope: DataScope, query: ExplainValueDto): Promise<Explanation> {
    if ((query.region === undefined) === (query.unit === undefined)) {
      throw new BadRequestException('name exactly one of region or unit');
    }
    const context = await this.contexts.build(scope, query.period);
    let subject: Subject;
    if (query.unit !== undefined) {
      // The context's registry holds only units in scope: another scope's unit is not found.
      if (!context.registry.units.some((u) => u.id === query.unit)) throw unitNotFound(query.unit);
      subject = unitSubject(query.unit);
    } else {
      const code = query.region as string;
      // The registry also holds the regions above the scope (for inherited targets): check
      // the scope itself, not the registry.
      if (
        !scope.regionCodes.includes(code) ||
        !context.registry.regions.some((r) => r.code === code)
      ) {
        throw regionNotFound(code);
      }
      subject = regionSubject(code);
    }
    return runEngine(() =>
      explain(context, {
        indicator: query.indicator,
        subject,
        period: query.period,
        ...(query.asOf ? { asOf: query.asOf } : {}),
        ...(query.version !== undefined ? { version: query.version } : {}),
      }),
    );
  }
}
