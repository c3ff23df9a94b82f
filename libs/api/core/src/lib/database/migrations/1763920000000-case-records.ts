import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Case records (办件) at city scale (ADR 0008). `case_record` is range-partitioned by the month
 * a case was received; month partitions are created on demand by the ingestion, so a year of
 * a city is twelve tables that COPY fills and a recompute scans one at a time. The table has no
 * index on purpose: COPY speed is the point, and every read is one month partition filtered by
 * region. `case_slot` says which import owns each (region, month); `case_item_month` keeps the
 * distinct items per unit and month so period coverage never rescans cases.
 */
export class CaseRecords1763920000000 implements MigrationInterface {
  name = 'CaseRecords1763920000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_import (
        id              uuid PRIMARY KEY,
        file_name       text NOT NULL,
        file_sha256     char(64) NOT NULL,
        file_size       bigint NOT NULL,
        stored_path     text,
        adapter_id      text NOT NULL,
        region_code     text NOT NULL REFERENCES region(code),
        status          text NOT NULL CHECK (status IN ('queued','running','done','failed')),
        job_id          text,
        bytes_done      bigint NOT NULL DEFAULT 0,
        rows_done       bigint NOT NULL DEFAULT 0,
        rows_per_second numeric,
        as_of           date,
        slots           jsonb NOT NULL DEFAULT '[]',
        error           text,
        uploader        jsonb NOT NULL,
        created_by      text NOT NULL,
        created_at      timestamptz NOT NULL,
        started_at      timestamptz,
        finished_at     timestamptz
      )`);
    // One live import per file content: the same file again changes nothing.
    await q.query(
      `CREATE UNIQUE INDEX case_import_live_file_idx ON case_import (file_sha256) WHERE status <> 'failed'`,
    );
    await q.query(
      `CREATE INDEX case_import_region_idx ON case_import (region_code, created_at DESC)`,
    );
    await q.query(`
      CREATE TABLE case_record (
        month          date NOT NULL,
        region_code    text NOT NULL,
        import_id      uuid NOT NULL,
        case_id        text NOT NULL,
        item_code      text NOT NULL,
        item_type      text NOT NULL,
        unit_name      text NOT NULL,
        channel        text NOT NULL,
        received       date NOT NULL,
        promised_days  smallint NOT NULL,
        due            date NOT NULL,
        finished       date,
        status         text NOT NULL,
        evaluation     smallint,
        pre_review     text,
        is_test        boolean NOT NULL
      ) PARTITION BY RANGE (month)`);
    await q.query(`
      CREATE TABLE case_slot (
        region_code  text NOT NULL,
        month        date NOT NULL,
        import_id    uuid NOT NULL REFERENCES case_import(id),
        rows         bigint NOT NULL,
        as_of        date NOT NULL,
        computed_at  timestamptz NOT NULL,
        PRIMARY KEY (region_code, month)
      )`);
    await q.query(`
      CREATE TABLE case_item_month (
        region_code  text NOT NULL,
        month        date NOT NULL,
        unit_name    text NOT NULL,
        item_code    text NOT NULL,
        cases        integer NOT NULL,
        test_cases   integer NOT NULL,
        PRIMARY KEY (region_code, month, unit_name, item_code)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['case_item_month', 'case_slot', 'case_record', 'case_import'])
      await q.query(`DROP TABLE ${table}`);
  }
}
