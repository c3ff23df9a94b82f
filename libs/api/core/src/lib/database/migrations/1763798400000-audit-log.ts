import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The append-only audit log. Each row carries the hash of the previous row so
 * that an edited or deleted entry breaks the chain; the trigger refuses UPDATE
 * and DELETE for every role that does not first disable it on purpose.
 */
export class AuditLog1763798400000 implements MigrationInterface {
  name = 'AuditLog1763798400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_log (
        id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at     timestamptz NOT NULL,
        actor           text        NOT NULL,
        actor_roles     text[]      NOT NULL,
        actor_scope     jsonb       NOT NULL,
        region_codes    text[]      NOT NULL,
        action          text        NOT NULL,
        target_type     text        NOT NULL,
        target_id       text,
        before          jsonb,
        after           jsonb,
        request_id      text,
        client_address  text,
        prev_hash       char(64)    NOT NULL,
        hash            char(64)    NOT NULL UNIQUE
      )`);
    await q.query(`CREATE INDEX audit_log_target_idx ON audit_log (target_type, target_id)`);
    await q.query(`CREATE INDEX audit_log_occurred_at_idx ON audit_log (occurred_at)`);
    await q.query(`CREATE INDEX audit_log_regions_idx ON audit_log USING gin (region_codes)`);
    await q.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP;
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_log_append_only
        BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_log_no_truncate
        BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP FUNCTION audit_log_append_only()`);
  }
}
