import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { readProjectConfiguration, readJson } from '@nx/devkit';
import type { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import type { ProvinceAdapter } from '@efficacy/plugin-sdk';
import { runConformance } from '@efficacy/plugin-sdk/testing';

import { provinceGenerator } from './generator';
import { REGISTRY_FILE } from './registry';
import { SAMPLE_BAD_FILE, SAMPLE_FILE, sampleCsv, sha256Hex } from './sample-fixture';
import type { ProvinceGeneratorSchema } from './schema';

function workspace(): Tree {
  // No formatter: the specs assert what the generator writes, not what a formatter makes of it.
  const tree = createTreeWithEmptyWorkspace({ formatter: 'none' });
  tree.write(
    'libs/adapter-registry/project.json',
    JSON.stringify({ name: 'adapter-registry', tags: ['scope:adapter', 'type:registry'] }),
  );
  tree.write(
    'tsconfig.base.json',
    JSON.stringify({
      compilerOptions: {
        paths: {
          '@efficacy/plugin-sdk': ['./libs/plugin-sdk/src/index.ts'],
          '@efficacy/adapter-registry': ['./libs/adapter-registry/src/index.ts'],
        },
      },
    }),
  );
  return tree;
}

/** Every file path under a folder, relative to it. */
function filesUnder(tree: Tree, dir: string): string[] {
  const out: string[] = [];
  const walk = (path: string) => {
    for (const child of tree.children(path)) {
      const full = `${path}/${child}`;
      if (tree.isFile(full)) out.push(full.slice(dir.length + 1));
      else walk(full);
    }
  };
  walk(dir);
  return out.sort();
}

/** Runs the generator and returns the error message it refused with, or undefined. */
async function refusal(tree: Tree, options: ProvinceGeneratorSchema): Promise<string | undefined> {
  try {
    await provinceGenerator(tree, options);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

describe('province generator', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = workspace();
  });

  it('creates plugins/<name> with the plugin folder layout', async () => {
    await provinceGenerator(tree, { name: 'shaanxi', code: '610000' });
    expect(filesUnder(tree, 'plugins/shaanxi')).toEqual([
      'README.md',
      'eslint.config.mjs',
      'jest.config.cts',
      'project.json',
      'src/index.ts',
      'src/mappings/sample-cases.ts',
      'src/shaanxi.adapter.spec.ts',
      'src/shaanxi.adapter.ts',
      'test-fixtures/not-ok/.gitattributes',
      `test-fixtures/not-ok/${SAMPLE_BAD_FILE}`,
      `test-fixtures/not-ok/${SAMPLE_BAD_FILE}.expected-error.json`,
      'test-fixtures/ok/.gitattributes',
      `test-fixtures/ok/${SAMPLE_FILE}`,
      `test-fixtures/ok/${SAMPLE_FILE}.expected.json`,
      'tsconfig.json',
      'tsconfig.lib.json',
      'tsconfig.spec.json',
    ]);
  });

  it('tags the project as an adapter plugin', async () => {
    await provinceGenerator(tree, { name: 'shaanxi', code: '610000' });
    const project = readProjectConfiguration(tree, 'plugin-shaanxi');
    expect(project.root).toBe('plugins/shaanxi');
    expect(project.sourceRoot).toBe('plugins/shaanxi/src');
    expect(project.tags).toEqual(['scope:adapter', 'type:plugin']);
  });

  it('adds the path alias, keeping the paths sorted', async () => {
    await provinceGenerator(tree, { name: 'shaanxi', code: '610000' });
    const paths = readJson(tree, 'tsconfig.base.json').compilerOptions.paths as Record<
      string,
      string[]
    >;
    expect(paths['@efficacy/plugin-shaanxi']).toEqual(['./plugins/shaanxi/src/index.ts']);
    expect(Object.keys(paths)).toEqual([
      '@efficacy/adapter-registry',
      '@efficacy/plugin-sdk',
      '@efficacy/plugin-shaanxi',
    ]);
  });

  it('registers the plugin in the generated registry, beside the plugins already there', async () => {
    await provinceGenerator(tree, { name: 'shaanxi', code: '610000' });
    await provinceGenerator(tree, { name: 'gansu', code: '620000' });
    const registry = tree.read(REGISTRY_FILE, 'utf-8') ?? '';
    expect(registry).toContain('do not edit by hand');
    expect(registry).toContain("import { gansuAdapter } from '@efficacy/plugin-gansu';");
    expect(registry).toContain("import { shaanxiAdapter } from '@efficacy/plugin-shaanxi';");
    expect(registry).toContain(
      'export const ADAPTERS: readonly ProvinceAdapter[] = [gansuAdapter, shaanxiAdapter];',
    );
  });

  it('writes an adapter whose manifest names the province and exports the registry name', async () => {
    await provinceGenerator(tree, { name: 'shaanxi', code: '610000' });
    const adapter = tree.read('plugins/shaanxi/src/shaanxi.adapter.ts', 'utf-8') ?? '';
    expect(adapter).toContain("id: 'shaanxi'");
    expect(adapter).toContain(
      "province: { code: '610000', name: { zh: '陕西省', en: 'Shaanxi' } }",
    );
    expect(adapter).toContain('export const shaanxiAdapter: ProvinceAdapter');
    expect(tree.read('plugins/shaanxi/src/index.ts', 'utf-8')).toContain(
      "export { shaanxiAdapter, shaanxiManifest } from './shaanxi.adapter';",
    );
    const spec = tree.read('plugins/shaanxi/src/shaanxi.adapter.spec.ts', 'utf-8') ?? '';
    expect(spec).toContain('describeConformance(shaanxiAdapter, fixtures);');
    const jest = tree.read('plugins/shaanxi/jest.config.cts', 'utf-8') ?? '';
    expect(jest).toContain("preset: '../../tools/jest/jest.preset.js'");
    expect(tree.exists('jest.preset.js')).toBe(false);
    expect(tree.exists('jest.config.ts')).toBe(false);
    expect(tree.read('plugins/shaanxi/README.md', 'utf-8')).toContain(
      '# plugin-shaanxi: 陕西省 (Shaanxi, 610000)',
    );
  });

  it('writes a sample fixture and its expected batch for this province', async () => {
    await provinceGenerator(tree, { name: 'shaanxi', code: '610000' });
    const bytes = tree.read(`plugins/shaanxi/test-fixtures/ok/${SAMPLE_FILE}`) as Buffer;
    expect(Buffer.compare(bytes, sampleCsv())).toBe(0);
    const expected = readJson(
      tree,
      `plugins/shaanxi/test-fixtures/ok/${SAMPLE_FILE}.expected.json`,
    );
    expect(expected.adapter).toEqual({ id: 'shaanxi', version: '0.1.0' });
    expect(expected.regionCode).toBe('610000');
    expect(expected.source).toEqual({
      fileName: SAMPLE_FILE,
      sha256: sha256Hex(bytes),
      byteLength: bytes.byteLength,
    });
    expect(expected.period).toBe('2024-01..2024-06');
    expect(expected.totals[0].label).toBe('合计');
    const error = readJson(
      tree,
      `plugins/shaanxi/test-fixtures/not-ok/${SAMPLE_BAD_FILE}.expected-error.json`,
    );
    expect(error).toEqual({
      code: 'BAD_NUMBER',
      messageIncludes: [SAMPLE_BAD_FILE, 'sheet "sample-cases-bad-number"', 'row 3', 'column F'],
    });
  });

  it('accepts the code as the number the command line hands over', async () => {
    await provinceGenerator(tree, { name: 'shaanxi', code: 610000 as unknown as string });
    expect(tree.exists('plugins/shaanxi/src/shaanxi.adapter.ts')).toBe(true);
  });

  it('keeps seed fixtures transcribed into the folder before the plugin existed', async () => {
    tree.write('plugins/ningxia/test-fixtures/ok/jinfeng.xlsx', Buffer.from([1, 2, 3]));
    tree.write('plugins/ningxia/test-fixtures/ok/.gitattributes', '*.xlsx binary\n');
    await provinceGenerator(tree, { name: 'ningxia', code: '640000' });
    expect([...(tree.read('plugins/ningxia/test-fixtures/ok/jinfeng.xlsx') as Buffer)]).toEqual([
      1, 2, 3,
    ]);
    expect(tree.read('plugins/ningxia/test-fixtures/ok/.gitattributes', 'utf-8')).toBe(
      '*.xlsx binary\n',
    );
    expect(tree.exists('plugins/ningxia/src/ningxia.adapter.ts')).toBe(true);
  });

  it('writes a plugin that passes the conformance harness as generated', async () => {
    await provinceGenerator(tree, { name: 'shaanxi', code: '610000' });
    // The generated sources run as written: the sample's golden file was computed by the
    // template author, and a change in the SDK's batch shape must fail here, not in the
    // next province someone generates.
    const dir = mkdtempSync(join(tmpdir(), 'province-generator-'));
    try {
      for (const file of filesUnder(tree, 'plugins/shaanxi')) {
        const target = join(dir, file);
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, tree.read(`plugins/shaanxi/${file}`) as Buffer);
      }
      const loaded = (await import(join(dir, 'src', 'shaanxi.adapter'))) as {
        shaanxiAdapter: ProvinceAdapter;
      };
      const report = await runConformance({
        adapter: loaded.shaanxiAdapter,
        fixturesDir: join(dir, 'test-fixtures'),
        ci: true,
      });
      expect(report.cases.filter((c) => c.failures.length > 0)).toEqual([]);
      expect(report.cases.map((c) => c.name)).toEqual([
        'manifest',
        'fixture layout',
        `ok/${SAMPLE_FILE}`,
        `not-ok/${SAMPLE_BAD_FILE}`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('refuses', () => {
    it.each([
      ['Shaanxi', "use the province's pinyin in lower case"],
      ['shaan xi', 'is not a plugin folder name'],
      ['', 'is not a plugin folder name'],
      ['陕西', 'is not a plugin folder name'],
    ])('the name %p', async (name, message) => {
      expect(await refusal(tree, { name, code: '610000' })).toContain(message);
    });

    it.each([
      ['61000', 'is not a GB/T 2260 code: six digits'],
      ['61000a', 'is not a GB/T 2260 code: six digits'],
      ['610100', 'it is below province level; the province is 610000'],
      ['990000', 'no province has this code'],
    ])('the code %p', async (code, message) => {
      expect(await refusal(tree, { name: 'shaanxi', code })).toContain(message);
    });

    it('a name that is not the code’s province', async () => {
      expect(await refusal(tree, { name: 'shanxi', code: '610000' })).toBe(
        '--name shanxi does not match --code 610000: 610000 is 陕西省, whose plugin is named shaanxi; shanxi is 山西省 (140000)',
      );
    });

    it('an existing plugin, and leaves it untouched', async () => {
      await provinceGenerator(tree, { name: 'shaanxi', code: '610000' });
      tree.write('plugins/shaanxi/src/shaanxi.adapter.ts', '// edited by regional IT\n');
      expect(await refusal(tree, { name: 'shaanxi', code: '610000' })).toBe(
        'plugins/shaanxi already exists (project plugin-shaanxi); the generator never overwrites a plugin. Delete the folder first if you really mean to start over.',
      );
      expect(tree.read('plugins/shaanxi/src/shaanxi.adapter.ts', 'utf-8')).toBe(
        '// edited by regional IT\n',
      );
    });

    it('a stale alias for the plugin', async () => {
      const base = readJson(tree, 'tsconfig.base.json');
      base.compilerOptions.paths['@efficacy/plugin-shaanxi'] = ['./elsewhere/index.ts'];
      tree.write('tsconfig.base.json', JSON.stringify(base));
      expect(await refusal(tree, { name: 'shaanxi', code: '610000' })).toContain(
        'tsconfig.base.json already maps @efficacy/plugin-shaanxi',
      );
    });

    it('to generate without the adapter registry', async () => {
      tree.delete('libs/adapter-registry/project.json');
      expect(await refusal(tree, { name: 'shaanxi', code: '610000' })).toContain(
        'The adapter registry (libs/adapter-registry) is missing',
      );
    });

    it('without writing anything', async () => {
      await refusal(tree, { name: 'shanxi', code: '610000' });
      expect(tree.listChanges().map((change) => change.path)).not.toContainEqual(
        expect.stringMatching(/^plugins\//),
      );
    });
  });
});
