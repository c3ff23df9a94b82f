import { EN } from './en';
import { ZH_CN } from './zh-cn';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('translations', () => {
  it('has an English text for every Chinese key and no extra ones', () => {
    expect(keys(EN).sort()).toEqual(keys(ZH_CN).sort());
  });

  it('has no empty text', () => {
    for (const dict of [EN, ZH_CN]) {
      const empty = keys(dict).filter(
        (k) =>
          k.split('.').reduce<unknown>((o, part) => (o as Record<string, unknown>)[part], dict) ===
          '',
      );
      expect(empty).toEqual([]);
    }
  });

  it('keeps the interpolation placeholders the same in both languages', () => {
    expect(EN.home.welcome).toContain('{{name}}');
    expect(ZH_CN.home.welcome).toContain('{{name}}');
  });
});
