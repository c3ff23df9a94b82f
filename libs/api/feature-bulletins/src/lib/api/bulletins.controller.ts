import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
  ApiOkResponse,
  ApiCreatedResponse,
  ApiProduces,
  ApiExtraModels,
} from '@nestjs/swagger';
import { BadRequestException } from '@nestjs/common';
import type {
  BulletinDetail,
  BulletinDocument,
  BulletinFormat,
  BulletinOfficeSettings,
  BulletinSummary,
  BulletinTemplateVersion,
} from '@efficacy/api-contract';
import {
  Actor,
  CurrentPrincipal,
  RequirePermissions,
  type AuditActor,
  type Principal,
  ApiErrors,
} from '@efficacy/api/core';
import {
  DraftBulletinDto,
  ErratumDto,
  ListBulletinsDto,
  OfficeDto,
  TemplatesDto,
} from './bulletins.dto';
import { BulletinsService } from './bulletins.service';
import {
  BulletinTemplateVersionDto,
  BulletinOfficeSettingsDto,
  BulletinDocumentDto,
  BulletinDetailDto,
  BulletinSummaryDto,
  BULLETIN_ONE_OF_MODELS,
} from './bulletin-responses.dto';

const REGION = /^\d{6}(-[a-z0-9]+)*$/;
const FORMATS: readonly BulletinFormat[] = ['docx', 'xlsx', 'pdf'];
const uuid = () => new ParseUUIDPipe({ errorHttpStatusCode: 404 });

function formatParam(format: string): BulletinFormat {
  if (!FORMATS.includes(format as BulletinFormat)) {
    throw new BadRequestException(`format "${format}" is not one of docx, xlsx, pdf`);
  }
  return format as BulletinFormat;
}

function attachment(file: { name: string; bytes: Buffer; type: string }): StreamableFile {
  return new StreamableFile(file.bytes, {
    type: file.type,
    disposition: `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    length: file.bytes.length,
  });
}

function regionParam(region: string): string {
  if (!REGION.test(region))
    throw new BadRequestException(`region "${region}" is not a region code`);
  return region;
}

@ApiTags('bulletins')
@ApiExtraModels(...BULLETIN_ONE_OF_MODELS)
@ApiBearerAuth()
@Controller('bulletins')
export class BulletinsController {
  constructor(private readonly bulletins: BulletinsService) {}

  @ApiOkResponse({ type: BulletinTemplateVersionDto })
  @ApiErrors({ 404: 'no such region in your scope' })
  @Get('templates/:region')
  @RequirePermissions('bulletin:read')
  @ApiOperation({ summary: "The region's narrative templates (latest version, or the defaults)" })
  templates(
    @CurrentPrincipal() principal: Principal,
    @Param('region') region: string,
  ): Promise<BulletinTemplateVersion> {
    return this.bulletins.templates(principal, regionParam(region));
  }

  @ApiOkResponse({ type: BulletinTemplateVersionDto })
  @ApiErrors({ 400: 'a template fails validation', 404: 'no such region in your scope' })
  @Put('templates/:region')
  @RequirePermissions('bulletin:draft')
  @ApiOperation({ summary: 'Save a new version of the narrative templates (audited)' })
  saveTemplates(
    @Actor() actor: AuditActor,
    @Param('region') region: string,
    @Body() body: TemplatesDto,
  ): Promise<BulletinTemplateVersion> {
    return this.bulletins.saveTemplates(actor, regionParam(region), {
      intro: body.intro,
      closing: body.closing,
      requirements: body.requirements.map((r) => ({ title: r.title, text: r.text })),
      issuer: body.issuer,
      addressee: body.addressee,
      numberPrefix: body.numberPrefix,
    });
  }

  @ApiOkResponse({ type: BulletinOfficeSettingsDto })
  @ApiErrors({ 404: 'no such region in your scope' })
  @Get('office/:region')
  @RequirePermissions('bulletin:read')
  @ApiOperation({
    summary: "The office's 红头, 落款, 发文字号 prefix and 版记 for a region, and what is missing",
  })
  office(
    @CurrentPrincipal() principal: Principal,
    @Param('region') region: string,
  ): Promise<BulletinOfficeSettings> {
    return this.bulletins.office(principal, regionParam(region));
  }

  @ApiOkResponse({ type: BulletinOfficeSettingsDto })
  @ApiErrors({ 400: 'a field fails validation', 404: 'no such region in your scope' })
  @Put('office/:region')
  @RequirePermissions('bulletin:draft')
  @ApiOperation({ summary: "Save the office's settings for a region (audited)" })
  saveOffice(
    @Actor() actor: AuditActor,
    @Param('region') region: string,
    @Body() body: OfficeDto,
  ): Promise<BulletinOfficeSettings> {
    return this.bulletins.saveOffice(actor, regionParam(region), {
      issuer: body.issuer,
      signature: body.signature,
      numberPrefix: body.numberPrefix,
      copyTo: body.copyTo,
      printedBy: body.printedBy,
    });
  }

  @ApiOkResponse({ description: 'the file', schema: { type: 'string', format: 'binary' } })
  @ApiProduces(
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/pdf',
  )
  @ApiErrors({
    400: 'format is not docx, xlsx or pdf, or a field fails validation',
    422: 'no figures for this region and period',
  })
  @Post('preview/files/:format')
  @HttpCode(200)
  @RequirePermissions('bulletin:draft')
  @ApiOperation({ summary: 'A file of the bulletin as drafted now, without saving it (audited)' })
  @ApiUnprocessableEntityResponse({ description: 'no figures imported for the region and period' })
  async previewFile(
    @Actor() actor: AuditActor,
    @Param('format') format: string,
    @Body() body: DraftBulletinDto,
  ): Promise<StreamableFile> {
    const checked = formatParam(format);
    return attachment(await this.bulletins.previewFile(actor, body.region, body.period, checked));
  }

  @ApiOkResponse({ type: BulletinDocumentDto })
  @ApiErrors({ 400: 'a field fails validation', 422: 'no figures for this region and period' })
  @Post('preview')
  @HttpCode(200)
  @RequirePermissions('bulletin:draft')
  @ApiOperation({ summary: 'Compose a bulletin from the current figures without saving it' })
  @ApiNotFoundResponse({ description: "the region is not in the user's scope" })
  @ApiUnprocessableEntityResponse({ description: 'no figures imported for the region and period' })
  preview(
    @CurrentPrincipal() principal: Principal,
    @Body() body: DraftBulletinDto,
  ): Promise<BulletinDocument> {
    return this.bulletins.preview(principal, body.region, body.period);
  }

  @ApiCreatedResponse({ type: BulletinDetailDto })
  @ApiErrors({ 400: 'a field fails validation', 422: 'no figures for this region and period' })
  @Post()
  @RequirePermissions('bulletin:draft')
  @ApiOperation({ summary: 'Save a draft bulletin composed from the current figures (audited)' })
  @ApiNotFoundResponse({ description: "the region is not in the user's scope" })
  @ApiUnprocessableEntityResponse({ description: 'no figures imported for the region and period' })
  draft(@Actor() actor: AuditActor, @Body() body: DraftBulletinDto): Promise<BulletinDetail> {
    return this.bulletins.draft(actor, body.region, body.period);
  }

  @ApiOkResponse({ type: BulletinSummaryDto, isArray: true })
  @Get()
  @RequirePermissions('bulletin:read')
  @ApiOperation({ summary: 'Bulletins in scope, newest first, each with its errata' })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListBulletinsDto,
  ): Promise<BulletinSummary[]> {
    return this.bulletins.list(principal, {
      ...(query.region ? { region: query.region } : {}),
      ...(query.status ? { status: query.status } : {}),
    });
  }

  @ApiOkResponse({ type: BulletinDetailDto })
  @ApiOperation({ summary: 'One bulletin: its composed document, number and errata' })
  @ApiErrors({ 404: 'no bulletin with this id in your scope' })
  @Get(':id')
  @RequirePermissions('bulletin:read')
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) id: string,
  ): Promise<BulletinDetail> {
    return this.bulletins.get(principal, id);
  }

  @ApiOkResponse({ type: BulletinDetailDto })
  @ApiErrors({
    404: 'no bulletin with this id in your scope',
    409: 'already published, or the number is taken',
    422: 'the office settings are incomplete',
  })
  @Post(':id/publish')
  @HttpCode(200)
  @RequirePermissions('bulletin:publish')
  @ApiOperation({ summary: 'Publish: number, render and freeze the draft (audited)' })
  @ApiConflictResponse({ description: 'already published' })
  @ApiUnprocessableEntityResponse({ description: 'the office settings are incomplete' })
  publish(@Actor() actor: AuditActor, @Param('id', uuid()) id: string): Promise<BulletinDetail> {
    return this.bulletins.publish(actor, id);
  }

  @ApiCreatedResponse({ type: BulletinDetailDto })
  @ApiErrors({
    400: 'a field fails validation',
    404: 'no bulletin with this id in your scope',
    409: 'the bulletin is not published',
  })
  @Post(':id/errata')
  @RequirePermissions('bulletin:draft')
  @ApiOperation({
    summary: 'Draft an erratum: a new bulletin linked to the published one (audited)',
  })
  @ApiConflictResponse({ description: 'the bulletin is a draft' })
  erratum(
    @Actor() actor: AuditActor,
    @Param('id', uuid()) id: string,
    @Body() body: ErratumDto,
  ): Promise<BulletinDetail> {
    return this.bulletins.erratum(actor, id, body.reason);
  }

  @ApiOkResponse({ description: 'the file', schema: { type: 'string', format: 'binary' } })
  @ApiProduces(
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/pdf',
  )
  @ApiErrors({ 404: 'no bulletin with this id in your scope, or it is not published' })
  @Get(':id/files/:format')
  @RequirePermissions('bulletin:read')
  @ApiOperation({ summary: 'Download the .docx, .xlsx or .pdf (audited)' })
  @ApiServiceUnavailableResponse({ description: 'PDF asked for and LibreOffice is not installed' })
  async file(
    @Actor() actor: AuditActor,
    @Param('id', uuid()) id: string,
    @Param('format') format: string,
  ): Promise<StreamableFile> {
    const checked = formatParam(format);
    return attachment(await this.bulletins.download(actor, id, checked));
  }
}
