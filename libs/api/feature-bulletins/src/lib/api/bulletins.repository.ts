import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type {
  BulletinDocument,
  BulletinFormat,
  BulletinStatus,
  BulletinSummary,
  BulletinTemplates,
} from '@efficacy/api-contract';
import type { DataScope } from '@efficacy/api/core';

export interface BulletinRow {
  id: string;
  region_code: string;
  period: string;
  status: BulletinStatus;
  title: string;
  document_number: string;
  document: BulletinDocument;
  template_version: number | null;
  corrects_id: string | null;
  erratum_reason: string | null;
  created_by: string;
  created_at: Date;
  published_by: string | null;
  published_at: Date | null;
  formats: BulletinFormat[] | null;
  errata: Array<{ id: string; documentNumber: string; status: BulletinStatus }> | null;
}

export interface NewBulletin {
  regionCode: string;
  period: string;
  title: string;
  documentNumber: string;
  document: BulletinDocument;
  templateVersion: number | null;
  correctsId?: string;
  erratumReason?: string;
  createdBy: string;
}

const SELECT = `
  SELECT b.id, b.region_code, b.period, b.status, b.title, b.document_number, b.document,
         b.template_version, b.corrects_id, b.erratum_reason, b.created_by, b.created_at,
         b.published_by, b.published_at,
         (SELECT array_agg(f.format ORDER BY f.format) FROM bulletin_file f WHERE f.bulletin_id = b.id) AS formats,
         (SELECT json_agg(json_build_object('id', e.id, 'documentNumber', e.document_number, 'status', e.status)
                          ORDER BY e.created_at)
            FROM bulletin e WHERE e.corrects_id = b.id) AS errata
    FROM bulletin b`;

export function toSummary(row: BulletinRow, regionNameZh: string): BulletinSummary {
  return {
    id: row.id,
    regionCode: row.region_code,
    regionNameZh,
    period: row.period,
    title: row.title,
    documentNumber: row.document_number,
    status: row.status,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    ...(row.published_by ? { publishedBy: row.published_by } : {}),
    ...(row.published_at ? { publishedAt: row.published_at.toISOString() } : {}),
    ...(row.corrects_id ? { correctsId: row.corrects_id } : {}),
    errata: row.errata ?? [],
    formats: row.formats ?? [],
  };
}

/** Bulletins, their frozen files and the templates, always read within the caller's regions. */
@Injectable()
export class BulletinsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(
    scope: DataScope,
    filter: { region?: string; status?: BulletinStatus },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<BulletinRow[]> {
    // The list carries the region's name, not every document: a year of bulletins with their
    // annexes would otherwise travel to the browser on each visit.
    return manager.query(
      `${SELECT.replace(
        'b.document,',
        "jsonb_build_object('regionNameZh', b.document->'regionNameZh') AS document,",
      )}
        WHERE b.region_code = ANY($1::text[])
          AND ($2::text IS NULL OR b.region_code = $2)
          AND ($3::text IS NULL OR b.status = $3)
        ORDER BY b.created_at DESC, b.id`,
      [scope.regionCodes, filter.region ?? null, filter.status ?? null],
    );
  }

  async find(
    scope: DataScope,
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<BulletinRow | undefined> {
    const rows: BulletinRow[] = await manager.query(
      `${SELECT} WHERE b.id = $1 AND b.region_code = ANY($2::text[])`,
      [id, scope.regionCodes],
    );
    return rows[0];
  }

  /** Locks the row for a state change; a published row is then refused by the trigger anyway. */
  async lock(
    scope: DataScope,
    id: string,
    manager: EntityManager,
  ): Promise<BulletinRow | undefined> {
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT id FROM bulletin WHERE id = $1 AND region_code = ANY($2::text[]) FOR UPDATE`,
      [id, scope.regionCodes],
    );
    return rows[0] ? this.find(scope, id, manager) : undefined;
  }

  async insert(manager: EntityManager, bulletin: NewBulletin): Promise<string> {
    const [row]: Array<{ id: string }> = await manager.query(
      `INSERT INTO bulletin (region_code, period, status, title, document_number, document,
         template_version, corrects_id, erratum_reason, created_by)
       VALUES ($1, $2, 'draft', $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        bulletin.regionCode,
        bulletin.period,
        bulletin.title,
        bulletin.documentNumber,
        JSON.stringify(bulletin.document),
        bulletin.templateVersion,
        bulletin.correctsId ?? null,
        bulletin.erratumReason ?? null,
        bulletin.createdBy,
      ],
    );
    return row.id;
  }

  async publish(
    manager: EntityManager,
    id: string,
    change: { documentNumber: string; document: BulletinDocument; publishedBy: string; at: Date },
  ): Promise<void> {
    await manager.query(
      `UPDATE bulletin SET status = 'published', document_number = $2, document = $3,
              published_by = $4, published_at = $5
        WHERE id = $1 AND status = 'draft'`,
      [id, change.documentNumber, JSON.stringify(change.document), change.publishedBy, change.at],
    );
  }

  /** How many bulletins the region published in a year: the next document number follows. */
  async publishedCount(manager: EntityManager, regionCode: string, year: number): Promise<number> {
    const [row]: Array<{ n: string }> = await manager.query(
      `SELECT count(*) AS n FROM bulletin
        WHERE region_code = $1 AND status = 'published'
          AND extract(year FROM published_at AT TIME ZONE 'Asia/Shanghai') = $2`,
      [regionCode, year],
    );
    return Number(row?.n ?? 0);
  }

  async saveFile(
    manager: EntityManager,
    id: string,
    format: BulletinFormat,
    bytes: Buffer,
    sha256: string,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO bulletin_file (bulletin_id, format, bytes, sha256) VALUES ($1, $2, $3, $4)
       ON CONFLICT (bulletin_id, format) DO NOTHING`,
      [id, format, bytes, sha256],
    );
  }

  async file(
    id: string,
    format: BulletinFormat,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ bytes: Buffer; sha256: string } | undefined> {
    const rows: Array<{ bytes: Buffer; sha256: string }> = await manager.query(
      `SELECT bytes, sha256 FROM bulletin_file WHERE bulletin_id = $1 AND format = $2`,
      [id, format],
    );
    return rows[0];
  }

  async latestTemplates(
    regionCode: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<
    | { version: number; templates: BulletinTemplates; createdBy: string; createdAt: Date }
    | undefined
  > {
    const rows: Array<{
      version: number;
      templates: BulletinTemplates;
      created_by: string;
      created_at: Date;
    }> = await manager.query(
      `SELECT version, templates, created_by, created_at FROM bulletin_template
        WHERE region_code = $1 ORDER BY version DESC LIMIT 1`,
      [regionCode],
    );
    const row = rows[0];
    return row
      ? {
          version: row.version,
          templates: row.templates,
          createdBy: row.created_by,
          createdAt: row.created_at,
        }
      : undefined;
  }

  async insertTemplates(
    manager: EntityManager,
    regionCode: string,
    templates: BulletinTemplates,
    createdBy: string,
  ): Promise<number> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
      `bulletin_template:${regionCode}`,
    ]);
    const [row]: Array<{ version: number }> = await manager.query(
      `INSERT INTO bulletin_template (region_code, version, templates, created_by)
       SELECT $1, COALESCE(MAX(version), 0) + 1, $2, $3 FROM bulletin_template WHERE region_code = $1
       RETURNING version`,
      [regionCode, JSON.stringify(templates), createdBy],
    );
    return row.version;
  }
}
