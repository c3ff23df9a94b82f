import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import type { Response } from 'express';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiCreatedResponse,
  ApiExtraModels,
} from '@nestjs/swagger';
import {
  Actor,
  AuditService,
  CurrentPrincipal,
  RequirePermissions,
  ScopeService,
  type AuditActor,
  type Principal,
} from '@efficacy/api/core';
import { AssessRegionDto } from './dto/assess-region.dto';
import { RecordExportDto } from './dto/record-export.dto';
import { RegistryRepository } from '../persistence/registry.repository';
import { AssessmentsService } from './assessments.service';
import { AssessmentsRecordExportDto, REGISTRY_ONE_OF_MODELS } from '../registry-responses.dto';
import { AssessmentDto } from '../registry-responses.dto';

@ApiTags('assessments')
@ApiExtraModels(...REGISTRY_ONE_OF_MODELS)
@ApiBearerAuth()
@Controller('assessments')
export class AssessmentsController {
  constructor(
    private readonly assessments: AssessmentsService,
    private readonly scope: ScopeService,
    private readonly registry: RegistryRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * The console builds exports in the browser; it reports each one here so that every file
   * that leaves the system is in the audit log, like a download from the API.
   */
  @ApiCreatedResponse({ type: AssessmentsRecordExportDto })
  @Post('exports')
  @HttpCode(201)
  @RequirePermissions('assessment:read')
  @ApiOperation({ summary: 'Record (audit) an assessment table exported as a file' })
  @ApiNotFoundResponse({ description: "the region or unit is not in the user's scope" })
  async recordExport(
    @Actor() actor: AuditActor,
    @Body() body: RecordExportDto,
  ): Promise<{ audited: string }> {
    if (!body.region && !body.unit)
      throw new BadRequestException('name the region or the unit whose table was exported');
    const scope = await this.scope.resolve(actor.principal);
    let regionCode: string;
    if (body.unit) {
      const unit = await this.registry.findUnit(scope, body.unit);
      if (!unit) throw new NotFoundException(`unit "${body.unit}" not found`);
      regionCode = unit.regionCode;
    } else {
      const region = await this.registry.findRegion(scope, body.region as string);
      if (!region) throw new NotFoundException(`region "${body.region}" not found`);
      regionCode = region.code;
    }
    const id = await this.audit.recordAlone(actor, {
      action: 'assessment.export',
      targetType: body.unit ? 'unit' : 'region',
      targetId: body.unit ?? body.region ?? null,
      regionCodes: [regionCode],
      after: { ...body },
    });
    return { audited: id };
  }

  @Get()
  @RequirePermissions('assessment:read')
  @ApiOperation({
    summary:
      'Assess a region and its children for a period: value (derived and reported), target, met/close/missed, gap, rank, 环比/同比, warnings and signals',
  })
  @ApiOkResponse({
    type: AssessmentDto,
    description: "the engine's assessment, computed from committed imports in scope",
  })
  @ApiBadRequestResponse({ description: 'bad period notation, region code or date' })
  @ApiNotFoundResponse({
    description: "the region is not in the user's scope (or did not exist on asOf)",
  })
  async assess(
    @CurrentPrincipal() principal: Principal,
    @Query() query: AssessRegionDto,
    @Res() res: Response,
  ): Promise<void> {
    // Sent as the cached JSON bytes of the Assessment with their ETag: Express answers 304 to a
    // client that has them (see AssessmentsService.assessJson). Errors before this point go
    // through the usual exception filter.
    const body = await this.assessments.assessJson(
      principal,
      query.region,
      query.period,
      query.asOf,
    );
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('etag', body.etag);
    res.send(body.bytes);
  }
}
