import { GANSU_PLAN_INDICATORS, INDICATOR_CATALOGUE } from '@efficacy/indicator-model';
import type { Term } from '@efficacy/indicator-model';

import { findGansuIndicator, GANSU_INDICATORS } from './indicators';

const AS_OF = '2022-10-25';

/** The one unweighted measure of a formula side, which a single 分子/分母 column can hold. */
function single(terms: readonly Term[]): string | undefined {
  return terms.length === 1 && terms[0]?.weight === undefined ? terms[0]?.measure : undefined;
}

describe('Gansu indicator mappings', () => {
  it('cover the model’s 26 plan indicators, in order, with the same codes', () => {
    expect(GANSU_INDICATORS.map((m) => [m.seq, m.indicator])).toEqual(
      GANSU_PLAN_INDICATORS.map((t) => [t.seq, t.indicator]),
    );
  });

  it('find each plan heading as printed and as the model names it', () => {
    for (const plan of GANSU_PLAN_INDICATORS) {
      // The model writes full-width brackets, the plan half-width: both must match.
      expect({ title: plan.titleZh, code: findGansuIndicator(plan.titleZh)?.indicator }).toEqual({
        title: plan.titleZh,
        code: plan.indicator,
      });
    }
    expect(findGansuIndicator('数据编目覆盖事项比例(行政权力)')?.indicator).toBe(
      'catalogue_coverage.power_items',
    );
    expect(findGansuIndicator('数据编目覆盖事项比例(公共服务)')?.indicator).toBe(
      'catalogue_coverage.public_service_items',
    );
  });

  it('map counts to exactly the measures the model’s formula uses', () => {
    for (const mapping of GANSU_INDICATORS) {
      const definition = INDICATOR_CATALOGUE.get(mapping.indicator, AS_OF);
      const { formula } = definition;
      const expected = {
        measure:
          formula.kind === 'sum' && formula.terms.length === 1
            ? formula.terms[0]?.measure
            : undefined,
        numerator: formula.kind === 'ratio' ? single(formula.numerator) : undefined,
        denominator: formula.kind === 'ratio' ? single(formula.denominator) : undefined,
        value: definition.unit === 'ratio' ? 'number' : definition.unit,
      };
      expect({ code: mapping.indicator, ...expected }).toEqual({
        code: mapping.indicator,
        measure: mapping.measure,
        numerator: mapping.numerator,
        denominator: mapping.denominator,
        value: mapping.value,
      });
    }
  });

  it('explain every 分子 or 分母 they cannot map', () => {
    for (const mapping of GANSU_INDICATORS) {
      if (mapping.measure) continue;
      if (!mapping.numerator) expect(mapping.unmapped?.numerator).toBeTruthy();
      if (!mapping.denominator) expect(mapping.unmapped?.denominator).toBeTruthy();
    }
  });
});
