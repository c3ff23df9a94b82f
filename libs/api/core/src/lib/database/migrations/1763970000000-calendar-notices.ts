import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Calendar notices loaded by administrators (ADR 0011): each year's State Council notice
 * (国务院办公厅关于YYYY年部分节假日安排的通知, `region_prefix` '') or a region's own notice, the
 * days it brought (`working_calendar_day.notice_id`), and on each task what its deadline was
 * counted from, so that a provisional deadline can be counted again with the same number of
 * working days once the year's notice is in.
 */
export class CalendarNotices1763970000000 implements MigrationInterface {
  name = 'CalendarNotices1763970000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE working_calendar_notice (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        year             integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        region_prefix    text NOT NULL DEFAULT '' CHECK (region_prefix ~ '^[0-9]{0,12}$'),
        title            text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        document_number  text,
        day_count        integer NOT NULL CHECK (day_count >= 0),
        loaded_by        text NOT NULL,
        loaded_at        timestamptz NOT NULL,
        UNIQUE (year, region_prefix)
      )`);
    await q.query(`
      ALTER TABLE working_calendar_day
        ADD COLUMN notice_id uuid REFERENCES working_calendar_notice(id) ON DELETE SET NULL`);
    await q.query(
      `CREATE INDEX working_calendar_day_notice_idx ON working_calendar_day (notice_id)`,
    );
    await q.query(`
      ALTER TABLE task
        ADD COLUMN deadline_from date,
        ADD COLUMN deadline_working_days integer CHECK (deadline_working_days >= 1),
        ADD COLUMN deadline_provisional_years integer[] NOT NULL DEFAULT '{}'`);
    await q.query(
      `CREATE INDEX task_deadline_provisional_idx ON task USING gin (deadline_provisional_years)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX task_deadline_provisional_idx`);
    await q.query(`
      ALTER TABLE task
        DROP COLUMN deadline_provisional_years,
        DROP COLUMN deadline_working_days,
        DROP COLUMN deadline_from`);
    await q.query(`DROP INDEX working_calendar_day_notice_idx`);
    await q.query(`ALTER TABLE working_calendar_day DROP COLUMN notice_id`);
    await q.query(`DROP TABLE working_calendar_notice`);
  }
}
