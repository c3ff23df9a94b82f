import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, RequirePermissions } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { ScopeService } from '../scope/scope.service';
import { AuditEntryDto, AuditVerdictDto } from './audit.dto';
import { AUDIT_COLUMNS, AuditService, type RawAuditRow } from './audit.service';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly scope: ScopeService,
    private readonly dataSource: DataSource,
  ) {}

  /** Entries that concern the user's regions, newest first. */
  @Get()
  @RequirePermissions('audit:read')
  @ApiQuery({
    name: 'limit',
    required: false,
    schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
    description: 'entries per page (out-of-range values are clamped)',
  })
  @ApiQuery({
    name: 'before',
    required: false,
    schema: { type: 'string', pattern: '^\\d+$', example: '1204' },
    description: 'an entry id: page backwards from it',
  })
  @ApiOkResponse({ description: 'audit entries in scope', type: AuditEntryDto, isArray: true })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query('limit') limitText?: string,
    @Query('before') before?: string,
  ) {
    const scope = await this.scope.resolve(principal);
    const limit = Math.min(Math.max(Number(limitText) || 50, 1), 500);
    const rows: RawAuditRow[] = await this.dataSource.query(
      `SELECT ${AUDIT_COLUMNS} FROM audit_log
        WHERE region_codes && $1::text[] AND ($2::bigint IS NULL OR id < $2::bigint)
        ORDER BY id DESC LIMIT $3`,
      [scope.regionCodes, before && /^\d+$/.test(before) ? before : null, limit],
    );
    return rows.map((r) => ({
      id: String(r.id),
      occurredAt: r.occurred_at.toISOString(),
      actor: r.actor,
      actorRoles: r.actor_roles,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      regionCodes: r.region_codes,
      before: r.before,
      after: r.after,
      requestId: r.request_id,
      clientAddress: r.client_address,
      hash: r.hash,
    }));
  }

  /** Checks the whole hash chain and names the first broken entry. */
  @Get('verify')
  @RequirePermissions('audit:read')
  @ApiOkResponse({
    description: 'whether the chain holds, and where it breaks',
    type: AuditVerdictDto,
  })
  verify() {
    return this.audit.verify();
  }
}
