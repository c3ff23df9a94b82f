import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A case import lists the department names of its file that match no registry unit in their
 * county (their cases count in the county total only), so the uploader can add them as
 * aliases instead of wondering why a department's row is short.
 */
export class CaseImportUnmatchedUnits1763950000000 implements MigrationInterface {
  name = 'CaseImportUnmatchedUnits1763950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_import ADD COLUMN unmatched_units jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_import DROP COLUMN unmatched_units`);
  }
}
