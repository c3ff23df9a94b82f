import { join } from 'node:path';

import {
  addProjectConfiguration,
  formatFiles,
  generateFiles,
  getProjects,
  logger,
  names,
  updateJson,
} from '@nx/devkit';
import type { GeneratorCallback, Tree } from '@nx/devkit';

import { GBT2260_PROVINCES, provinceByCode, provinceByPinyin } from './provinces';
import type { ProvinceEntry } from './provinces';
import {
  adapterExportName,
  PLUGINS_DIR,
  pluginImportPath,
  pluginProjectName,
  assertRegistryExists,
  syncAdapterRegistry,
} from './registry';
import {
  FIXTURE_GITATTRIBUTES,
  SAMPLE_BAD_FILE,
  SAMPLE_FILE,
  sampleBadCsv,
  sampleBadExpectedError,
  sampleCsv,
  sha256Hex,
} from './sample-fixture';
import type { ProvinceGeneratorSchema } from './schema';

export interface NormalisedProvinceOptions {
  name: string;
  code: string;
  province: ProvinceEntry;
  root: string;
  projectName: string;
  importPath: string;
}

const PINYIN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** Thrown for bad options; Nx prints the message as the command's one-line failure. */
export class ProvinceGeneratorError extends Error {
  override readonly name = 'ProvinceGeneratorError';
}

/**
 * Validates the options before anything is written: a half-generated plugin in the tree
 * would be worse than a refusal.
 */
export function normaliseOptions(
  tree: Tree,
  schema: ProvinceGeneratorSchema,
): NormalisedProvinceOptions {
  // yargs hands `--code 610000` over as a number; the code is an identifier, not a quantity.
  const name = String(schema.name ?? '').trim();
  const code = String(schema.code ?? '').trim();
  if (!PINYIN.test(name)) {
    throw new ProvinceGeneratorError(
      `--name "${name}" is not a plugin folder name: use the province's pinyin in lower case (letters and digits, words joined by "-"), e.g. --name shaanxi`,
    );
  }
  if (!/^\d{6}$/.test(code)) {
    throw new ProvinceGeneratorError(
      `--code "${code}" is not a GB/T 2260 code: six digits, e.g. --code 610000 for 陕西省`,
    );
  }
  const province = provinceByCode(code);
  if (!province) {
    const hint = code.endsWith('0000')
      ? 'no province has this code'
      : `it is below province level; the province is ${code.slice(0, 2)}0000`;
    throw new ProvinceGeneratorError(
      `--code ${code} is not a GB/T 2260 province code (${hint}). Province codes: ${GBT2260_PROVINCES.map((p) => `${p.code} ${p.pinyin}`).join(', ')}`,
    );
  }
  if (province.pinyin !== name) {
    const other = provinceByPinyin(name);
    throw new ProvinceGeneratorError(
      `--name ${name} does not match --code ${code}: ${code} is ${province.zh}, whose plugin is named ${province.pinyin}` +
        (other ? `; ${name} is ${other.zh} (${other.code})` : ''),
    );
  }
  const root = `${PLUGINS_DIR}/${name}`;
  const projectName = pluginProjectName(name);
  const importPath = pluginImportPath(name);
  // A folder holding only test-fixtures (seed tables transcribed ahead of the plugin) is
  // fine; a project, sources or a project of that name elsewhere is an existing plugin.
  const clash = [...getProjects(tree)].find(
    ([other, project]) => other === projectName || project.root === root,
  );
  if (clash || tree.exists(`${root}/project.json`) || tree.exists(`${root}/src`)) {
    throw new ProvinceGeneratorError(
      `${root} already exists (project ${clash?.[0] ?? projectName}); the generator never overwrites a plugin. Delete the folder first if you really mean to start over.`,
    );
  }
  assertRegistryExists(tree);
  const paths = readAliases(tree);
  if (paths[importPath]) {
    throw new ProvinceGeneratorError(
      `tsconfig.base.json already maps ${importPath} (to ${paths[importPath].join(', ')}); remove the stale alias first`,
    );
  }
  return { name, code, province, root, projectName, importPath };
}

function readAliases(tree: Tree): Record<string, string[]> {
  if (!tree.exists('tsconfig.base.json')) return {};
  const json = JSON.parse(tree.read('tsconfig.base.json', 'utf-8') ?? '{}') as {
    compilerOptions?: { paths?: Record<string, string[]> };
  };
  return json.compilerOptions?.paths ?? {};
}

function addAlias(tree: Tree, options: NormalisedProvinceOptions): void {
  updateJson(
    tree,
    'tsconfig.base.json',
    (json: { compilerOptions?: { paths?: Record<string, string[]> } }) => {
      const compilerOptions = json.compilerOptions ?? {};
      const paths = {
        ...(compilerOptions.paths ?? {}),
        [options.importPath]: [`./${options.root}/src/index.ts`],
      };
      // Sorted like the rest of the file, so two generated provinces never touch the same line.
      compilerOptions.paths = Object.fromEntries(
        Object.entries(paths).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      );
      json.compilerOptions = compilerOptions;
      return json;
    },
  );
}

function writeFixtures(tree: Tree, options: NormalisedProvinceOptions): string[] {
  const fixtures = `${options.root}/test-fixtures`;
  for (const dir of ['ok', 'not-ok']) {
    const attributes = `${fixtures}/${dir}/.gitattributes`;
    if (!tree.exists(attributes)) tree.write(attributes, FIXTURE_GITATTRIBUTES);
  }
  tree.write(`${fixtures}/ok/${SAMPLE_FILE}`, sampleCsv());
  tree.write(`${fixtures}/not-ok/${SAMPLE_BAD_FILE}`, sampleBadCsv());
  tree.write(
    `${fixtures}/not-ok/${SAMPLE_BAD_FILE}.expected-error.json`,
    `${JSON.stringify(sampleBadExpectedError(), null, 2)}\n`,
  );
  // Seed tables transcribed before the plugin existed (tools/fixtures) stay where they are.
  return tree
    .children(`${fixtures}/ok`)
    .filter(
      (file) =>
        !file.startsWith('.') &&
        !file.startsWith(SAMPLE_FILE) &&
        !/\.(expected|expected-error|context)\.json$/.test(file),
    );
}

/**
 * `nx g @efficacy/workspace:province --name <pinyin> --code <GB/T 2260>` (npm run
 * new-province): creates plugins/<pinyin>, adds its path alias and regenerates the adapter
 * registry.
 */
export async function provinceGenerator(
  tree: Tree,
  schema: ProvinceGeneratorSchema,
): Promise<GeneratorCallback> {
  const options = normaliseOptions(tree, schema);
  const { name, code, province, root, projectName, importPath } = options;

  addProjectConfiguration(tree, projectName, {
    root,
    sourceRoot: `${root}/src`,
    projectType: 'library',
    tags: ['scope:adapter', 'type:plugin'],
    targets: {},
  });

  const sample = sampleCsv();
  generateFiles(tree, join(__dirname, 'files'), root, {
    name,
    code,
    provinceZh: province.zh,
    provinceEn: province.en,
    projectName,
    importPath,
    className: names(name).className,
    adapterName: adapterExportName(name),
    manifestName: `${names(name).propertyName}Manifest`,
    sampleFile: SAMPLE_FILE,
    sampleSha256: sha256Hex(sample),
    sampleByteLength: sample.byteLength,
  });
  const preexisting = writeFixtures(tree, options);
  addAlias(tree, options);
  const registered = syncAdapterRegistry(tree);
  await formatFiles(tree);

  return () => {
    logger.info(`Created ${root} (project ${projectName}, ${importPath}).`);
    logger.info(
      `Registered in libs/adapter-registry: ${registered.map((p) => p.name).join(', ')}.`,
    );
    if (preexisting.length > 0) {
      logger.warn(
        `${root}/test-fixtures/ok already held ${preexisting.length} input files (${preexisting.join(', ')}): the conformance run fails on them until the adapter reads them and their expected files exist.`,
      );
    }
    logger.info(
      `Next: npx jest -c ${root}/jest.config.cts && npx nx lint ${projectName}; then follow ${root}/README.md.`,
    );
  };
}
