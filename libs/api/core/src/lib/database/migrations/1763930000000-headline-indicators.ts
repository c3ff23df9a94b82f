import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The headline indicators an administrator chose for a region's overview. A region without
 * its own list inherits the nearest ancestor's, and the catalogue's default applies above that.
 */
export class HeadlineIndicators1763930000000 implements MigrationInterface {
  name = 'HeadlineIndicators1763930000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE headline_set (
        region_code  text PRIMARY KEY REFERENCES region(code),
        indicators   text[] NOT NULL CHECK (cardinality(indicators) BETWEEN 1 AND 12),
        set_by       text NOT NULL,
        set_at       timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE headline_set`);
  }
}
