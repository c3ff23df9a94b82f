import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Inject,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { AuditService, CLOCK, ScopeService, type AuditActor, type Clock } from '@efficacy/api/core';
import type { TaskEvidence } from '@efficacy/api-contract';
import { checkEvidence, EvidenceRejected } from './evidence';
import { TaskRepository } from './task.repository';

/**
 * Evidence files: checked (type, size, name) before they are stored, attached by the lead
 * unit while it works on the task, once per content; every upload and download audited.
 */
@Injectable()
export class TaskEvidenceService {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly scopes: ScopeService,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async add(
    actor: AuditActor,
    id: string,
    file: { originalname: string; buffer: Buffer } | undefined,
  ): Promise<TaskEvidence> {
    if (!file) throw new BadRequestException('attach the evidence file as multipart field "file"');
    const scope = await this.scopes.resolve(actor.principal);
    let checked;
    try {
      checked = checkEvidence(
        Buffer.from(file.originalname, 'latin1').toString('utf8'),
        file.buffer,
      );
    } catch (error) {
      if (error instanceof EvidenceRejected) throw new UnprocessableEntityException(error.message);
      throw error;
    }
    const now = this.clock.now();
    return this.tasks.transaction(async (manager) => {
      const row = await this.tasks.findInScope(manager, scope, id, true);
      if (
        !actor.principal.units.includes(row.lead_unit_id) ||
        !actor.principal.permissions.has('task:work')
      )
        throw new ForbiddenException(
          `only members of the lead unit ${row.lead_unit_id} add evidence to this task`,
        );
      if (!['acknowledged', 'in_progress'].includes(row.state))
        throw new ConflictException(
          `evidence is added while the task is acknowledged or in progress; it is ${row.state.replace('_', ' ')}`,
        );
      if (await this.tasks.hasEvidence(manager, id, checked.sha256))
        throw new ConflictException(
          `this file (SHA-256 ${checked.sha256.slice(0, 12)}…) is already attached to the task`,
        );
      const evidenceId = await this.tasks.addEvidence(manager, {
        taskId: id,
        fileName: checked.fileName,
        mediaType: checked.mediaType,
        size: checked.size,
        sha256: checked.sha256,
        bytes: checked.bytes,
        uploadedBy: actor.principal.username,
        uploadedAt: now,
      });
      const meta = {
        evidenceId,
        fileName: checked.fileName,
        mediaType: checked.mediaType,
        size: checked.size,
        sha256: checked.sha256,
      };
      await this.tasks.addEvent(manager, {
        taskId: id,
        at: now,
        actor: actor.principal.username,
        action: 'evidence',
        from: null,
        to: null,
        reason: null,
        data: meta,
      });
      await this.audit.record(manager, actor, {
        action: 'task.evidence.add',
        targetType: 'task',
        targetId: id,
        regionCodes: [row.region_code],
        after: meta,
      });
      return {
        id: evidenceId,
        fileName: checked.fileName,
        mediaType: checked.mediaType,
        size: checked.size,
        sha256: checked.sha256,
        uploadedBy: actor.principal.username,
        uploadedAt: now.toISOString(),
      };
    });
  }

  async download(
    actor: AuditActor,
    id: string,
    evidenceId: string,
  ): Promise<{ name: string; type: string; bytes: Buffer }> {
    const scope = await this.scopes.resolve(actor.principal);
    return this.tasks.transaction(async (manager) => {
      const row = await this.tasks.findInScope(manager, scope, id, false);
      const ev = await this.tasks.evidenceFile(manager, id, evidenceId);
      if (!ev) throw new NotFoundException(`evidence "${evidenceId}" not found on this task`);
      await this.audit.record(manager, actor, {
        action: 'task.evidence.download',
        targetType: 'task',
        targetId: id,
        regionCodes: [row.region_code],
        after: { evidenceId, fileName: ev.file_name, sha256: ev.sha256 },
      });
      return { name: ev.file_name, type: ev.media_type, bytes: ev.bytes };
    });
  }
}
