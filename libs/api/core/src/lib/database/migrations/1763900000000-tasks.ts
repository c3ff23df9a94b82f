import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rectification tasks (整改任务): the task, its event history (the only source of elapsed,
 * remaining and overdue time), evidence files with their hash, reminders recorded once per
 * level and deadline, the reminder policy, and the working-day calendar as data.
 */
export class Tasks1763900000000 implements MigrationInterface {
  name = 'Tasks1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE task (
        id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number             bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        title              text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        detail             text NOT NULL DEFAULT '',
        source             text NOT NULL CHECK (source IN ('indicator','discrepancy','bad-review','overdue-case','plan-item','free')),
        source_ref         text,
        state              text NOT NULL CHECK (state IN ('draft','assigned','acknowledged','in_progress','submitted','signed_off','closed','cancelled')),
        region_code        text NOT NULL REFERENCES region(code),
        lead_unit_id       text NOT NULL REFERENCES unit(id),
        co_unit_ids        text[] NOT NULL DEFAULT '{}',
        opener_region      text NOT NULL REFERENCES region(code),
        opened_by          text NOT NULL,
        opened_at          timestamptz NOT NULL,
        original_deadline  date NOT NULL,
        deadline           date NOT NULL,
        indicator          text,
        period             text,
        snapshot           jsonb,
        report             text,
        pending_extension  jsonb,
        effect             text CHECK (effect IN ('pending','effective','not_effective','not_applicable')),
        effect_snapshot    jsonb,
        updated_at         timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX task_region_state_idx ON task (region_code, state)`);
    await q.query(`CREATE INDEX task_lead_unit_idx ON task (lead_unit_id)`);
    await q.query(`CREATE INDEX task_indicator_idx ON task (indicator, period, lead_unit_id)`);
    await q.query(`
      CREATE TABLE task_event (
        id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        task_id     uuid NOT NULL REFERENCES task(id),
        at          timestamptz NOT NULL,
        actor       text NOT NULL,
        action      text NOT NULL,
        from_state  text,
        to_state    text,
        reason      text,
        data        jsonb
      )`);
    await q.query(`CREATE INDEX task_event_task_idx ON task_event (task_id, id)`);
    // Events are history: corrected by a new event, never rewritten.
    await q.query(`
      CREATE FUNCTION task_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'task_event is append-only';
      END $$`);
    await q.query(`
      CREATE TRIGGER task_event_no_change BEFORE UPDATE OR DELETE ON task_event
      FOR EACH ROW EXECUTE FUNCTION task_event_append_only()`);
    await q.query(`
      CREATE TABLE task_evidence (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id      uuid NOT NULL REFERENCES task(id),
        file_name    text NOT NULL,
        media_type   text NOT NULL,
        size         integer NOT NULL CHECK (size > 0),
        sha256       text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        bytes        bytea NOT NULL,
        uploaded_by  text NOT NULL,
        uploaded_at  timestamptz NOT NULL,
        UNIQUE (task_id, sha256)
      )`);
    await q.query(`
      CREATE TABLE task_reminder (
        task_id   uuid NOT NULL REFERENCES task(id),
        level     text NOT NULL CHECK (level IN ('due-soon','due-today','yellow','red')),
        deadline  date NOT NULL,
        at        timestamptz NOT NULL,
        PRIMARY KEY (task_id, level, deadline)
      )`);
    await q.query(`
      CREATE TABLE task_reminder_policy (
        id                 integer PRIMARY KEY CHECK (id = 1),
        due_soon_days      integer NOT NULL CHECK (due_soon_days BETWEEN 0 AND 30),
        yellow_after_days  integer NOT NULL CHECK (yellow_after_days BETWEEN 1 AND 30),
        red_after_days     integer NOT NULL CHECK (red_after_days BETWEEN 1 AND 60),
        updated_by         text,
        updated_at         timestamptz,
        CHECK (red_after_days >= yellow_after_days)
      )`);
    await q.query(
      `INSERT INTO task_reminder_policy (id, due_soon_days, yellow_after_days, red_after_days) VALUES (1, 2, 1, 3)`,
    );
    await q.query(`
      CREATE TABLE working_calendar_day (
        date           date NOT NULL,
        region_prefix  text NOT NULL DEFAULT '' CHECK (region_prefix ~ '^[0-9]{0,12}$'),
        kind           text NOT NULL CHECK (kind IN ('holiday','workday')),
        name           text NOT NULL,
        updated_by     text,
        updated_at     timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (date, region_prefix)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE working_calendar_day`);
    await q.query(`DROP TABLE task_reminder_policy`);
    await q.query(`DROP TABLE task_reminder`);
    await q.query(`DROP TABLE task_evidence`);
    await q.query(`DROP TABLE task_event`);
    await q.query(`DROP FUNCTION task_event_append_only`);
    await q.query(`DROP TABLE task`);
  }
}
