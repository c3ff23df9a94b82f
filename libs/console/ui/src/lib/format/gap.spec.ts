import type { AssessmentRow } from '@efficacy/api-contract';
import { gapPhrases, type IndicatorRef } from './gap';

const RATE: IndicatorRef = {
  nameZh: '线下参评率',
  nameEn: 'offline evaluation rate',
  unit: 'percent',
  polarity: 'higher-is-better',
};

function row(value: number, target: AssessmentRow['target']): AssessmentRow {
  return {
    subject: { kind: 'unit', id: '640106:cl' },
    nameZh: '金凤区残疾人联合会',
    nameEn: '',
    kind: 'department',
    value: { status: 'number', value, display: value.toFixed(2), source: 'derived' },
    ...(target ? { target } : {}),
    change: {},
  };
}

describe('gap phrases', () => {
  it('says how far below the target a rate is and what it takes to close the gap', () => {
    const phrases = gapPhrases(
      RATE,
      row(97.2, {
        targetId: 't',
        comparator: '>=',
        value: 98.5,
        setOn: '640100',
        inherited: true,
        status: 'missed',
        gap: 1.3,
        lever: { measures: ['cases.offline.evaluated'], direction: 'increase', amount: 16 },
      }),
      'zh-CN',
    );
    expect(phrases).toEqual([
      {
        key: 'gap.belowPoints',
        params: { indicator: '线下参评率', value: '97.20%', target: '98.5%', gap: '1.30' },
      },
      { key: 'gap.lever.evaluate', params: { amount: 16 } },
    ]);
  });

  it('has nothing to say about a row that meets its target or has none', () => {
    const met = row(98.87, {
      targetId: 't',
      comparator: '>=',
      value: 98.5,
      setOn: '640100',
      inherited: true,
      status: 'met',
      gap: 0,
    });
    expect(gapPhrases(RATE, met, 'zh-CN')).toBeNull();
    expect(gapPhrases(RATE, row(50, undefined), 'zh-CN')).toBeNull();
  });

  it('speaks of "above" for a lower-is-better rate over its ceiling', () => {
    const phrases = gapPhrases(
      { ...RATE, nameZh: '超期率', polarity: 'lower-is-better' },
      row(5.86, {
        targetId: 't',
        comparator: '<=',
        value: 1,
        setOn: '640100',
        inherited: false,
        status: 'missed',
        gap: 4.86,
      }),
      'zh-CN',
    );
    expect(phrases?.[0].key).toBe('gap.abovePoints');
    expect(phrases?.[0].params['gap']).toBe('4.86');
  });
});
