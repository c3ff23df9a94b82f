import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { ADAPTER_REGISTRY } from '@efficacy/adapter-registry';
import {
  CurrentPrincipal,
  RequirePermissions,
  ScopeService,
  type Principal,
} from '@efficacy/api/core';
import { AdapterListItemDto } from './import-responses.dto';

@ApiTags('adapters')
@ApiBearerAuth()
@Controller('adapters')
export class AdaptersController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scopes: ScopeService,
  ) {}

  /** Installed adapters with their manifests and their recent imports within the user's scope. */
  @Get()
  @RequirePermissions('adapter:read')
  @ApiOkResponse({
    description: 'manifests and recent import results',
    type: AdapterListItemDto,
    isArray: true,
  })
  async list(@CurrentPrincipal() principal: Principal) {
    const scope = await this.scopes.resolve(principal);
    const recent: Array<{
      adapter_id: string;
      id: string;
      file_name: string;
      status: string;
      period: string;
      region_code: string;
      created_at: Date;
      warnings: number;
    }> = await this.dataSource.query(
      `SELECT adapter_id, id, file_name, status, period, region_code, created_at, jsonb_array_length(warnings) AS warnings
           FROM (SELECT *, row_number() OVER (PARTITION BY adapter_id ORDER BY created_at DESC) AS n
                   FROM import WHERE region_code = ANY($1::text[])) latest
          WHERE n <= 5 ORDER BY adapter_id, created_at DESC`,
      [scope.regionCodes],
    );
    return ADAPTER_REGISTRY.adapters.map((adapter) => ({
      manifest: adapter.manifest,
      recentImports: recent
        .filter((r) => r.adapter_id === adapter.manifest.id)
        .map((r) => ({
          id: r.id,
          fileName: r.file_name,
          status: r.status,
          period: r.period,
          regionCode: r.region_code,
          createdAt: new Date(r.created_at).toISOString(),
          warnings: Number(r.warnings),
        })),
    }));
  }
}
