import { validateManifest } from '@efficacy/plugin-sdk';
import type { AdapterManifest, DetectResult, ProvinceAdapter } from '@efficacy/plugin-sdk';

import { ADAPTERS } from './adapters.generated';
import { createAdapterRegistry, UnknownAdapterError } from './registry';

describe('the generated adapter list', () => {
  it('has unique adapter ids', () => {
    const ids = ADAPTERS.map((adapter) => adapter.manifest.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has one adapter per province code', () => {
    const codes = ADAPTERS.map((adapter) => adapter.manifest.province.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('lists adapters in id order, as the generator writes them', () => {
    const ids = ADAPTERS.map((adapter) => adapter.manifest.id);
    expect(ids).toEqual([...ids].sort());
  });

  for (const adapter of ADAPTERS) {
    it(`${adapter.manifest.id}: has a valid manifest`, () => {
      expect(validateManifest(adapter.manifest)).toEqual([]);
    });
  }
});

function fakeAdapter(id: string, code: string, detect: ProvinceAdapter['detect']): ProvinceAdapter {
  const manifest: AdapterManifest = {
    id,
    province: { code, name: { zh: id, en: id } },
    version: '1.0.0',
    fileTypes: ['csv'],
    reportKinds: [
      {
        id: 'kind',
        name: { zh: '表', en: 'table' },
        coverage: [{ from: '2022' }],
        fileTypes: ['csv'],
      },
    ],
  };
  return {
    manifest,
    detect,
    parse: () => Promise.reject(new Error('not used by these tests')),
  };
}

const answer =
  (result: DetectResult): ProvinceAdapter['detect'] =>
  () =>
    Promise.resolve(result);

describe('createAdapterRegistry', () => {
  const file = { name: 'a.csv', bytes: new Uint8Array([0x61, 0x2c, 0x62]) };

  it('ranks candidates by confidence, ties in registry order', async () => {
    const registry = createAdapterRegistry([
      fakeAdapter('low', '110000', answer({ confidence: 0.2, reportKind: 'kind', reason: 'some' })),
      fakeAdapter('tie-a', '120000', answer({ confidence: 0.8, reportKind: 'kind', reason: 'a' })),
      fakeAdapter('none', '130000', answer({ confidence: 0, reason: 'no header' })),
      fakeAdapter('tie-b', '140000', answer({ confidence: 0.8, reportKind: 'kind', reason: 'b' })),
    ]);
    const ranked = await registry.detect(file);
    expect(ranked.map((c) => [c.id, c.confidence])).toEqual([
      ['tie-a', 0.8],
      ['tie-b', 0.8],
      ['low', 0.2],
      ['none', 0],
    ]);
    expect(ranked[0]).toMatchObject({ reportKind: 'kind', reason: 'a' });
    expect(ranked[3]).not.toHaveProperty('reportKind');
  });

  it('keeps detecting when one adapter throws, and says why that one scored 0', async () => {
    const registry = createAdapterRegistry([
      fakeAdapter('broken', '110000', () => Promise.reject(new TypeError('bug in detect'))),
      fakeAdapter('fine', '120000', answer({ confidence: 0.9, reportKind: 'kind', reason: 'ok' })),
    ]);
    const ranked = await registry.detect(file);
    expect(ranked.map((c) => c.id)).toEqual(['fine', 'broken']);
    expect(ranked[1]).toMatchObject({ confidence: 0, reason: 'detect failed: bug in detect' });
  });

  it('gives every adapter its own copy of the bytes', async () => {
    const seen: number[] = [];
    const registry = createAdapterRegistry([
      fakeAdapter('mutates', '110000', (f) => {
        f.bytes[0] = 0;
        return Promise.resolve({ confidence: 0, reason: '' });
      }),
      fakeAdapter('reads', '120000', (f) => {
        seen.push(f.bytes[0] as number);
        return Promise.resolve({ confidence: 0, reason: '' });
      }),
    ]);
    await registry.detect(file);
    expect(seen).toEqual([0x61]);
    expect(file.bytes[0]).toBe(0x61);
  });

  it('clamps confidences outside 0..1', async () => {
    const registry = createAdapterRegistry([
      fakeAdapter('over', '110000', answer({ confidence: 3, reportKind: 'kind', reason: '' })),
      fakeAdapter('nan', '120000', answer({ confidence: Number.NaN, reason: '' })),
    ]);
    expect((await registry.detect(file)).map((c) => c.confidence)).toEqual([1, 0]);
  });

  it('finds adapters by id and names the known ids for an unknown one', () => {
    const registry = createAdapterRegistry([
      fakeAdapter('alpha', '110000', answer({ confidence: 0, reason: '' })),
      fakeAdapter('beta', '120000', answer({ confidence: 0, reason: '' })),
    ]);
    expect(registry.find('beta')?.manifest.id).toBe('beta');
    expect(registry.find('gamma')).toBeUndefined();
    expect(() => registry.require('gamma')).toThrow(UnknownAdapterError);
    expect(() => registry.require('gamma')).toThrow(
      'no adapter "gamma" is registered (known: alpha, beta)',
    );
  });

  it('refuses two adapters with one id', () => {
    const detect = answer({ confidence: 0, reason: '' });
    expect(() =>
      createAdapterRegistry([
        fakeAdapter('same', '110000', detect),
        fakeAdapter('same', '120000', detect),
      ]),
    ).toThrow('two registered adapters have the id "same"');
  });
});
