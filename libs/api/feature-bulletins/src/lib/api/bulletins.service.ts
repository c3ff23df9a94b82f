import { createHash } from 'node:crypto';
import {
  BadRequestException,
  ConflictException,
  Inject,
  Injectable,
  Logger,
  NotFoundException,
  ServiceUnavailableException,
  UnprocessableEntityException,
  type OnModuleInit,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import type {
  BulletinDetail,
  BulletinDocument,
  BulletinFormat,
  BulletinOffice,
  BulletinOfficeSettings,
  BulletinStatus,
  BulletinSummary,
  BulletinTemplateVersion,
  BulletinTemplates,
} from '@efficacy/api-contract';
import { beijingDate } from '@efficacy/api-contract';
import {
  AuditService,
  CLOCK,
  JobQueue,
  ScopeService,
  jobActor,
  jobInitiator,
  type AuditActor,
  type JobInitiator,
  type Clock,
  type Principal,
} from '@efficacy/api/core';
import { AssessmentContextService, runEngine } from '@efficacy/api/feature-registry';
import { formatPeriod, isValidPeriod, parsePeriod } from '@efficacy/indicator-model';
import {
  NoFiguresError,
  composeBulletin,
  missingOffice,
  officeFieldLabel,
  officeFor,
  officeOf,
  withOffice,
} from '../composition/compose';
import { DEFAULT_TEMPLATES, checkTemplates } from '../composition/templates';
import { CJK_FONT_ADVICE, ChartFontError, findCjkFont, renderChart } from '../render/charts';
import { renderDocx } from '../render/docx';
import { PdfUnavailableError, convertDocx } from '../render/pdf';
import { renderXlsx } from '../render/xlsx';
import { BulletinsRepository, toSummary, type BulletinRow } from './bulletins.repository';

export const CONTENT_TYPES: Readonly<Record<BulletinFormat, string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

function bulletinNotFound(id: string): NotFoundException {
  return new NotFoundException(`bulletin "${id}" not found`);
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function checkPeriod(period: string): string {
  if (!isValidPeriod(period)) {
    throw new BadRequestException(
      `period "${period}" is not a period: use 2023-06, 2022-01..2022-08, 2022-H1 or 2022-Q3`,
    );
  }
  return formatPeriod(parsePeriod(period));
}

export interface RenderedFiles {
  readonly docx: Buffer;
  readonly xlsx: Buffer;
}

/**
 * Renders the two files every bulletin has; charts are drawn on the server from ECharts. A chart
 * whose Chinese labels the server cannot draw stops the render with the reason (503).
 */
export async function renderFiles(document: BulletinDocument): Promise<RenderedFiles> {
  let charts;
  try {
    charts = document.charts.map((c) => renderChart(c));
  } catch (error) {
    if (error instanceof ChartFontError) throw new ServiceUnavailableException(error.message);
    throw error;
  }
  const [docx, xlsx] = await Promise.all([renderDocx(document, charts), renderXlsx(document)]);
  return { docx, xlsx };
}

/** Converts a published bulletin's frozen .docx to PDF in the background (ADR 0007). */
export const BULLETIN_PDF_JOB = 'bulletins.render-pdf';

@Injectable()
export class BulletinsService implements OnModuleInit {
  private readonly log = new Logger('BulletinsService');

  constructor(
    private readonly dataSource: DataSource,
    private readonly bulletins: BulletinsRepository,
    private readonly contexts: AssessmentContextService,
    private readonly scopes: ScopeService,
    private readonly audit: AuditService,
    private readonly jobs: JobQueue,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    const font = findCjkFont();
    if (font) this.log.log(`charts are drawn with ${font.family} (${font.file})`);
    else
      this.log.error(
        `no CJK font on the server: bulletins with charts cannot be rendered until one is installed; ${CJK_FONT_ADVICE}`,
      );
    this.jobs.register<{ id: string; by: JobInitiator }>({
      name: BULLETIN_PDF_JOB,
      // Without LibreOffice a retry does not help; the download says what is missing.
      retryLimit: 1,
      handler: ({ id, by }) => this.renderPdf(id, by),
    });
  }

  /**
   * The PDF of a published bulletin, converted once from its frozen .docx and kept beside it,
   * so that a download at the meeting does not wait for LibreOffice. Does nothing when the PDF
   * is there already (a download got to it first) or LibreOffice is missing.
   */
  async renderPdf(id: string, by: JobInitiator): Promise<void> {
    if (await this.bulletins.file(id, 'pdf')) return;
    const docx = await this.bulletins.file(id, 'docx');
    if (!docx) return;
    let bytes: Buffer;
    try {
      bytes = await convertDocx(docx.bytes, 'pdf');
    } catch (error) {
      if (error instanceof PdfUnavailableError) {
        this.log.warn(`bulletin ${id}: no PDF at publication: ${error.message}`);
        return;
      }
      throw error;
    }
    await this.dataSource.transaction(async (m) => {
      await this.bulletins.saveFile(m, id, 'pdf', bytes, sha256(bytes));
      await this.audit.record(m, jobActor(by, `job:pdf:${id}`), {
        action: 'bulletin.pdf',
        targetType: 'bulletin',
        targetId: id,
        regionCodes: by.regions,
        after: { pdfSha256: sha256(bytes), bytes: bytes.length },
      });
    });
  }

  /** 成文日期: the Beijing date on the business clock, whatever the server's time zone. */
  private today(): string {
    return beijingDate(this.clock.now());
  }

  /** The office's next 发文字号 in the year of `issueDate`. */
  private async nextSequence(regionCode: string, issueDate: string): Promise<number> {
    const year = Number(issueDate.slice(0, 4));
    return (await this.bulletins.publishedCount(this.dataSource.manager, regionCode, year)) + 1;
  }

  private async templatesOf(regionCode: string): Promise<BulletinTemplateVersion> {
    const latest = await this.bulletins.latestTemplates(regionCode);
    if (!latest) return { regionCode, version: 0, templates: DEFAULT_TEMPLATES, isDefault: true };
    return {
      regionCode,
      version: latest.version,
      templates: latest.templates,
      isDefault: false,
      updatedBy: latest.createdBy,
      updatedAt: latest.createdAt.toISOString(),
    };
  }

  /** Composes from the committed figures the user may see; an out-of-scope region is not found. */
  private async compose(
    principal: Principal,
    regionCode: string,
    period: string,
    corrects?: BulletinDocument['corrects'],
  ): Promise<{ document: BulletinDocument; templateVersion: number }> {
    const normalised = checkPeriod(period);
    const scope = await this.scopes.resolve(principal);
    const { context } = await this.contexts.forRegion(scope, regionCode, normalised);
    const templates = await this.templatesOf(regionCode);
    const issueDate = this.today();
    const sequence = await this.nextSequence(regionCode, issueDate);
    const document = runEngine(() => {
      try {
        return composeBulletin(context, {
          regionCode,
          period: normalised,
          templates: templates.templates,
          sequence,
          issueDate,
          ...(corrects ? { corrects } : {}),
        });
      } catch (error) {
        if (error instanceof NoFiguresError) throw new UnprocessableEntityException(error.message);
        throw error;
      }
    });
    return { document, templateVersion: templates.version };
  }

  preview(principal: Principal, regionCode: string, period: string): Promise<BulletinDocument> {
    return this.compose(principal, regionCode, period).then((r) => r.document);
  }

  async list(
    principal: Principal,
    filter: { region?: string; status?: BulletinStatus },
  ): Promise<BulletinSummary[]> {
    const scope = await this.scopes.resolve(principal);
    const rows = await this.bulletins.list(scope, filter);
    return rows.map((r) => toSummary(r, r.document.regionNameZh));
  }

  async get(principal: Principal, id: string): Promise<BulletinDetail> {
    const scope = await this.scopes.resolve(principal);
    const row = await this.bulletins.find(scope, id);
    if (!row) throw bulletinNotFound(id);
    return { ...toSummary(row, row.document.regionNameZh), document: row.document };
  }

  async draft(actor: AuditActor, regionCode: string, period: string): Promise<BulletinDetail> {
    const { document, templateVersion } = await this.compose(actor.principal, regionCode, period);
    const id = await this.dataSource.transaction(async (manager) => {
      const id = await this.bulletins.insert(manager, {
        regionCode,
        period: document.period,
        title: document.title,
        documentNumber: document.documentNumber,
        document,
        templateVersion: templateVersion || null,
        createdBy: actor.principal.username,
      });
      await this.audit.record(manager, actor, {
        action: 'bulletin.draft',
        targetType: 'bulletin',
        targetId: id,
        regionCodes: [regionCode],
        after: { regionCode, period: document.period, title: document.title, templateVersion },
      });
      return id;
    });
    return this.get(actor.principal, id);
  }

  async erratum(actor: AuditActor, id: string, reason: string): Promise<BulletinDetail> {
    const original = await this.get(actor.principal, id);
    if (original.status !== 'published') {
      throw new ConflictException(
        `bulletin "${id}" is a draft: edit it by drafting again; errata correct published bulletins`,
      );
    }
    const { document, templateVersion } = await this.compose(
      actor.principal,
      original.regionCode,
      original.period,
      { id: original.id, documentNumber: original.documentNumber, reason },
    );
    const titled = { ...document, title: `关于更正《${original.title}》的通报` };
    const newId = await this.dataSource.transaction(async (manager) => {
      const newId = await this.bulletins.insert(manager, {
        regionCode: original.regionCode,
        period: original.period,
        title: titled.title,
        documentNumber: titled.documentNumber,
        document: titled,
        templateVersion: templateVersion || null,
        correctsId: original.id,
        erratumReason: reason,
        createdBy: actor.principal.username,
      });
      await this.audit.record(manager, actor, {
        action: 'bulletin.erratum',
        targetType: 'bulletin',
        targetId: newId,
        regionCodes: [original.regionCode],
        before: { id: original.id, documentNumber: original.documentNumber },
        after: { id: newId, reason },
      });
      return newId;
    });
    return this.get(actor.principal, newId);
  }

  /**
   * Freezes the draft as reviewed: assigns the document number and issue date, renders the
   * .docx and .xlsx, and stores document and files; the row then refuses every change.
   */
  async publish(actor: AuditActor, id: string): Promise<BulletinDetail> {
    const scope = await this.scopes.resolve(actor.principal);
    await this.dataSource
      .transaction(async (manager) => {
        const row: BulletinRow | undefined = await this.bulletins.lock(scope, id, manager);
        if (!row) throw bulletinNotFound(id);
        if (row.status === 'published') {
          throw new ConflictException(
            `bulletin "${id}" is already published as ${row.document_number}`,
          );
        }
        const now = this.clock.now();
        const issueDate = beijingDate(now);
        const year = Number(issueDate.slice(0, 4));
        const office = officeFor((await this.templatesOf(row.region_code)).templates, row.document);
        const missing = missingOffice(office);
        if (missing.length > 0) {
          throw new UnprocessableEntityException(
            `bulletin "${id}" cannot be published: the office settings of region ${row.region_code} lack ${missing.map(officeFieldLabel).join('、')}; set them with PUT /api/bulletins/office/${row.region_code}`,
          );
        }
        await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
          `bulletin_number:${row.region_code}:${year}`,
        ]);
        const n = (await this.bulletins.publishedCount(manager, row.region_code, year)) + 1;
        const document: BulletinDocument = withOffice(row.document, office, issueDate, n);
        const number = document.documentNumber;
        const files = await renderFiles(document);
        await this.bulletins.saveFile(manager, id, 'docx', files.docx, sha256(files.docx));
        await this.bulletins.saveFile(manager, id, 'xlsx', files.xlsx, sha256(files.xlsx));
        await this.bulletins.publish(manager, id, {
          documentNumber: number,
          document,
          publishedBy: actor.principal.username,
          at: now,
        });
        await this.audit.record(manager, actor, {
          action: 'bulletin.publish',
          targetType: 'bulletin',
          targetId: id,
          regionCodes: [row.region_code],
          before: { status: 'draft' },
          after: {
            status: 'published',
            documentNumber: number,
            docxSha256: sha256(files.docx),
            xlsxSha256: sha256(files.xlsx),
            ...(row.corrects_id ? { corrects: row.corrects_id } : {}),
          },
        });
      })
      .catch((error: unknown) => {
        // Two offices with the same prefix would draw the same number in the same year.
        const e = error as {
          code?: string;
          constraint?: string;
          driverError?: { constraint?: string };
        };
        if (
          e.code === '23505' &&
          (e.constraint ?? e.driverError?.constraint) === 'bulletin_number_idx'
        ) {
          throw new ConflictException(
            `bulletin "${id}" cannot be published: another region's office already issued its number with the same 发文字号 prefix; give this region's office a prefix of its own (PUT /api/bulletins/office/{region})`,
          );
        }
        throw error;
      });
    // The PDF follows in the background; a download before it is ready converts it itself.
    await this.jobs
      .send(BULLETIN_PDF_JOB, { id, by: jobInitiator(actor.principal) }, { singletonKey: id })
      .catch((error: unknown) =>
        this.log.warn(
          `bulletin ${id}: could not queue its PDF: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
    return this.get(actor.principal, id);
  }

  /**
   * The file of a bulletin: a published one's frozen bytes (the PDF is converted from the frozen
   * .docx after publication, or here if asked for before that finished, and kept), a draft's
   * rendered now. Every download is audited.
   */
  async download(
    actor: AuditActor,
    id: string,
    format: BulletinFormat,
  ): Promise<{ name: string; bytes: Buffer; type: string }> {
    const scope = await this.scopes.resolve(actor.principal);
    const row = await this.bulletins.find(scope, id);
    if (!row) throw bulletinNotFound(id);
    let bytes: Buffer;
    if (row.status === 'published') {
      const stored = await this.bulletins.file(id, format);
      if (stored) bytes = stored.bytes;
      else if (format === 'pdf') {
        const docx = await this.bulletins.file(id, 'docx');
        if (!docx) throw bulletinNotFound(id);
        bytes = await this.pdf(docx.bytes);
        await this.dataSource.transaction((m) =>
          this.bulletins.saveFile(m, id, 'pdf', bytes, sha256(bytes)),
        );
      } else throw bulletinNotFound(id);
    } else {
      const files = await renderFiles(row.document);
      bytes = format === 'pdf' ? await this.pdf(files.docx) : files[format];
    }
    const name = `${row.document_number.replace(/[\s\u3000]/g, '')}-${row.title}.${format}`;
    await this.dataSource.transaction((manager) =>
      this.audit.record(manager, actor, {
        action: 'bulletin.download',
        targetType: 'bulletin',
        targetId: id,
        regionCodes: [row.region_code],
        after: { format, status: row.status, sha256: sha256(bytes), bytes: bytes.length },
      }),
    );
    return { name, bytes, type: CONTENT_TYPES[format] };
  }

  /**
   * A file of the bulletin as it would be drafted now, without saving a draft (`efficacy
   * bulletin` without --save). The download is audited like any other.
   */
  async previewFile(
    actor: AuditActor,
    regionCode: string,
    period: string,
    format: BulletinFormat,
  ): Promise<{ name: string; bytes: Buffer; type: string }> {
    const { document } = await this.compose(actor.principal, regionCode, period);
    const files = await renderFiles(document);
    const bytes = format === 'pdf' ? await this.pdf(files.docx) : files[format];
    await this.dataSource.transaction((manager) =>
      this.audit.record(manager, actor, {
        action: 'bulletin.download',
        targetType: 'bulletin-preview',
        targetId: `${regionCode}:${document.period}`,
        regionCodes: [regionCode],
        after: { format, status: 'preview', sha256: sha256(bytes), bytes: bytes.length },
      }),
    );
    return { name: `预览-${document.title}.${format}`, bytes, type: CONTENT_TYPES[format] };
  }

  private async pdf(docx: Buffer): Promise<Buffer> {
    try {
      return await convertDocx(docx, 'pdf');
    } catch (error) {
      if (error instanceof PdfUnavailableError)
        throw new ServiceUnavailableException(error.message);
      throw error;
    }
  }

  async templates(principal: Principal, regionCode: string): Promise<BulletinTemplateVersion> {
    await this.regionInScope(principal, regionCode);
    return this.templatesOf(regionCode);
  }

  async saveTemplates(
    actor: AuditActor,
    regionCode: string,
    templates: BulletinTemplates,
  ): Promise<BulletinTemplateVersion> {
    await this.regionInScope(actor.principal, regionCode);
    const problem = checkTemplates(templates);
    if (problem) throw new BadRequestException(`templates.${problem}`);
    const before = await this.templatesOf(regionCode);
    // The office settings are edited on their own; a template edit keeps them.
    const kept: BulletinTemplates = before.templates.office
      ? { ...templates, office: before.templates.office }
      : templates;
    await this.dataSource.transaction(async (manager) => {
      const version = await this.bulletins.insertTemplates(
        manager,
        regionCode,
        kept,
        actor.principal.username,
      );
      await this.audit.record(manager, actor, {
        action: 'bulletin.templates',
        targetType: 'region',
        targetId: regionCode,
        regionCodes: [regionCode],
        before: { version: before.version, templates: before.templates },
        after: { version, templates: kept },
      });
    });
    return this.templatesOf(regionCode);
  }

  /** The office's 红头, 落款, 发文字号 prefix and 版记 for a region, and what is still missing. */
  async office(principal: Principal, regionCode: string): Promise<BulletinOfficeSettings> {
    await this.regionInScope(principal, regionCode);
    const latest = await this.templatesOf(regionCode);
    const office = latest.templates.office;
    return {
      regionCode,
      ...(office ? { office } : {}),
      missing: missingOffice(officeOf(latest.templates)),
      ...(office && latest.updatedBy ? { updatedBy: latest.updatedBy } : {}),
      ...(office && latest.updatedAt ? { updatedAt: latest.updatedAt } : {}),
    };
  }

  /** Saves the office settings as a new version of the region's templates (audited). */
  async saveOffice(
    actor: AuditActor,
    regionCode: string,
    office: BulletinOffice,
  ): Promise<BulletinOfficeSettings> {
    await this.regionInScope(actor.principal, regionCode);
    const trimmed: BulletinOffice = {
      issuer: office.issuer.trim(),
      signature: office.signature.trim(),
      numberPrefix: office.numberPrefix.trim(),
      copyTo: office.copyTo.trim(),
      printedBy: office.printedBy.trim(),
    };
    const missing = missingOffice(trimmed);
    if (missing.length > 0) {
      throw new BadRequestException(
        `office settings need ${missing.map(officeFieldLabel).join('、')}: a published bulletin prints them`,
      );
    }
    if (/[〔〕[\]\d]$/.test(trimmed.numberPrefix)) {
      throw new BadRequestException(
        `numberPrefix "${trimmed.numberPrefix}" must be the prefix alone (金政务): the year and number are added when the bulletin is issued`,
      );
    }
    const before = await this.templatesOf(regionCode);
    const templates: BulletinTemplates = { ...before.templates, office: trimmed };
    await this.dataSource.transaction(async (manager) => {
      const version = await this.bulletins.insertTemplates(
        manager,
        regionCode,
        templates,
        actor.principal.username,
      );
      await this.audit.record(manager, actor, {
        action: 'bulletin.office',
        targetType: 'region',
        targetId: regionCode,
        regionCodes: [regionCode],
        before: { version: before.version, office: before.templates.office ?? null },
        after: { version, office: trimmed },
      });
    });
    return this.office(actor.principal, regionCode);
  }

  private async regionInScope(principal: Principal, regionCode: string): Promise<void> {
    const scope = await this.scopes.resolve(principal);
    if (!scope.regionCodes.includes(regionCode)) {
      throw new NotFoundException(`region "${regionCode}" not found`);
    }
  }
}
