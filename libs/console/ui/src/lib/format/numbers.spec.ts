import type { ValueSummary } from '@efficacy/api-contract';
import { deltaText, targetText, valueText, wan } from './numbers';

const number = (value: number, display: string): ValueSummary => ({
  status: 'number',
  value,
  display,
  source: 'derived',
});

describe('number formats', () => {
  it('prints rates with two decimals and a percent sign, as the bulletins do', () => {
    expect(valueText(number(98.95, '98.95'), 'percent')).toBe('98.95%');
    expect(valueText(number(100, '100.00'), 'percent')).toBe('100.00%');
  });

  it('keeps "/" (not connected) and "-" (not applicable) apart from a missing figure', () => {
    expect(
      valueText({ status: 'not_connected', display: '/', source: 'reported' }, 'percent'),
    ).toBe('/');
    expect(
      valueText({ status: 'not_applicable', display: '-', source: 'derived' }, 'percent'),
    ).toBe('-');
    expect(valueText({ status: 'missing', display: '', source: 'none' }, 'percent')).toBe('—');
    expect(valueText(number(0, '0.00'), 'percent')).toBe('0.00%');
  });

  it('writes large counts in 万', () => {
    expect(wan(47903)).toBe('4.79万');
    expect(wan(252000)).toBe('25.2万');
    expect(wan(9999)).toBe('9,999');
    expect(valueText(number(630000, '630000'), 'count')).toBe('63万');
  });

  it('prints targets as set (98.5%, not 98.50%) with their comparator', () => {
    expect(targetText('>=', 98.5, 'percent')).toBe('≥ 98.5%');
    expect(targetText('<=', 0.03, 'ratio')).toBe('≤ 0.03');
  });

  it('signs changes in percentage points', () => {
    expect(deltaText({ period: '2022-07', status: 'number', delta: 1.3 }, 'percent')).toBe('+1.30');
    expect(deltaText({ period: '2022-07', status: 'number', delta: -0.05 }, 'percent')).toBe(
      '-0.05',
    );
    expect(deltaText(undefined, 'percent')).toBe('');
  });
});
