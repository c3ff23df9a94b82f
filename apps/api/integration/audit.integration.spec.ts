import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';
import { cliRunner } from './support/cli';

/** The audit trail: every write leaves an entry, and tampering in PostgreSQL is detected. */
describe('audit trail', () => {
  let t: TestApp;
  let db: Client;
  let configDir: string;

  let cli: ReturnType<typeof cliRunner>;

  beforeAll(async () => {
    t = await startTestApp();
    db = new Client({ connectionString: process.env['DATABASE_URL'] });
    await db.connect();
    configDir = mkdtempSync(join(tmpdir(), 'efficacy-cli-'));
    cli = cliRunner(t.baseUrl, configDir);
    // Make sure the log has entries of its own: set targets as the Jinfeng administrator.
    for (const year of [2031, 2032, 2033]) {
      const res = await fetch(`${t.baseUrl}/targets`, {
        method: 'PUT',
        headers: {
          authorization: `Bearer ${await tokenFor('jinfeng.admin')}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({
          indicator: 'item_coverage',
          regionCode: '640106',
          year,
          comparator: '>=',
          value: 41,
        }),
      });
      expect([200, 201]).toContain(res.status);
    }
    expect((await cli('login', 'yinchuan.auditor')).code).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await db.end();
    await t.close();
    rmSync(configDir, { recursive: true, force: true });
  });

  it('records who set a target, with roles, scope, before and after, request id and address', async () => {
    const res = await fetch(`${t.baseUrl}/audit?limit=50`, {
      headers: { authorization: `Bearer ${await tokenFor('yinchuan.auditor')}` },
    });
    const entries = await res.json();
    const entry = entries.find(
      (e: { action: string; after: { year?: number } }) =>
        e.action.startsWith('target') && e.after?.year === 2031,
    );
    expect(entry).toEqual(
      expect.objectContaining({
        actor: 'jinfeng.admin',
        actorRoles: ['county-admin'],
        regionCodes: ['640106'],
        requestId: expect.any(String),
        clientAddress: expect.any(String),
      }),
    );
  });

  it('refuses UPDATE and DELETE on the log inside PostgreSQL', async () => {
    await expect(
      db.query(`UPDATE audit_log SET actor = 'someone' WHERE id = (SELECT min(id) FROM audit_log)`),
    ).rejects.toThrow(/append-only/);
    await expect(
      db.query(`DELETE FROM audit_log WHERE id = (SELECT min(id) FROM audit_log)`),
    ).rejects.toThrow(/append-only/);
  });

  it('`audit verify` passes on an untouched log', async () => {
    const { code, out } = await cli('audit', 'verify');
    expect(out).toMatch(/audit log intact: \d+ entries/);
    expect(code).toBe(0);
  });

  it('`audit verify` names an entry edited directly in PostgreSQL', async () => {
    const { rows } = await db.query(`SELECT id, after FROM audit_log ORDER BY id LIMIT 1 OFFSET 1`);
    const { id, after } = rows[0];
    await db.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    try {
      await db.query(`UPDATE audit_log SET after = $2 WHERE id = $1`, [
        id,
        JSON.stringify({ forged: true }),
      ]);
      const { code, out } = await cli('audit', 'verify');
      expect(code).toBe(3);
      expect(out).toContain(`audit log broken at entry ${id}: its content does not match its hash`);
    } finally {
      await db.query(`UPDATE audit_log SET after = $2 WHERE id = $1`, [id, JSON.stringify(after)]);
      await db.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    }
    expect((await cli('audit', 'verify')).code).toBe(0);
  });

  it('`audit verify` names the entry after one deleted directly in PostgreSQL', async () => {
    const { rows } = await db.query(`SELECT * FROM audit_log ORDER BY id LIMIT 2 OFFSET 1`);
    const [deleted, next] = rows;
    expect(next).toBeDefined();
    await db.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    try {
      await db.query(`DELETE FROM audit_log WHERE id = $1`, [deleted.id]);
      const { code, out } = await cli('audit', 'verify');
      expect(code).toBe(3);
      expect(out).toContain(
        `audit log broken at entry ${next.id}: its link to the previous entry is broken`,
      );
    } finally {
      const columns = Object.keys(deleted);
      await db.query(
        `INSERT INTO audit_log (${columns.join(', ')}) OVERRIDING SYSTEM VALUE VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
        columns.map((c) =>
          c === 'actor_scope' || c === 'before' || c === 'after'
            ? JSON.stringify(deleted[c])
            : deleted[c],
        ),
      );
      await db.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    }
    expect((await cli('audit', 'verify')).code).toBe(0);
  });

  it('keeps the log from users without audit:read', async () => {
    const res = await fetch(`${t.baseUrl}/audit/verify`, {
      headers: { authorization: `Bearer ${await tokenFor('jinfeng.spj.staff')}` },
    });
    expect(res.status).toBe(403);
  });
});
