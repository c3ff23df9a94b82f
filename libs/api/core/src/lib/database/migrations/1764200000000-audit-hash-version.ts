import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audit entries say how their hash was computed. Entries written before this migration
 * were hashed over hand-written sorted JSON and keep version 1 (verified that way for
 * ever); new entries are hashed over RFC 8785 JSON and are written with version 2.
 * Adding a column with a default rewrites no row, so the append-only trigger is not hit.
 */
export class AuditHashVersion1764200000000 implements MigrationInterface {
  name = 'AuditHashVersion1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_log ADD COLUMN hash_version smallint NOT NULL DEFAULT 1`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_log DROP COLUMN hash_version`);
  }
}
