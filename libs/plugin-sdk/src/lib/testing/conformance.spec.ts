import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { ProvinceAdapter } from '../contract/adapter';
import { AdapterError } from '../contract/errors';
import { buildCsv, buildXlsx } from './workbook-builder';
import { buildZipBomb } from './zip-writer';
import { describeConformance, diffJson, runConformance } from './conformance';
import type { ConformanceOptions } from './conformance';
import { fakeAdapter, jinfengRows } from './fake-adapter.spec-support';

const OK_FILE = '金凤区-好差评.xlsx';
const BAD_FILE = '金凤区-好差评-错字.xlsx';
const context = { regionCode: '640106' };
const dirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sdk-conformance-'));
  dirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A fixtures folder with one ok xlsx, one ok GBK csv, a bad-number xlsx and a zip bomb. */
async function fixtures(): Promise<string> {
  const dir = tempDir();
  mkdirSync(join(dir, 'ok'));
  mkdirSync(join(dir, 'not-ok'));
  writeFileSync(join(dir, 'ok', OK_FILE), await buildXlsx([{ name: '附件2', rows: jinfengRows }]));
  writeFileSync(join(dir, 'ok', 'jinfeng.gbk.csv'), buildCsv(jinfengRows, { encoding: 'gbk' }));
  const bad = jinfengRows.map((row) => [...row]);
  (bad[4] as unknown[])[4] = '3S';
  writeFileSync(join(dir, 'not-ok', BAD_FILE), await buildXlsx([{ name: '附件2', rows: bad }]));
  writeFileSync(join(dir, 'not-ok', 'bomb.xlsx'), buildZipBomb({ inflatedBytes: 2 * 1024 * 1024 }));
  writeFileSync(
    join(dir, 'not-ok', 'bomb.xlsx.context.json'),
    JSON.stringify({ limits: { maxUncompressedBytes: 1024 * 1024 } }),
  );
  return dir;
}

function options(dir: string, overrides: Partial<ConformanceOptions> = {}): ConformanceOptions {
  return {
    adapter: fakeAdapter,
    fixturesDir: dir,
    context,
    updateGolden: false,
    ci: true,
    ...overrides,
  };
}

/** Writes the goldens once (as a developer would with UPDATE_GOLDEN=1) and returns the folder. */
async function goldenFixtures(): Promise<string> {
  const dir = await fixtures();
  const written = await runConformance(options(dir, { updateGolden: true, ci: false }));
  expect(written.passed).toBe(true);
  return dir;
}

function failuresOf(report: Awaited<ReturnType<typeof runConformance>>): string[] {
  return report.cases.flatMap((c) => c.failures.map((f) => `${c.name}: ${f}`));
}

describe('runConformance', () => {
  it('passes a conforming adapter and writes exact goldens with UPDATE_GOLDEN', async () => {
    const dir = await goldenFixtures();
    const report = await runConformance(options(dir));
    expect(failuresOf(report)).toEqual([]);
    expect(report.cases.map((c) => c.name)).toEqual([
      'manifest',
      'fixture layout',
      'ok/jinfeng.gbk.csv',
      `ok/${OK_FILE}`,
      'not-ok/bomb.xlsx',
      `not-ok/${BAD_FILE}`,
    ]);
    const golden = JSON.parse(readFileSync(join(dir, 'ok', `${OK_FILE}.expected.json`), 'utf8'));
    expect(golden).toMatchObject({
      period: '2022-01..2022-08',
      regionCode: '640106',
      reportKind: 'good-bad-review',
    });
    expect(
      JSON.parse(readFileSync(join(dir, 'not-ok', `${BAD_FILE}.expected-error.json`), 'utf8')),
    ).toEqual({
      code: 'BAD_NUMBER',
      messageIncludes: [BAD_FILE, 'sheet "附件2"', 'row 5', 'column E'],
    });
    expect(
      JSON.parse(readFileSync(join(dir, 'not-ok', 'bomb.xlsx.expected-error.json'), 'utf8')),
    ).toEqual({
      code: 'ZIP_BOMB',
      messageIncludes: ['bomb.xlsx'],
    });
  });

  it('fails when the output differs from the golden file', async () => {
    const dir = await goldenFixtures();
    const path = join(dir, 'ok', `${OK_FILE}.expected.json`);
    writeFileSync(path, readFileSync(path, 'utf8').replace('"value": 5769', '"value": 5770'));
    const report = await runConformance(options(dir));
    expect(report.passed).toBe(false);
    expect(failuresOf(report)).toEqual([
      expect.stringMatching(
        /^ok\/金凤区-好差评\.xlsx: output differs from ok\/金凤区-好差评\.xlsx\.expected\.json:\n {2}\$\.measures\[2\]\.value\.value: expected 5770, got 5769$/,
      ),
    ]);
  });

  it('fails when the error code differs', async () => {
    const dir = await goldenFixtures();
    writeFileSync(
      join(dir, 'not-ok', `${BAD_FILE}.expected-error.json`),
      JSON.stringify({
        code: 'MISSING_COLUMN',
        messageIncludes: [BAD_FILE, 'sheet "附件2"', 'row 5', 'column E'],
      }),
    );
    const failures = failuresOf(await runConformance(options(dir)));
    expect(failures).toEqual([
      expect.stringContaining(
        `not-ok/${BAD_FILE}: expected error code MISSING_COLUMN, got BAD_NUMBER`,
      ),
    ]);
  });

  it('fails when the message lacks the row or column the fixture expects', async () => {
    const dir = await goldenFixtures();
    // An adapter that reports the right code but forgets where.
    const vague: ProvinceAdapter = {
      ...fakeAdapter,
      async parse(file, ctx) {
        try {
          return await fakeAdapter.parse(file, ctx);
        } catch (error) {
          if (error instanceof AdapterError && error.code === 'BAD_NUMBER') {
            throw new AdapterError('BAD_NUMBER', error.detail, { file: file.name, sheet: '附件2' });
          }
          throw error;
        }
      },
    };
    const failures = failuresOf(await runConformance(options(dir, { adapter: vague })));
    expect(failures).toEqual([
      `not-ok/${BAD_FILE}: the message does not include "row 5": ${BAD_FILE}, sheet "附件2": "3S" is not a number`,
      `not-ok/${BAD_FILE}: the message does not include "column E": ${BAD_FILE}, sheet "附件2": "3S" is not a number`,
    ]);
  });

  it('fails an error whose message does not name the location it carries', async () => {
    const dir = await goldenFixtures();
    const sloppy: ProvinceAdapter = {
      ...fakeAdapter,
      async parse(file, ctx) {
        try {
          return await fakeAdapter.parse(file, ctx);
        } catch (error) {
          if (!(error instanceof AdapterError) || error.code !== 'BAD_NUMBER') throw error;
          // Hand-built "AdapterError" with a location but a message that says nothing.
          throw Object.assign(new Error(`${file.name}: bad number`), {
            name: 'AdapterError',
            code: 'BAD_NUMBER',
            location: error.location,
          });
        }
      },
    };
    const failures = failuresOf(await runConformance(options(dir, { adapter: sloppy })));
    expect(failures).toEqual(
      expect.arrayContaining([
        `not-ok/${BAD_FILE}: the message does not name row 5: ${BAD_FILE}: bad number`,
        `not-ok/${BAD_FILE}: the message does not name column E: ${BAD_FILE}: bad number`,
      ]),
    );
  });

  it('fails, and writes nothing, when an expected file is missing in CI', async () => {
    const dir = await fixtures();
    const report = await runConformance(options(dir, { ci: true, updateGolden: true }));
    expect(report.passed).toBe(false);
    expect(failuresOf(report)).toContain(
      `ok/${OK_FILE}: ok/${OK_FILE}.expected.json is missing; expected files are never written in CI. Run the spec locally with UPDATE_GOLDEN=1, review and commit the file.`,
    );
    expect(existsSync(join(dir, 'ok', `${OK_FILE}.expected.json`))).toBe(false);
    expect(existsSync(join(dir, 'not-ok', `${BAD_FILE}.expected-error.json`))).toBe(false);
  });

  it('fails with a hint, and writes nothing, when an expected file is missing locally', async () => {
    const dir = await fixtures();
    const failures = failuresOf(
      await runConformance(options(dir, { ci: false, updateGolden: false })),
    );
    expect(failures).toContain(
      `ok/${OK_FILE}: ok/${OK_FILE}.expected.json is missing. Run the spec with UPDATE_GOLDEN=1 to write it from the current output, then review it.`,
    );
    expect(existsSync(join(dir, 'ok', `${OK_FILE}.expected.json`))).toBe(false);
  });

  it('fails an adapter whose output depends on something other than the bytes', async () => {
    const dir = await goldenFixtures();
    let calls = 0;
    const drifting: ProvinceAdapter = {
      ...fakeAdapter,
      async parse(file, ctx) {
        const batch = await fakeAdapter.parse(file, ctx);
        calls += 1;
        return { ...batch, warnings: [{ code: 'CLOCK', message: `run ${calls}` }] };
      },
    };
    const failures = failuresOf(await runConformance(options(dir, { adapter: drifting })));
    expect(failures).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          `ok/${OK_FILE}: parsing the same bytes twice gave different output`,
        ),
      ]),
    );
  });

  it('fails when detect does not recognise an ok fixture', async () => {
    const dir = await goldenFixtures();
    const blind: ProvinceAdapter = {
      ...fakeAdapter,
      detect: async () => ({ confidence: 0.2, reason: 'unsure' }),
    };
    const failures = failuresOf(await runConformance(options(dir, { adapter: blind })));
    expect(failures).toContain(`ok/${OK_FILE}: detect() confidence 0.2 < 0.5 (unsure)`);
    expect(failures).toContain(
      `ok/${OK_FILE}: detect() names report kind "(none)", parse produced "good-bad-review"`,
    );
  });

  it('fails a crash that is not an AdapterError, and a not-ok file that parses', async () => {
    const dir = await goldenFixtures();
    const crashing: ProvinceAdapter = {
      ...fakeAdapter,
      async parse(file, ctx) {
        if (file.name === BAD_FILE) throw new TypeError('cannot read properties of undefined');
        if (file.name === 'bomb.xlsx')
          return fakeAdapter.parse(
            { name: OK_FILE, bytes: readFileSync(join(dir, 'ok', OK_FILE)) },
            ctx,
          );
        return fakeAdapter.parse(file, ctx);
      },
    };
    const failures = failuresOf(await runConformance(options(dir, { adapter: crashing })));
    expect(failures).toEqual([
      'not-ok/bomb.xlsx: parse succeeded, but this fixture must be refused',
      `not-ok/${BAD_FILE}: parse threw a non-AdapterError (an adapter bug): cannot read properties of undefined`,
    ]);
  });

  it('checks the fixture folder layout and the manifest', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'ok'));
    writeFileSync(join(dir, 'ok', 'gone.xlsx.expected.json'), '{}');
    const report = await runConformance(
      options(dir, {
        adapter: { ...fakeAdapter, manifest: { ...fakeAdapter.manifest, version: 'v1' } },
      }),
    );
    expect(failuresOf(report)).toEqual([
      'manifest: manifest: version "v1" is not semver',
      `fixture layout: no input files in ${join(dir, 'ok')}: a conformance run without fixtures proves nothing`,
      `fixture layout: ${join(dir, 'ok', 'gone.xlsx.expected.json')} has no input file beside it`,
    ]);
  });
});

describe('diffJson', () => {
  it('lists differing paths', () => {
    expect(diffJson({ a: [1, { b: 2 }], c: 1 }, { a: [1, { b: 3 }], d: 1 })).toEqual([
      '$.a[1].b: expected 2, got 3',
      '$.c: expected 1, got nothing',
      '$.d: unexpected 1',
    ]);
  });
});

// describeConformance registers its tests while this file loads, so its fixtures are made
// synchronously (csv only) and the golden is written by the first run (UPDATE_GOLDEN mode).
const registered = tempDir();
mkdirSync(join(registered, 'ok'));
writeFileSync(join(registered, 'ok', 'jinfeng.csv'), buildCsv(jinfengRows, { bom: true }));
describeConformance(fakeAdapter, registered, { context, updateGolden: true, ci: false });

describe('describeConformance', () => {
  it('registered and ran one test per fixture (the golden exists now)', () => {
    expect(existsSync(join(registered, 'ok', 'jinfeng.csv.expected.json'))).toBe(true);
  });
});
