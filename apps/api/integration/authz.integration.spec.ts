import { MATRIX, type MatrixRow } from './authz/matrix';
import { MATRIX_USERS, can, type MatrixUser } from './authz/users';
import { prepareFixtures, type MatrixFixtures } from './authz/fixtures';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

/**
 * The authorization matrix: every endpoint × every demo user × a target inside and
 * outside the user's scope, with real tokens from the real Keycloak.
 */
describe('authorization matrix', () => {
  let t: TestApp;
  let fx: MatrixFixtures;

  beforeAll(async () => {
    t = await startTestApp();
    fx = await prepareFixtures(t.baseUrl);
  }, 180_000);
  afterAll(async () => {
    await t.close();
  });

  it('has a row for every endpoint the API serves, and no row for one it does not', async () => {
    const doc = await (await fetch(`${t.baseUrl}/docs-json`)).json();
    const served = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    const rows = MATRIX.map((r) => `${r.method} ${r.path}`).sort();
    expect({
      missingRows: served.filter((s) => !rows.includes(s)),
      staleRows: rows.filter((r) => !served.includes(r)),
    }).toEqual({
      missingRows: [],
      staleRows: [],
    });
  });

  const expected = (row: MatrixRow, user: MatrixUser, side: 'in' | 'out'): number[] => {
    if (row.permission !== null && !can(user, row.permission)) return [403];
    return side === 'in' ? row.allowed : [row.outOfScope ?? row.allowed[0]];
  };

  // Each row asks as every demo user, in and out of scope (22 requests or more; bulletin files
  // render documents): sized for a loaded 2-core machine, not for jest's 60 s default here.
  const ROW_TIMEOUT_MS = 240_000;
  for (const row of MATRIX) {
    it(
      `${row.method} ${row.path}`,
      async () => {
        const failures: string[] = [];
        for (const user of MATRIX_USERS) {
          const sides: Array<['in' | 'out', string]> = [['in', user.home]];
          if (row.outOfScope !== null && user.away !== null) sides.push(['out', user.away]);
          for (const [side, region] of sides) {
            const { path, init } = row.request({ region }, fx);
            const res = await fetch(`${t.baseUrl}${path}`, {
              ...init,
              headers: {
                ...(init?.headers as Record<string, string>),
                authorization: `Bearer ${await tokenFor(user.username)}`,
              },
            });
            const want = expected(row, user, side);
            if (!want.includes(res.status)) {
              const body = await res.text();
              failures.push(
                `${user.username} ${side}-scope (${region}): got ${res.status}, want ${want.join('/')}: ${body.slice(0, 160)}`,
              );
            } else {
              await res.arrayBuffer();
            }
          }
        }
        expect(failures).toEqual([]);
      },
      ROW_TIMEOUT_MS,
    );
  }
});
