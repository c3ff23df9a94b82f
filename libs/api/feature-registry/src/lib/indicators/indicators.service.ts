import { Inject, Injectable } from '@nestjs/common';
import {
  describeFormula,
  formulaMeasures,
  GANSU_PLAN_INDICATORS,
  getMeasure,
  isDerivable,
  type IndicatorCatalogue,
  type IndicatorDefinition,
} from '@efficacy/indicator-model';
import { indicatorNotFound } from '../http/not-found';
import { INDICATOR_CATALOGUE_TOKEN } from '../tokens';
import type { IndicatorDetail, IndicatorSummary, IndicatorVersion } from './indicators.types';

function planTask(code: string): { seq: number; titleZh: string } | undefined {
  const task = GANSU_PLAN_INDICATORS.find((t) => t.indicator === code);
  return task ? { seq: task.seq, titleZh: task.titleZh } : undefined;
}

/** The indicator catalogue as the API shows it; the catalogue itself is the model's. */
@Injectable()
export class IndicatorsService {
  constructor(@Inject(INDICATOR_CATALOGUE_TOKEN) private readonly catalogue: IndicatorCatalogue) {}

  list(asOf?: string): IndicatorSummary[] {
    const definitions =
      asOf !== undefined
        ? this.catalogue.listAsOf(asOf)
        : this.catalogue.codes().map((code) => {
            const versions = this.catalogue.versionsOf(code);
            return versions[versions.length - 1];
          });
    return definitions.map((d) => this.summary(d));
  }

  get(code: string): IndicatorDetail {
    const versions = this.catalogue.versionsOf(code);
    if (versions.length === 0) throw indicatorNotFound(code);
    const newest = versions[versions.length - 1];
    const task = planTask(code);
    return {
      code,
      nameZh: newest.nameZh,
      nameEn: newest.nameEn,
      versions: versions.map((d) => this.version(d)),
      ...(task ? { gansuPlanTask: task } : {}),
    };
  }

  private summary(definition: IndicatorDefinition): IndicatorSummary {
    const task = planTask(definition.code);
    return {
      code: definition.code,
      version: definition.version,
      versions: this.catalogue.versionsOf(definition.code).map((d) => d.version),
      nameZh: definition.nameZh,
      nameEn: definition.nameEn,
      family: definition.family,
      unit: definition.unit,
      polarity: definition.polarity,
      formulaKind: definition.formula.kind,
      derivable: isDerivable(definition),
      formulaZh: describeFormula(definition.formula, 'zh'),
      formulaEn: describeFormula(definition.formula, 'en'),
      rounding: definition.rounding,
      validFrom: definition.validFrom,
      ...(definition.validTo ? { validTo: definition.validTo } : {}),
      ...(task ? { gansuPlanTask: task } : {}),
    };
  }

  private version(definition: IndicatorDefinition): IndicatorVersion {
    return {
      version: definition.version,
      nameZh: definition.nameZh,
      nameEn: definition.nameEn,
      family: definition.family,
      unit: definition.unit,
      polarity: definition.polarity,
      formulaKind: definition.formula.kind,
      derivable: isDerivable(definition),
      formulaZh: describeFormula(definition.formula, 'zh'),
      formulaEn: describeFormula(definition.formula, 'en'),
      measures: formulaMeasures(definition.formula).map((code) => {
        const measure = getMeasure(code);
        return { code, labelZh: measure?.labelZh ?? code, labelEn: measure?.labelEn ?? code };
      }),
      rounding: definition.rounding,
      ...(definition.roundingEvidence ? { roundingEvidence: definition.roundingEvidence } : {}),
      validFrom: definition.validFrom,
      ...(definition.validTo ? { validTo: definition.validTo } : {}),
      policy: definition.policy,
    };
  }
}
