import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from './support/test-app';
import { cliRunner, REPO_ROOT } from './support/cli';

/** The command line as regional IT and administrators use it, against the real API and Keycloak. */
describe('command line', () => {
  let t: TestApp;
  let configDir: string;
  let cli: ReturnType<typeof cliRunner>;
  const coverage = join(
    REPO_ROOT,
    'plugins/ningxia/test-fixtures/ok/jinfeng-2022-01to08-annex1-coverage.xlsx',
  );

  beforeAll(async () => {
    t = await startTestApp();
    configDir = mkdtempSync(join(tmpdir(), 'efficacy-cli-'));
    cli = cliRunner(t.baseUrl, configDir);
  });
  afterAll(async () => {
    await t.close();
    rmSync(configDir, { recursive: true, force: true });
  });

  it('refuses commands that need a login before one', async () => {
    const { code, out } = await cli('whoami');
    expect(code).toBe(1);
    expect(out).toContain('not logged in');
  });

  it('logs in through Keycloak and shows the scope the API enforces', async () => {
    const login = await cli('login', 'jinfeng.admin');
    expect(login.code).toBe(0);
    expect(login.out).toMatch(/Logged in as jinfeng\.admin \(county-admin\); scope: 金凤区 640106/);
    const who = await cli('whoami', '--json');
    expect(JSON.parse(who.out).permissions).toContain('import:commit');
  });

  it("refuses a wrong password with Keycloak's reason", async () => {
    const wrong = cliRunner(t.baseUrl, join(configDir, 'other'), {
      EFFICACY_PASSWORD: 'not-the-password',
    });
    const { code, out } = await wrong('login', 'jinfeng.admin');
    expect(code).toBe(1);
    expect(out).toContain('sign-in refused by Keycloak: Invalid user credentials');
  });

  it('imports a file once, and the same file again changes nothing', async () => {
    const dry = await cli('import', coverage, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toMatch(/ningxia .* item-coverage .* 640106 · 2022-01\.\.2022-08/);
    const first = await cli('import', coverage);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/imported|already imported/);
    const again = await cli('import', coverage);
    expect(again.code).toBe(0);
    expect(again.out).toContain('already imported, nothing changed');
  });

  it('stops on a broken file with one message naming file, sheet, row and column', async () => {
    const bad = join(
      REPO_ROOT,
      'tools/fixtures/not-ok-templates/jinfeng-annex2-letter-o-in-number.xlsx',
    );
    const { code, out } = await cli('import', bad, '--adapter', 'ningxia');
    expect(code).toBe(1);
    expect(out).toMatch(
      /jinfeng-annex2-letter-o-in-number\.xlsx, sheet "附件2", row \d+, column [A-Z]+ .*"12O09" is not a number/,
    );
  });

  it("prints the assessment of the logged-in user's county and refuses another county", async () => {
    const mine = await cli('assess', '--region', '640106', '--period', '2022-01..2022-08');
    expect(mine.code).toBe(0);
    expect(mine.out).toContain('金凤区');
    expect(mine.out).toContain('28.08');
    const theirs = await cli('assess', '--region', '640181', '--period', '2022-H1');
    expect(theirs.code).toBe(1);
    expect(theirs.out).toMatch(/HTTP 404/);
  });
});
