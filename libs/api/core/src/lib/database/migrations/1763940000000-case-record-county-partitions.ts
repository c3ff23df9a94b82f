import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Case records partitioned by month and then by county (ADR 0008): a corrected county-month
 * replaces and recomputes only its own partition instead of scanning every county of the
 * month. Ingestion creates both levels on demand; this migration moves the month partitions
 * that exist into the new shape, rows included.
 */
export class CaseRecordCountyPartitions1763940000000 implements MigrationInterface {
  name = 'CaseRecordCountyPartitions1763940000000';

  async up(q: QueryRunner): Promise<void> {
    for (const month of await monthPartitions(q)) {
      const old = await detach(q, month);
      await q.query(
        `CREATE TABLE ${month.name} PARTITION OF case_record ${month.bound} PARTITION BY LIST (region_code)`,
      );
      const regions: Array<{ code: string }> = await q.query(
        `SELECT DISTINCT region_code AS code FROM ${old}`,
      );
      for (const { code } of regions) {
        if (!/^\d{6}$/.test(code))
          throw new Error(`case_record holds region code "${code}", which is not six digits`);
        await q.query(
          `CREATE TABLE ${month.name}_r${code} PARTITION OF ${month.name} FOR VALUES IN ('${code}')`,
        );
      }
      await q.query(`INSERT INTO ${month.name} SELECT * FROM ${old}`);
      await q.query(`DROP TABLE ${old}`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const month of await monthPartitions(q)) {
      const old = await detach(q, month);
      await q.query(`CREATE TABLE ${month.name} PARTITION OF case_record ${month.bound}`);
      await q.query(`INSERT INTO ${month.name} SELECT * FROM ${old}`);
      await q.query(`DROP TABLE ${old}`);
    }
  }
}

interface MonthPartition {
  name: string;
  /** e.g. FOR VALUES FROM ('2022-06-01') TO ('2022-07-01') */
  bound: string;
}

/** The direct partitions of case_record, with the bounds PostgreSQL prints for them. */
async function monthPartitions(q: QueryRunner): Promise<MonthPartition[]> {
  const rows: MonthPartition[] = await q.query(
    `SELECT c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bound
       FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = 'case_record'::regclass ORDER BY c.relname`,
  );
  for (const row of rows)
    if (!/^case_record_y\d{4}m\d{2}$/.test(row.name))
      throw new Error(`unexpected partition ${row.name} of case_record`);
  return rows;
}

/** Detaches a month partition and renames it out of the way; returns its new name. */
async function detach(q: QueryRunner, month: MonthPartition): Promise<string> {
  const old = `${month.name}_old`;
  await q.query(`ALTER TABLE case_record DETACH PARTITION ${month.name}`);
  await q.query(`ALTER TABLE ${month.name} RENAME TO ${old}`);
  return old;
}
