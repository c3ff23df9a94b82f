import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { ParseContext, ProvinceAdapter, SourceFile } from '../contract/adapter';
import type { NormalisedBatch } from '../contract/batch';
import { ADAPTER_ERROR_CODES, locationTexts } from '../contract/errors';
import type { AdapterErrorCode, Location } from '../contract/errors';
import { validateManifest } from '../contract/manifest';
import { sha256Hex } from '../batch/builder';
import { validateBatch } from '../batch/validate';

/**
 * The conformance harness every plugin spec runs. Fixture layout:
 *
 *   test-fixtures/ok/<file>                       an input that must parse
 *   test-fixtures/ok/<file>.expected.json          its exact normalised batch
 *   test-fixtures/not-ok/<file>                   an input that must be refused
 *   test-fixtures/not-ok/<file>.expected-error.json { "code": ..., "messageIncludes": [...] }
 *   test-fixtures/*\/<file>.context.json           optional ParseContext for that file
 *
 * UPDATE_GOLDEN=1 (re)writes expected files from the adapter's current output. With CI=true
 * nothing is ever written: a missing or different expected file fails the run.
 */

export interface ConformanceOptions {
  adapter: ProvinceAdapter;
  /** The folder holding ok/ and not-ok/. */
  fixturesDir: string;
  /** Context for every fixture; a fixture's own .context.json is merged over it. */
  context?: ParseContext;
  /** Default: env UPDATE_GOLDEN is "1" or "true". */
  updateGolden?: boolean;
  /** Default: env CI is set and not "false"/"0". */
  ci?: boolean;
  /** Minimum detect() confidence on ok fixtures; default 0.5. */
  minDetectConfidence?: number;
  /**
   * A conformance run without any ok fixture proves nothing, so it fails by default. Only a
   * freshly generated plugin that has no sample yet may set this.
   */
  allowNoFixtures?: boolean;
}

export interface ConformanceCase {
  /** e.g. "ok/金凤区-好差评.xlsx". */
  name: string;
  kind: 'manifest' | 'layout' | 'ok' | 'not-ok';
  /** Resolves to the failures found; empty = pass. Never throws. */
  run(): Promise<string[]>;
}

export interface ConformanceCaseResult {
  name: string;
  kind: ConformanceCase['kind'];
  failures: string[];
}

export interface ConformanceReport {
  passed: boolean;
  cases: ConformanceCaseResult[];
}

export interface ExpectedError {
  code: AdapterErrorCode;
  messageIncludes: string[];
}

const SUFFIXES = ['.expected.json', '.expected-error.json', '.context.json'];

function envFlag(name: string): boolean {
  const value = process.env[name];
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

function isInput(name: string): boolean {
  return (
    !name.startsWith('.') &&
    !name.toLowerCase().endsWith('.md') &&
    !SUFFIXES.some((s) => name.endsWith(s))
  );
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isFile())
    .sort();
}

function loadFile(dir: string, name: string): SourceFile {
  return { name, bytes: new Uint8Array(readFileSync(join(dir, name))) };
}

function copyOf(file: SourceFile): SourceFile {
  return { name: file.name, bytes: new Uint8Array(file.bytes) };
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

function writeJson(path: string, value: unknown): void {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`, 'utf8');
}

/** The batch as it travels: through JSON, so the comparison is what a golden file can hold. */
export function toComparableJson(batch: NormalisedBatch): unknown {
  return JSON.parse(JSON.stringify(batch)) as unknown;
}

/**
 * The mapping report (`headerMatches`) came after the first golden files. A golden file that
 * has none is compared without it, so adding the report does not rewrite every province's
 * goldens at once; UPDATE_GOLDEN writes it, and from then on it is compared exactly.
 */
function withoutUnrecordedReport(expected: unknown, actual: unknown): unknown {
  if (
    typeof expected !== 'object' ||
    expected === null ||
    'headerMatches' in expected ||
    typeof actual !== 'object' ||
    actual === null
  )
    return actual;
  const { headerMatches: _report, ...rest } = actual as Record<string, unknown>;
  return rest;
}

function describeValue(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? 'undefined' : text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/** Lists where two JSON values differ, as "path: expected X, got Y" lines (at most `limit`). */
export function diffJson(
  expected: unknown,
  actual: unknown,
  path = '$',
  out: string[] = [],
  limit = 20,
): string[] {
  if (out.length >= limit) return out;
  if (Object.is(expected, actual)) return out;
  const bothObjects =
    typeof expected === 'object' &&
    expected !== null &&
    typeof actual === 'object' &&
    actual !== null;
  if (!bothObjects || Array.isArray(expected) !== Array.isArray(actual)) {
    out.push(`${path}: expected ${describeValue(expected)}, got ${describeValue(actual)}`);
    return out;
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length)
      out.push(`${path}: expected ${expected.length} items, got ${actual.length}`);
    for (let i = 0; i < Math.min(expected.length, actual.length); i++)
      diffJson(expected[i], actual[i], `${path}[${i}]`, out, limit);
    return out;
  }
  const e = expected as Record<string, unknown>;
  const a = actual as Record<string, unknown>;
  for (const key of new Set([...Object.keys(e), ...Object.keys(a)])) {
    if (!(key in a)) out.push(`${path}.${key}: expected ${describeValue(e[key])}, got nothing`);
    else if (!(key in e)) out.push(`${path}.${key}: unexpected ${describeValue(a[key])}`);
    else diffJson(e[key], a[key], `${path}.${key}`, out, limit);
    if (out.length >= limit) break;
  }
  return out;
}

function errorInfo(error: unknown): {
  code?: string;
  message: string;
  location?: Location;
  isAdapterError: boolean;
} {
  if (error instanceof Error) {
    const candidate = error as Error & { code?: unknown; location?: unknown };
    // Duck-typed as well as instanceof: a plugin bundled with its own SDK copy still conforms.
    const isAdapterError =
      candidate.name === 'AdapterError' &&
      typeof candidate.code === 'string' &&
      (ADAPTER_ERROR_CODES as readonly string[]).includes(candidate.code) &&
      typeof candidate.location === 'object' &&
      candidate.location !== null;
    return {
      ...(typeof candidate.code === 'string' ? { code: candidate.code } : {}),
      message: error.message,
      ...(isAdapterError ? { location: candidate.location as Location } : {}),
      isAdapterError,
    };
  }
  return { message: String(error), isAdapterError: false };
}

function isExpectedError(value: unknown): value is ExpectedError {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { code?: unknown; messageIncludes?: unknown };
  return (
    typeof candidate.code === 'string' &&
    Array.isArray(candidate.messageIncludes) &&
    candidate.messageIncludes.every((item) => typeof item === 'string')
  );
}

/** Builds the list of checks for a fixtures folder, without running them. */
export function collectConformanceCases(options: ConformanceOptions): ConformanceCase[] {
  const { adapter, fixturesDir } = options;
  const update = options.updateGolden ?? envFlag('UPDATE_GOLDEN');
  const ci = options.ci ?? envFlag('CI');
  const minConfidence = options.minDetectConfidence ?? 0.5;
  const okDir = join(fixturesDir, 'ok');
  const notOkDir = join(fixturesDir, 'not-ok');
  const manifest = adapter.manifest;
  const reportKinds = new Set(manifest.reportKinds.map((kind) => kind.id));

  const contextFor = (dir: string, name: string): { context: ParseContext; failures: string[] } => {
    const path = join(dir, `${name}.context.json`);
    if (!existsSync(path)) return { context: { ...(options.context ?? {}) }, failures: [] };
    try {
      return {
        context: { ...(options.context ?? {}), ...(readJson(path) as ParseContext) },
        failures: [],
      };
    } catch (error) {
      return {
        context: { ...(options.context ?? {}) },
        failures: [`${name}.context.json is not valid JSON: ${String(error)}`],
      };
    }
  };

  /**
   * A missing expected file: written with UPDATE_GOLDEN outside CI, otherwise a failure.
   * Returns the failure, if any.
   */
  const missingGolden = (fileLabel: string, write: () => void): string | undefined => {
    if (ci) {
      return `${fileLabel} is missing; expected files are never written in CI. Run the spec locally with UPDATE_GOLDEN=1, review and commit the file.`;
    }
    if (update) {
      write();
      return undefined;
    }
    return `${fileLabel} is missing. Run the spec with UPDATE_GOLDEN=1 to write it from the current output, then review it.`;
  };
  /** A differing expected file is rewritten only with UPDATE_GOLDEN outside CI. */
  const rewriteAllowed = update && !ci;

  const cases: ConformanceCase[] = [
    {
      name: 'manifest',
      kind: 'manifest',
      run: async () => validateManifest(manifest).map((issue) => `manifest: ${issue}`),
    },
  ];

  const okFiles = listFiles(okDir);
  const notOkFiles = listFiles(notOkDir);
  cases.push({
    name: 'fixture layout',
    kind: 'layout',
    run: async () => {
      const failures: string[] = [];
      if (!options.allowNoFixtures && okFiles.filter(isInput).length === 0) {
        failures.push(
          `no input files in ${okDir}: a conformance run without fixtures proves nothing`,
        );
      }
      for (const [dir, files] of [
        [okDir, okFiles],
        [notOkDir, notOkFiles],
      ] as const) {
        const inputs = new Set(files.filter(isInput));
        for (const name of files) {
          const suffix = SUFFIXES.find((s) => name.endsWith(s));
          if (suffix && !inputs.has(name.slice(0, -suffix.length))) {
            failures.push(`${join(dir, name)} has no input file beside it`);
          }
        }
      }
      for (const name of okFiles.filter((n) => n.endsWith('.expected-error.json'))) {
        failures.push(`ok/${name}: ok fixtures have .expected.json, not .expected-error.json`);
      }
      for (const name of notOkFiles.filter((n) => n.endsWith('.expected.json'))) {
        failures.push(
          `not-ok/${name}: not-ok fixtures have .expected-error.json, not .expected.json`,
        );
      }
      return failures;
    },
  });

  for (const name of okFiles.filter(isInput)) {
    cases.push({
      name: `ok/${name}`,
      kind: 'ok',
      run: async () => {
        const failures: string[] = [];
        const { context, failures: contextFailures } = contextFor(okDir, name);
        failures.push(...contextFailures);
        const file = loadFile(okDir, name);
        const pristine = new Uint8Array(file.bytes);
        let batch: NormalisedBatch;
        try {
          batch = await adapter.parse(file, context);
        } catch (error) {
          const info = errorInfo(error);
          return [
            ...failures,
            `parse failed: ${info.code ? `[${info.code}] ` : ''}${info.message}`,
          ];
        }
        if (Buffer.compare(Buffer.from(pristine), Buffer.from(file.bytes)) !== 0) {
          failures.push('parse modified the input bytes');
        }
        failures.push(...validateBatch(batch).map((issue) => `invalid batch: ${issue}`));
        if (batch.adapter.id !== manifest.id || batch.adapter.version !== manifest.version) {
          failures.push(
            `batch.adapter is ${batch.adapter.id}@${batch.adapter.version}, manifest says ${manifest.id}@${manifest.version}`,
          );
        }
        if (!reportKinds.has(batch.reportKind))
          failures.push(`batch.reportKind "${batch.reportKind}" is not in the manifest`);
        if (batch.source.fileName !== name)
          failures.push(`batch.source.fileName is "${batch.source.fileName}", not "${name}"`);
        if (batch.source.sha256 !== sha256Hex(pristine))
          failures.push('batch.source.sha256 is not the sha256 of the file');

        const actual = toComparableJson(batch);
        try {
          const again = toComparableJson(
            await adapter.parse(copyOf({ name, bytes: pristine }), context),
          );
          const drift = diffJson(actual, again, '$', [], 5);
          if (drift.length > 0)
            failures.push(
              `parsing the same bytes twice gave different output:\n  ${drift.join('\n  ')}`,
            );
        } catch (error) {
          failures.push(`the second parse of the same bytes failed: ${errorInfo(error).message}`);
        }

        try {
          const detected = await adapter.detect(copyOf({ name, bytes: pristine }), context);
          if (!(detected.confidence >= 0 && detected.confidence <= 1)) {
            failures.push(`detect() confidence ${detected.confidence} is outside 0..1`);
          }
          if (detected.confidence < minConfidence) {
            failures.push(
              `detect() confidence ${detected.confidence} < ${minConfidence} (${detected.reason})`,
            );
          }
          if (detected.reportKind !== batch.reportKind) {
            failures.push(
              `detect() names report kind "${detected.reportKind ?? '(none)'}", parse produced "${batch.reportKind}"`,
            );
          }
        } catch (error) {
          failures.push(`detect() threw: ${errorInfo(error).message}`);
        }

        const expectedPath = join(okDir, `${name}.expected.json`);
        const label = `ok/${name}.expected.json`;
        if (!existsSync(expectedPath)) {
          const failure = missingGolden(label, () => writeJson(expectedPath, actual));
          return failure ? [...failures, failure] : failures;
        }
        let expected: unknown;
        try {
          expected = readJson(expectedPath);
        } catch (error) {
          return [...failures, `${label} is not valid JSON: ${String(error)}`];
        }
        const diff = diffJson(expected, withoutUnrecordedReport(expected, actual));
        if (diff.length > 0) {
          if (rewriteAllowed) writeJson(expectedPath, actual);
          else
            failures.push(
              `output differs from ${label}${ci ? '' : ' (UPDATE_GOLDEN=1 rewrites it)'}:\n  ${diff.join('\n  ')}`,
            );
        }
        return failures;
      },
    });
  }

  for (const name of notOkFiles.filter(isInput)) {
    cases.push({
      name: `not-ok/${name}`,
      kind: 'not-ok',
      run: async () => {
        const failures: string[] = [];
        const { context, failures: contextFailures } = contextFor(notOkDir, name);
        failures.push(...contextFailures);
        const file = loadFile(notOkDir, name);
        const attempt = async () => {
          try {
            await adapter.parse(copyOf(file), context);
            return undefined;
          } catch (error) {
            return errorInfo(error);
          }
        };
        const first = await attempt();
        if (!first) return [...failures, 'parse succeeded, but this fixture must be refused'];
        if (!first.isAdapterError) {
          failures.push(
            `parse threw a ${first.code ? `${first.code} ` : ''}non-AdapterError (an adapter bug): ${first.message}`,
          );
          return failures;
        }
        const location = first.location as Location;
        if (location.file !== name)
          failures.push(`error location names file "${location.file}", not "${name}"`);
        for (const text of locationTexts(location)) {
          if (!first.message.includes(text))
            failures.push(`the message does not name ${text}: ${first.message}`);
        }
        const second = await attempt();
        if (!second || second.code !== first.code || second.message !== first.message) {
          failures.push('parsing the same bytes twice did not fail the same way');
        }

        const expectedPath = join(notOkDir, `${name}.expected-error.json`);
        const actualExpectation: ExpectedError = {
          code: first.code as AdapterErrorCode,
          messageIncludes: locationTexts(location),
        };
        if (!existsSync(expectedPath)) {
          const failure = missingGolden(`not-ok/${name}.expected-error.json`, () =>
            writeJson(expectedPath, actualExpectation),
          );
          return failure ? [...failures, failure] : failures;
        }
        let expected: unknown;
        try {
          expected = readJson(expectedPath);
        } catch (error) {
          return [
            ...failures,
            `not-ok/${name}.expected-error.json is not valid JSON: ${String(error)}`,
          ];
        }
        if (!isExpectedError(expected)) {
          return [
            ...failures,
            `not-ok/${name}.expected-error.json must be { "code": string, "messageIncludes": string[] }`,
          ];
        }
        if (!expected.messageIncludes.includes(name)) {
          failures.push(
            `not-ok/${name}.expected-error.json: messageIncludes must list the file name "${name}"`,
          );
        }
        const mismatches: string[] = [];
        if (expected.code !== first.code)
          mismatches.push(
            `expected error code ${expected.code}, got ${first.code}: ${first.message}`,
          );
        for (const text of expected.messageIncludes) {
          if (!first.message.includes(text))
            mismatches.push(`the message does not include "${text}": ${first.message}`);
        }
        if (mismatches.length > 0) {
          if (rewriteAllowed) writeJson(expectedPath, actualExpectation);
          else failures.push(...mismatches);
        }
        return failures;
      },
    });
  }
  return cases;
}

/** Runs every check and returns a report (for tools and for the harness's own tests). */
export async function runConformance(options: ConformanceOptions): Promise<ConformanceReport> {
  const results: ConformanceCaseResult[] = [];
  for (const check of collectConformanceCases(options)) {
    let failures: string[];
    try {
      failures = await check.run();
    } catch (error) {
      failures = [
        `the harness itself failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      ];
    }
    results.push({ name: check.name, kind: check.kind, failures });
  }
  return { passed: results.every((result) => result.failures.length === 0), cases: results };
}

interface JestGlobals {
  describe(name: string, body: () => void): void;
  it(name: string, body: () => Promise<void>, timeout?: number): void;
}

/**
 * Registers one Jest test per fixture (plus the manifest and the folder layout):
 *
 *   describeConformance(ningxiaAdapter, join(__dirname, '..', 'test-fixtures'));
 *
 * Uses Jest's globals so the SDK's runtime code does not depend on Jest types.
 */
export function describeConformance(
  adapter: ProvinceAdapter,
  fixturesDir: string,
  options: Omit<ConformanceOptions, 'adapter' | 'fixturesDir'> = {},
): void {
  const jest = globalThis as unknown as Partial<JestGlobals>;
  if (typeof jest.describe !== 'function' || typeof jest.it !== 'function') {
    throw new Error(
      'describeConformance must be called from a Jest spec; use runConformance elsewhere',
    );
  }
  const { describe, it } = jest as JestGlobals;
  describe(`${adapter.manifest.id} conformance`, () => {
    for (const check of collectConformanceCases({ adapter, fixturesDir, ...options })) {
      it(
        check.name,
        async () => {
          const failures = await check.run();
          if (failures.length > 0) throw new Error(`${check.name}:\n- ${failures.join('\n- ')}`);
        },
        60_000,
      );
    }
  });
}
