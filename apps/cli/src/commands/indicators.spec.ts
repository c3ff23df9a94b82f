import { INDICATOR_CATALOGUE, describeFormula, isDerivable } from '@efficacy/indicator-model';
import { formatIndicators, type IndicatorListEntry } from './indicators';

// The shipped catalogue in the shape GET /api/indicators returns it.
const entries: IndicatorListEntry[] = INDICATOR_CATALOGUE.codes().map((code) => {
  const versions = INDICATOR_CATALOGUE.versionsOf(code);
  const d = versions[versions.length - 1];
  return {
    code,
    version: d.version,
    versions: versions.map((v) => v.version),
    nameZh: d.nameZh,
    nameEn: d.nameEn,
    family: d.family,
    unit: d.unit,
    polarity: d.polarity,
    formulaKind: d.formula.kind,
    derivable: isDerivable(d),
    formulaZh: describeFormula(d.formula, 'zh'),
    formulaEn: describeFormula(d.formula, 'en'),
  };
});

describe('indicators listing', () => {
  it('prints one row per indicator with its name, unit, direction and formula', () => {
    const lines = formatIndicators(entries);
    expect(lines).toHaveLength(entries.length + 3);
    const coverage = lines.find((l) => l.includes('item_coverage'));
    expect(coverage).toMatch(/item_coverage\s+事项覆盖率\s+v1\s+%\s+↑\s+.*÷/);
    expect(lines.find((l) => l.includes(' overdue_rate'))).toMatch(/↓/);
    expect(lines.at(-1)).toMatch(new RegExp(`${entries.length} indicators`));
  });
});
