import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import type { MeResponse } from '@efficacy/api-contract';
import { ApiAuthenticated, CurrentPrincipal } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { MeResponseDto } from './me.dto';

@ApiTags('me')
@ApiAuthenticated()
@Controller('me')
export class MeController {
  constructor(private readonly dataSource: DataSource) {}

  /** The signed-in user: roles, permissions and data scope as the API enforces them. */
  @Get()
  @ApiOkResponse({ description: 'identity, roles, permissions and scope', type: MeResponseDto })
  async me(@CurrentPrincipal() principal: Principal): Promise<MeResponse> {
    const rows: Array<{ code: string; name_zh: string; name_en: string }> =
      await this.dataSource.query(
        'SELECT code, name_zh, name_en FROM region WHERE code = ANY($1::text[])',
        [principal.regions],
      );
    const names = new Map(rows.map((r) => [r.code, r]));
    return {
      username: principal.username,
      displayName: principal.displayName,
      roles: principal.roles,
      permissions: [...principal.permissions],
      scope: {
        // A code the registry does not know yet is still shown, without a name.
        regions: principal.regions.map((code) => ({
          code,
          nameZh: names.get(code)?.name_zh ?? null,
          nameEn: names.get(code)?.name_en ?? null,
        })),
        units: principal.units,
      },
      tokenExpiresAt: principal.expiresAt.toISOString(),
    };
  }
}
