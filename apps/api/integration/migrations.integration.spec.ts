import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@efficacy/api/core';

/**
 * Migrations that reshape tables holding data, run on a database of their own: the schema as
 * it was before, rows in it, then the migration up and down again.
 */
describe('case_record from month partitions to month × county partitions', () => {
  const name = `efficacy_migrate_${Date.now()}`;
  let admin: Client;
  let url: string;

  beforeAll(async () => {
    admin = new Client({ connectionString: process.env['DATABASE_URL'] });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const u = new URL(process.env['DATABASE_URL'] as string);
    u.pathname = `/${name}`;
    url = u.toString();
  });

  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('moves the rows of each month into a partition per county, and back', async () => {
    const options = dataSourceOptions(url);
    const all = options.migrations as Array<new () => { name?: string }>;
    const at = all.findIndex((m) => new m().name === 'CaseRecordCountyPartitions1763940000000');
    expect(at).toBeGreaterThan(0);

    // The schema as the previous release left it, with a month of cases in two counties.
    const before = new DataSource({ ...options, migrations: all.slice(0, at) });
    await before.initialize();
    await before.runMigrations({ transaction: 'each' });
    const importId = randomUUID();
    await before.query(
      `INSERT INTO region (code, level, name_zh, name_en, parent_code)
       VALUES ('640000', 'province', '宁夏', 'Ningxia', NULL), ('640100', 'city', '银川市', 'Yinchuan', '640000')`,
    );
    await before.query(
      `INSERT INTO case_import (id, file_name, file_sha256, file_size, adapter_id, region_code,
          status, uploader, created_by, created_at)
       VALUES ($1, 'cases.csv', $2, 1, 'ningxia', '640100', 'done', '{}', 'test', now())`,
      [importId, 'a'.repeat(64)],
    );
    await before.query(
      `CREATE TABLE case_record_y2022m06 PARTITION OF case_record
         FOR VALUES FROM ('2022-06-01') TO ('2022-07-01')`,
    );
    for (const [region, n] of [
      ['640106', 3],
      ['640181', 2],
    ] as const)
      for (let i = 0; i < n; i++)
        await before.query(
          `INSERT INTO case_record (month, region_code, import_id, case_id, item_code, item_type,
              unit_name, channel, received, promised_days, due, finished, status, evaluation,
              pre_review, is_test)
           VALUES ('2022-06-01', $1, $2, $3, 'I1', 'approval', '审批局', 'window', '2022-06-02',
              0, '2022-06-02', '2022-06-02', '已办结', 5, NULL, false)`,
          [region, importId, `${region}-${i}`],
        );
    await before.destroy();

    const after = new DataSource({ ...options, migrations: all.slice(0, at + 1) });
    await after.initialize();
    await after.runMigrations({ transaction: 'each' });
    const partitions = async () =>
      (
        (await after.query(
          `SELECT c.relname AS name FROM pg_partition_tree('case_record') t
             JOIN pg_class c ON c.oid = t.relid WHERE t.isleaf ORDER BY 1`,
        )) as Array<{ name: string }>
      ).map((r) => r.name);
    const counts = async () =>
      (
        (await after.query(
          `SELECT tableoid::regclass::text AS part, count(*)::int AS n FROM case_record
            GROUP BY 1 ORDER BY 1`,
        )) as Array<{ part: string; n: number }>
      ).map((r) => `${r.part}=${r.n}`);
    expect(await partitions()).toEqual([
      'case_record_y2022m06_r640106',
      'case_record_y2022m06_r640181',
    ]);
    expect(await counts()).toEqual([
      'case_record_y2022m06_r640106=3',
      'case_record_y2022m06_r640181=2',
    ]);

    await after.undoLastMigration({ transaction: 'each' });
    expect(await partitions()).toEqual(['case_record_y2022m06']);
    expect(await counts()).toEqual(['case_record_y2022m06=5']);
    await after.destroy();
  });
});
