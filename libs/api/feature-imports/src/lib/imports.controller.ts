import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
  BadRequestException,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiTags,
  ApiCreatedResponse,
  ApiProduces,
  ApiOperation,
} from '@nestjs/swagger';
import type { Response } from 'express';
import {
  Actor,
  CurrentPrincipal,
  RequirePermissions,
  type AuditActor,
  type Principal,
  ApiErrors,
} from '@efficacy/api/core';
import { ImportFileDto, ListImportsQueryDto, RollbackImportDto } from './import.dto';
import { MAX_UPLOAD_BYTES, MissingFileError, toSourceFile } from './import-file';
import { ImportsService } from './imports.service';
import {
  ImportCommitResultDto,
  ImportDetailDto,
  ImportPreviewDto,
  ImportRollbackResultDto,
  ImportSummaryDto,
} from './import-responses.dto';

const upload = FileInterceptor('file', { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
const uploadBody = {
  schema: {
    type: 'object',
    required: ['file'],
    properties: {
      file: { type: 'string', format: 'binary' },
      adapter: { type: 'string' },
      reportKind: { type: 'string' },
      period: { type: 'string' },
      year: { type: 'integer' },
      region: { type: 'string' },
      confirmed: { type: 'string', description: 'JSON: printed name → unit id' },
    },
  },
};

function sourceOf(file: Express.Multer.File | undefined) {
  try {
    return toSourceFile(file);
  } catch (error) {
    if (error instanceof MissingFileError) throw new BadRequestException(error.message);
    throw error;
  }
}

@ApiTags('imports')
@ApiBearerAuth()
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  /** Dry run: what the file would write, how its unit names matched, and every warning. Writes nothing. */
  @ApiOkResponse({ type: ImportPreviewDto })
  @ApiErrors({
    400: 'no file, or a field fails validation',
    422: 'no adapter reads this file, or it does not parse',
  })
  @Post('preview')
  @HttpCode(200)
  @RequirePermissions('import:preview')
  @UseInterceptors(upload)
  @ApiConsumes('multipart/form-data')
  @ApiBody(uploadBody)
  preview(
    @CurrentPrincipal() principal: Principal,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() body: ImportFileDto,
  ) {
    return this.imports.preview(principal, sourceOf(file), body);
  }

  /** Imports the file in one transaction; the same file again changes nothing, a corrected one replaces its report. */
  @ApiCreatedResponse({ type: ImportCommitResultDto })
  @ApiErrors({
    400: 'no file, or a field fails validation',
    409: 'another import of the same report slot is being committed',
    422: 'no adapter reads this file, or it does not parse',
  })
  @Post()
  @RequirePermissions('import:commit')
  @UseInterceptors(upload)
  @ApiConsumes('multipart/form-data')
  @ApiBody(uploadBody)
  async commit(
    @Actor() actor: AuditActor,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() body: ImportFileDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const result = await this.imports.commit(actor, sourceOf(file), body);
    res.status(result.outcome === 'unchanged' ? 200 : 201);
    return result;
  }

  @ApiOperation({
    summary: 'Imports in scope, newest first, filtered by region, period, status or adapter',
  })
  @Get()
  @RequirePermissions('import:read')
  @ApiOkResponse({
    description: 'imports in scope, newest first',
    type: ImportSummaryDto,
    isArray: true,
  })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListImportsQueryDto) {
    return this.imports.list(principal, query);
  }

  @ApiOkResponse({ type: ImportDetailDto })
  @ApiOperation({ summary: 'One import with its warnings and plan items' })
  @ApiErrors({ 404: 'no import with this id in your scope' })
  @Get(':id')
  @RequirePermissions('import:read')
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) id: string,
  ) {
    return this.imports.get(principal, id);
  }

  /** The original file, as uploaded; every download is audited. */
  @ApiOkResponse({ description: 'the file', schema: { type: 'string', format: 'binary' } })
  @ApiProduces('application/octet-stream')
  @ApiErrors({ 404: 'no import with this id in your scope' })
  @Get(':id/file')
  @RequirePermissions('import:read')
  async file(
    @Actor() actor: AuditActor,
    @Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) id: string,
  ) {
    const { name, bytes } = await this.imports.download(actor, id);
    return new StreamableFile(bytes, {
      type: 'application/octet-stream',
      disposition: `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
    });
  }

  @ApiOkResponse({ type: ImportRollbackResultDto })
  @ApiOperation({
    summary:
      'Roll the import back: its values leave the figures and the import it replaced is restored (audited)',
  })
  @ApiErrors({
    404: 'no import with this id in your scope',
    409: 'the import is not the live one of its report slot',
  })
  @Post(':id/rollback')
  @HttpCode(200)
  @RequirePermissions('import:rollback')
  rollback(
    @Actor() actor: AuditActor,
    @Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) id: string,
    @Body() body: RollbackImportDto,
  ) {
    return this.imports.rollback(actor, id, body.reason);
  }
}
