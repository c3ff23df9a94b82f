import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminder thresholds per region, inherited down the region tree: a city administrator sets
 * their city's (or a county's) and no other city's escalation. The single row of
 * `task_reminder_policy` stays as the default where no region above a task has its own.
 */
export class ReminderPolicyPerRegion1763960000000 implements MigrationInterface {
  name = 'ReminderPolicyPerRegion1763960000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE task_reminder_policy_region (
        region_code        text PRIMARY KEY REFERENCES region(code),
        due_soon_days      integer NOT NULL CHECK (due_soon_days BETWEEN 0 AND 30),
        yellow_after_days  integer NOT NULL CHECK (yellow_after_days BETWEEN 1 AND 30),
        red_after_days     integer NOT NULL CHECK (red_after_days BETWEEN 1 AND 60),
        updated_by         text NOT NULL,
        updated_at         timestamptz NOT NULL,
        CHECK (red_after_days >= yellow_after_days)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE task_reminder_policy_region`);
  }
}
