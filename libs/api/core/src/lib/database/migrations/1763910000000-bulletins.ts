import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bulletins (通报): drafts, published bulletins frozen with their rendered files, errata linked
 * to the bulletin they correct, and narrative templates versioned per region. A published
 * bulletin and its files refuse UPDATE and DELETE: a correction is a new bulletin (ADR 0007).
 */
export class Bulletins1763910000000 implements MigrationInterface {
  name = 'Bulletins1763910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE bulletin (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        region_code      text NOT NULL REFERENCES region(code),
        period           text NOT NULL,
        status           text NOT NULL CHECK (status IN ('draft','published')),
        title            text NOT NULL,
        document_number  text NOT NULL,
        document         jsonb NOT NULL,
        template_version integer,
        corrects_id      uuid REFERENCES bulletin(id),
        erratum_reason   text,
        created_by       text NOT NULL,
        created_at       timestamptz NOT NULL DEFAULT now(),
        published_by     text,
        published_at     timestamptz,
        CHECK ((corrects_id IS NULL) = (erratum_reason IS NULL)),
        CHECK ((status = 'published') = (published_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX bulletin_region_idx ON bulletin (region_code, period)`);
    await q.query(`CREATE INDEX bulletin_corrects_idx ON bulletin (corrects_id)`);
    await q.query(
      `CREATE UNIQUE INDEX bulletin_number_idx ON bulletin (document_number) WHERE status = 'published'`,
    );
    await q.query(`
      CREATE TABLE bulletin_file (
        bulletin_id  uuid NOT NULL REFERENCES bulletin(id),
        format       text NOT NULL CHECK (format IN ('docx','xlsx','pdf')),
        bytes        bytea NOT NULL,
        sha256       text NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (bulletin_id, format)
      )`);
    await q.query(`
      CREATE TABLE bulletin_template (
        region_code  text NOT NULL REFERENCES region(code),
        version      integer NOT NULL CHECK (version > 0),
        templates    jsonb NOT NULL,
        created_by   text NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (region_code, version)
      )`);
    await q.query(`
      CREATE FUNCTION bulletin_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'published' THEN
          RAISE EXCEPTION 'bulletin % is published and frozen; issue an erratum instead', OLD.id;
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE FUNCTION bulletin_file_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM bulletin b WHERE b.id = OLD.bulletin_id AND b.status = 'published') THEN
          RAISE EXCEPTION 'the files of bulletin % are frozen', OLD.bulletin_id;
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER bulletin_frozen BEFORE UPDATE OR DELETE ON bulletin
        FOR EACH ROW EXECUTE FUNCTION bulletin_frozen()`);
    await q.query(`
      CREATE TRIGGER bulletin_file_frozen BEFORE UPDATE OR DELETE ON bulletin_file
        FOR EACH ROW EXECUTE FUNCTION bulletin_file_frozen()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE bulletin_template`);
    await q.query(`DROP TABLE bulletin_file`);
    await q.query(`DROP TABLE bulletin`);
    await q.query(`DROP FUNCTION bulletin_file_frozen()`);
    await q.query(`DROP FUNCTION bulletin_frozen()`);
  }
}
