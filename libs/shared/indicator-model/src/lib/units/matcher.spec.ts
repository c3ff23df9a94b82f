import { DEMO_DATASETS, DEMO_REGISTRY } from '../demo';
import { hierarchyAsOf } from '../regions/hierarchy';
import { canonicalUnitKey, cleanUnitName, collapseRepeatedEnding } from './names';
import { createUnitMatcher, type UnitMatch } from './matcher';

const hierarchy = hierarchyAsOf(DEMO_REGISTRY, '2023-06-30');
const matcher = createUnitMatcher(hierarchy);

function unitOf(match: UnitMatch): string | undefined {
  return 'unit' in match ? match.unit.id : undefined;
}

describe('resolving printed unit names', () => {
  it('resolves the three spellings of Yindu’s disabled persons’ federation to one unit, saying how', () => {
    const results = ['殷都区残联', '残联', '殷都区残疾人联合会', '残疾人联合会'].map((name) =>
      matcher.match(name, { regionCode: '410505' }),
    );
    expect(results.map(unitOf)).toEqual(['410505:cl', '410505:cl', '410505:cl', '410505:cl']);
    expect(results.map((r) => r.kind)).toEqual(['exact', 'alias', 'alias', 'alias']);
  });

  it('matches spellings no alias lists by their normalised form', () => {
    const cases: Array<[string, string]> = [
      ['殷都区退役军人局', '410505:tyjrj'],
      ['区退役军人事务局', '410505:tyjrj'],
      ['殷都区公安局', '410505:gaj'],
      ['区生态环境分局', '410505:sthjj'],
      ['殷都区应急局', '410505:yjglj'],
      ['安阳市殷都区人力资源和社会保障局', '410505:rsj'],
    ];
    for (const [name, id] of cases) {
      const match = matcher.match(name, { regionCode: '410505' });
      expect({ name, kind: match.kind, unit: unitOf(match) }).toEqual({
        name,
        kind: 'normalised',
        unit: id,
      });
    }
  });

  it('repairs the garbled 格里坪镇便民服务中心心心心', () => {
    const match = matcher.match('格里坪镇便民服务中心心心心', { regionCode: '510403' });
    expect(match).toMatchObject({ kind: 'normalised', unit: { id: '510403:geliping-bmfwzx' } });
    expect(collapseRepeatedEnding('格里坪镇便民服务中心心心心')).toBe('格里坪镇便民服务中心');
    // Doubled characters that do not end like an institution are left alone.
    expect(collapseRepeatedEnding('星星')).toBe('星星');
  });

  it('reduces bureau, branch and prefixed names to one key', () => {
    const yindu = { regionNames: ['殷都区', '殷都', '安阳市', '安阳', '河南省', '河南'] };
    expect(canonicalUnitKey('生态环境局殷都分局', yindu)).toBe('生态环境局');
    expect(canonicalUnitKey('生态环境分局', yindu)).toBe('生态环境局');
    expect(canonicalUnitKey('区公安局', yindu)).toBe('公安局');
    expect(canonicalUnitKey('公安分局', yindu)).toBe('公安局');
    expect(canonicalUnitKey('区委宣传部', yindu)).toBe('区委宣传部');
    expect(cleanUnitName(' 市场监管 殷都大队 ')).toBe('市场监管殷都大队');
  });

  it('suggests candidates with a score for a name it cannot be sure of, and says none for a stranger', () => {
    const suggestion = matcher.match('殷都区文广旅局', { regionCode: '410505' });
    expect(suggestion.kind).toBe('suggested');
    if (suggestion.kind === 'suggested') {
      expect(suggestion.candidates[0].unit.id).toBe('410505:wgtlj');
      expect(suggestion.candidates[0].score).toBeGreaterThanOrEqual(0.5);
      expect(suggestion.candidates[0].score).toBeLessThan(1);
    }
    expect(matcher.match('中国航天科技集团', { regionCode: '410505' }).kind).toBe('none');
  });

  it('keeps same-named departments of different counties apart by region', () => {
    expect(unitOf(matcher.match('残联', { regionCode: '640106' }))).toBe('640106:cl');
    expect(unitOf(matcher.match('区残联', { regionCode: '510403' }))).toBe('510403:cl');
    const unscoped = matcher.match('残联');
    expect(unscoped.kind).toBe('suggested');
  });

  it('resolves every unit name printed in the seed tables to the unit the fixtures record it under', () => {
    const scope: Record<string, string> = {
      'seed-jinfeng-2022-01..08': '640106',
      'seed-yindu-2023-06': '410505',
      'seed-xiqu-2022-09': '510403',
    };
    const pairs = new Map<string, { name: string; region: string; expected: string }>();
    for (const dataset of DEMO_DATASETS) {
      for (const record of [...dataset.observations, ...dataset.reported]) {
        const label = record.provenance?.rowLabel;
        if (record.subject.kind !== 'unit' || label === undefined) continue;
        const region = scope[dataset.importId];
        pairs.set(`${region}|${label}`, { name: label, region, expected: record.subject.id });
      }
    }
    expect(pairs.size).toBeGreaterThan(150);
    const wrong = [...pairs.values()]
      .map(({ name, region, expected }) => ({
        name,
        expected,
        match: matcher.match(name, { regionCode: region }),
      }))
      .filter(
        ({ match, expected }) =>
          unitOf(match) !== expected || !['exact', 'alias', 'normalised'].includes(match.kind),
      )
      .map(
        ({ name, expected, match }) =>
          `${name} → ${unitOf(match) ?? match.kind} (expected ${expected})`,
      );
    expect(wrong).toEqual([]);
  });
});
