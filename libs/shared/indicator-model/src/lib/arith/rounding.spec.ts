import { div, fromNumber, mul, rational, sub, ONE } from './rational';
import { formatFixed, roundExact, roundNumber, roundToNumber } from './rounding';

const percent = (n: number, d: number) => mul(div(fromNumber(n), fromNumber(d)), fromNumber(100));

describe('rounding printed rates', () => {
  it('rounds half-up the way Yindu prints 106/159 as 66.67', () => {
    expect(roundToNumber(percent(106, 159), { mode: 'half-up', digits: 2 })).toBe(66.67);
  });

  it('truncates the way Xiqu prints 27/28 as 96.42', () => {
    expect(roundToNumber(percent(27, 28), { mode: 'truncate', digits: 2 })).toBe(96.42);
    expect(roundToNumber(percent(27, 28), { mode: 'half-up', digits: 2 })).toBe(96.43);
  });

  it('truncates exact values where doubles go wrong (57/100 is 57.00%, not 56.99%)', () => {
    // In doubles 57 / 100 * 100 is 56.99999999999999, so naive truncation prints 56.99.
    expect(Math.floor((57 / 100) * 100 * 100) / 100).toBe(56.99);
    expect(roundToNumber(percent(57, 100), { mode: 'truncate', digits: 2 })).toBe(57);
    const compression = mul(sub(ONE, div(fromNumber(3), fromNumber(60))), fromNumber(100));
    expect(roundToNumber(compression, { mode: 'half-up', digits: 2 })).toBe(95);
    // A true tie: 0.125 at two digits goes up under half-up, stays under truncation.
    expect(roundToNumber(rational(1n, 8n), { mode: 'half-up', digits: 2 })).toBe(0.13);
    expect(roundToNumber(rational(1n, 8n), { mode: 'truncate', digits: 2 })).toBe(0.12);
  });

  it('rounds negative values away from zero and truncates them toward zero', () => {
    expect(roundNumber(-2.505, { mode: 'half-up', digits: 2 })).toBe(-2.51);
    expect(roundNumber(-2.509, { mode: 'truncate', digits: 2 })).toBe(-2.5);
    expect(roundExact(fromNumber(-0.004), 'half-up', 2).n).toBe(0n);
  });

  it('reads printed decimals exactly, not as the nearest double', () => {
    expect(fromNumber(702.3)).toEqual({ n: 7023n, d: 10n });
    expect(fromNumber(1e-7)).toEqual({ n: 1n, d: 10000000n });
    expect(formatFixed(100, 2)).toBe('100.00');
  });
});
