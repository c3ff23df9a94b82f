import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The registry as real places (ADR 0012): which reference data a database holds (an edition of
 * the official division tables, the demo), which edition last listed each region, region
 * successions with their dates, and the unit kinds bulletins rank that are not regions.
 *
 * A database that already holds the demo registry loaded the old way (into an empty registry,
 * audited as reference-data.load) is marked as having the demo, so it is not loaded twice.
 */
export class RegionEditions1764100000001 implements MigrationInterface {
  name = 'RegionEditions1764100000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reference_data_load (
        id              text PRIMARY KEY,
        kind            text NOT NULL CHECK (kind IN ('region-edition','demo')),
        title           text NOT NULL,
        source          text NOT NULL,
        effective_from  date,
        counts          jsonb NOT NULL,
        loaded_at       timestamptz NOT NULL,
        CHECK (kind <> 'region-edition' OR effective_from IS NOT NULL)
      )`);
    // The edition that last listed the region; null for regions entered by hand or by the demo.
    await q.query(`ALTER TABLE region ADD COLUMN edition text REFERENCES reference_data_load(id)`);
    await q.query(`CREATE INDEX region_edition_idx ON region (edition)`);
    await q.query(`CREATE INDEX region_link_child_idx ON region_link (child_code)`);
    await q.query(`CREATE INDEX region_link_parent_idx ON region_link (parent_code)`);
    await q.query(`
      CREATE TABLE region_succession (
        id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        kind         text NOT NULL CHECK (kind IN ('merge','split','rename')),
        date         date NOT NULL,
        from_codes   text[] NOT NULL CHECK (cardinality(from_codes) > 0),
        to_codes     text[] NOT NULL CHECK (cardinality(to_codes) > 0),
        note         text,
        edition      text REFERENCES reference_data_load(id),
        recorded_by  text NOT NULL,
        recorded_at  timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE INDEX region_succession_from_idx ON region_succession USING gin (from_codes)`,
    );
    await q.query(
      `CREATE INDEX region_succession_to_idx ON region_succession USING gin (to_codes)`,
    );
    await q.query(`ALTER TABLE unit DROP CONSTRAINT unit_kind_check`);
    await q.query(`
      ALTER TABLE unit ADD CONSTRAINT unit_kind_check CHECK (kind IN
        ('department','development-zone','service-hall','service-centre','hall-window','company'))`);
    await q.query(`
      INSERT INTO reference_data_load (id, kind, title, source, counts, loaded_at)
      SELECT 'demo', 'demo', 'demo regions, units and targets of the seed bulletins',
             'loaded before region editions', a.after, a.occurred_at
        FROM audit_log a WHERE a.action = 'reference-data.load'
       ORDER BY a.id LIMIT 1`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE unit DROP CONSTRAINT unit_kind_check`);
    await q.query(
      `DELETE FROM unit WHERE kind NOT IN ('department','service-centre','hall-window')`,
    );
    await q.query(
      `ALTER TABLE unit ADD CONSTRAINT unit_kind_check CHECK (kind IN ('department','service-centre','hall-window'))`,
    );
    await q.query(`DROP TABLE region_succession`);
    await q.query(`DROP INDEX region_link_parent_idx`);
    await q.query(`DROP INDEX region_link_child_idx`);
    await q.query(`ALTER TABLE region DROP COLUMN edition`);
    await q.query(`DROP TABLE reference_data_load`);
  }
}
