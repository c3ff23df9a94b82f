import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from './support/test-app';
import { cliRunner } from './support/cli';

/** `efficacy cases generate` and `efficacy cases import` against the real API and Keycloak. */
describe('command line: case records', () => {
  let t: TestApp;
  let dir: string;
  let cli: ReturnType<typeof cliRunner>;

  beforeAll(async () => {
    t = await startTestApp();
    dir = mkdtempSync(join(tmpdir(), 'efficacy-cases-cli-'));
    cli = cliRunner(t.baseUrl, dir);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the same synthetic file for the same seed', async () => {
    const a = join(dir, 'a.csv');
    const b = join(dir, 'b.csv');
    const args = [
      '--counties',
      '1',
      '--months',
      '1',
      '--per-county-month',
      '300',
      '--start',
      '2025-03',
    ];
    const first = await cli('cases', 'generate', ...args, '--seed', '4', '--out', a);
    expect(first.code).toBe(0);
    expect(first.out).toContain('wrote 300 cases');
    await cli('cases', 'generate', ...args, '--seed', '4', '--out', b);
    expect(readFileSync(a, 'utf8')).toBe(readFileSync(b, 'utf8'));
    expect(readFileSync(a, 'utf8').split('\n')[0]).toMatch(/^办件编号,事项编码,事项类型/);
  });

  it('imports a file with progress to the end, and the same file again changes nothing', async () => {
    const file = join(dir, 'jinfeng-2025-04.csv');
    await cli(
      'cases',
      'generate',
      ...['--counties', '1', '--months', '1', '--per-county-month', '500', '--start', '2025-04'],
      ...['--seed', '9', '--out', file],
    );
    expect((await cli('login', 'jinfeng.admin')).code).toBe(0);
    const run = await cli('cases', 'import', file, '--region', '640106');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(
      /imported 500 cases of jinfeng-2025-04\.csv \([\d,]+ rows\/s\) into 1 county-month/,
    );
    expect(run.out).toMatch(/rows\/s \| ETA/);
    // Not a terminal here: each phase still ends on a line at 100%.
    expect(run.out).toMatch(/upload +\[[^\]]*\] 100%/);
    expect(run.out).toMatch(/import +\[[^\]]*\] 100% \| 500 rows/);
    const again = await cli('cases', 'import', file, '--region', '640106');
    expect(again.code).toBe(0);
    expect(again.out).toContain('the same file was imported already');
  });

  it('says why a region outside the user’s scope is refused', async () => {
    const file = join(dir, 'jinfeng-2025-04.csv');
    const run = await cli('cases', 'import', file, '--region', '640181');
    expect(run.code).toBe(1);
    expect(run.out).toContain('HTTP 403');
  });
});
