import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The shared indicator model as rows: regions and units over time, targets, imports and
 * the figures each import brought. Every figure row carries the region it belongs to
 * (`region_code`) so that data scope is one indexed predicate in every query.
 */
export class RegistryTargetsImports1763800000000 implements MigrationInterface {
  name = 'RegistryTargetsImports1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE region (
        code            text PRIMARY KEY,
        level           text NOT NULL CHECK (level IN ('province','city','county','township','village')),
        name_zh         text NOT NULL,
        name_en         text NOT NULL,
        parent_code     text REFERENCES region(code),
        generated_code  boolean NOT NULL DEFAULT false,
        valid_from      date,
        valid_to        date
      )`);
    await q.query(`CREATE INDEX region_parent_idx ON region (parent_code)`);
    await q.query(`
      CREATE TABLE region_link (
        id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        child_code   text NOT NULL REFERENCES region(code),
        parent_code  text NOT NULL REFERENCES region(code),
        valid_from   date NOT NULL,
        valid_to     date
      )`);
    await q.query(`
      CREATE TABLE unit (
        id           text PRIMARY KEY,
        kind         text NOT NULL CHECK (kind IN ('department','service-centre','hall-window')),
        name_zh      text NOT NULL,
        name_en      text,
        region_code  text NOT NULL REFERENCES region(code),
        valid_from   date,
        valid_to     date
      )`);
    await q.query(`CREATE INDEX unit_region_idx ON unit (region_code)`);
    await q.query(`
      CREATE TABLE unit_alias (
        id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        unit_id      text NOT NULL REFERENCES unit(id) ON DELETE CASCADE,
        alias        text NOT NULL,
        created_by   text NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        UNIQUE (unit_id, alias)
      )`);
    await q.query(`
      CREATE TABLE unit_region_link (
        id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        unit_id      text NOT NULL REFERENCES unit(id),
        region_code  text NOT NULL REFERENCES region(code),
        valid_from   date NOT NULL,
        valid_to     date
      )`);
    await q.query(`
      CREATE TABLE unit_succession (
        id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        kind       text NOT NULL CHECK (kind IN ('merge','split','rename')),
        date       date NOT NULL,
        from_ids   text[] NOT NULL,
        to_ids     text[] NOT NULL,
        note       text
      )`);
    await q.query(`
      CREATE TABLE target (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        indicator      text NOT NULL,
        region_code    text NOT NULL REFERENCES region(code),
        year           integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        comparator     text NOT NULL CHECK (comparator IN ('>=','<=','=','improve')),
        value          numeric,
        deadline       date,
        ongoing        boolean NOT NULL DEFAULT false,
        responsible_zh text,
        note_zh        text,
        source         text,
        set_by         text NOT NULL,
        set_at         timestamptz NOT NULL,
        CHECK (comparator = 'improve' OR value IS NOT NULL)
      )`);
    // Targets are never updated in place: a new row supersedes, the latest set_at wins.
    await q.query(
      `CREATE INDEX target_lookup_idx ON target (indicator, region_code, year, set_at DESC)`,
    );
    await q.query(`
      CREATE TABLE import (
        id              uuid PRIMARY KEY,
        file_name       text NOT NULL,
        file_sha256     char(64) NOT NULL,
        file_size       integer NOT NULL,
        adapter_id      text NOT NULL,
        adapter_version text NOT NULL,
        report_kind     text NOT NULL,
        period          text NOT NULL,
        region_code     text NOT NULL REFERENCES region(code),
        status          text NOT NULL CHECK (status IN ('committed','superseded','rolled_back')),
        supersedes      uuid REFERENCES import(id),
        counts          jsonb NOT NULL,
        warnings        jsonb NOT NULL,
        plan_items      jsonb NOT NULL DEFAULT '[]',
        created_by      text NOT NULL,
        created_at      timestamptz NOT NULL,
        ended_by        text,
        ended_at        timestamptz
      )`);
    // One live import per file content, and one per report slot (a corrected file replaces it).
    await q.query(
      `CREATE UNIQUE INDEX import_live_file_idx ON import (file_sha256) WHERE status = 'committed'`,
    );
    await q.query(`
      CREATE UNIQUE INDEX import_live_slot_idx ON import (adapter_id, report_kind, region_code, period)
      WHERE status = 'committed'`);
    await q.query(`CREATE INDEX import_region_idx ON import (region_code, created_at DESC)`);
    await q.query(`
      CREATE TABLE import_file (
        import_id  uuid PRIMARY KEY REFERENCES import(id) ON DELETE CASCADE,
        bytes      bytea NOT NULL
      )`);
    await q.query(`
      CREATE TABLE observation (
        id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        import_id     uuid NOT NULL REFERENCES import(id) ON DELETE CASCADE,
        region_code   text NOT NULL,
        subject_kind  text NOT NULL CHECK (subject_kind IN ('unit','region','group')),
        subject_id    text NOT NULL,
        period        text NOT NULL,
        measure       text NOT NULL,
        status        text NOT NULL CHECK (status IN ('number','not_connected','not_applicable','missing')),
        value         numeric,
        role          text NOT NULL CHECK (role IN ('row','total','subtotal','benchmark')),
        dimensions    jsonb,
        provenance    jsonb NOT NULL
      )`);
    await q.query(`CREATE INDEX observation_import_idx ON observation (import_id)`);
    await q.query(
      `CREATE INDEX observation_region_period_idx ON observation (region_code, period)`,
    );
    await q.query(`
      CREATE TABLE reported_value (
        id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        import_id     uuid NOT NULL REFERENCES import(id) ON DELETE CASCADE,
        region_code   text NOT NULL,
        subject_kind  text NOT NULL CHECK (subject_kind IN ('unit','region','group')),
        subject_id    text NOT NULL,
        period        text NOT NULL,
        indicator     text NOT NULL,
        status        text NOT NULL CHECK (status IN ('number','not_connected','not_applicable','missing')),
        value         numeric,
        digits        integer,
        rounding      text,
        role          text NOT NULL CHECK (role IN ('row','total','subtotal','benchmark')),
        provenance    jsonb NOT NULL
      )`);
    await q.query(`CREATE INDEX reported_value_import_idx ON reported_value (import_id)`);
    await q.query(
      `CREATE INDEX reported_value_region_period_idx ON reported_value (region_code, period)`,
    );
    await q.query(`
      CREATE TABLE unit_group (
        import_id   uuid NOT NULL REFERENCES import(id) ON DELETE CASCADE,
        id          text NOT NULL,
        label_zh    text NOT NULL,
        unit_ids    text[] NOT NULL,
        PRIMARY KEY (import_id, id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'unit_group',
      'reported_value',
      'observation',
      'import_file',
      'import',
      'target',
      'unit_succession',
      'unit_region_link',
      'unit_alias',
      'unit',
      'region_link',
      'region',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
