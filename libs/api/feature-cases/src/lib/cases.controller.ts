import {
  Body,
  Controller,
  Get,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiTags,
  ApiCreatedResponse,
  ApiOperation,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { diskStorage } from 'multer';
import {
  Actor,
  CurrentPrincipal,
  RequirePermissions,
  type AuditActor,
  type Principal,
  ApiErrors,
} from '@efficacy/api/core';
import { CaseIndicatorsQueryDto, ListCaseImportsQueryDto, UploadCasesDto } from './cases.dto';
import { CasesService } from './cases.service';
import {
  CaseUploadResultDto,
  CaseImportSummaryDto,
  CaseIndicatorsResponseDto,
} from './case-responses.dto';

/** Case exports run to gigabytes: they go to disk as they arrive, never into memory. */
export const MAX_CASE_UPLOAD_BYTES = 4 * 1024 * 1024 * 1024;
const UPLOAD_DIR = join(tmpdir(), 'efficacy-case-uploads');

const upload = FileInterceptor('file', {
  storage: diskStorage({
    destination: (_req, _file, done) => {
      mkdirSync(UPLOAD_DIR, { recursive: true });
      done(null, UPLOAD_DIR);
    },
    filename: (_req, _file, done) => done(null, randomUUID()),
  }),
  limits: { fileSize: MAX_CASE_UPLOAD_BYTES, files: 1 },
});

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  /** Stores the export and queues its import; 202 with the import to poll, 200 when the same file is known. */
  @ApiCreatedResponse({ type: CaseUploadResultDto })
  @ApiErrors({
    400: 'no file, or a field fails validation',
    422: 'the file is not a case-record export this API reads',
  })
  @Post('imports')
  @RequirePermissions('import:commit')
  @UseInterceptors(upload)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'region'],
      properties: {
        file: { type: 'string', format: 'binary' },
        region: { type: 'string' },
        adapter: { type: 'string' },
      },
    },
  })
  async upload(
    @Actor() actor: AuditActor,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() body: UploadCasesDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const result = await this.cases.upload(actor, file, body);
    res.status(result.outcome === 'queued' ? 202 : 200);
    return result;
  }

  @ApiOperation({ summary: 'Case-record imports in scope, newest first, with their progress' })
  @Get('imports')
  @RequirePermissions('import:read')
  @ApiOkResponse({
    description: 'case imports in scope, newest first',
    type: CaseImportSummaryDto,
    isArray: true,
  })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListCaseImportsQueryDto) {
    return this.cases.list(principal, query);
  }

  /** Progress of one import: status, bytes and rows done, rows per second, estimate. */
  @ApiOkResponse({ type: CaseImportSummaryDto })
  @ApiErrors({ 404: 'no case import with this id in your scope' })
  @Get('imports/:id')
  @RequirePermissions('import:read')
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) id: string,
  ) {
    return this.cases.get(principal, id);
  }

  /** Indicators computed from the cases of a region and period. */
  @ApiOkResponse({ type: CaseIndicatorsResponseDto })
  @Get('indicators')
  @RequirePermissions('assessment:read')
  indicators(@CurrentPrincipal() principal: Principal, @Query() query: CaseIndicatorsQueryDto) {
    return this.cases.indicators(principal, query.region, query.period);
  }
}
