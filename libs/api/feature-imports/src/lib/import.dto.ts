import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { Transform } from 'class-transformer';
import { IsPeriod } from '@efficacy/api/core';

/** Multipart fields that go with the file in a preview or an import. */
export class ImportFileDto {
  @ApiPropertyOptional({
    description: 'adapter id; detected from the file when absent',
    example: 'ningxia',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{1,40}$/, { message: 'adapter must be an adapter id such as "ningxia"' })
  adapter?: string;

  @ApiPropertyOptional({
    description: 'report kind, when the adapter reads several and the file is ambiguous',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9-]{1,60}$/, { message: 'reportKind must be a report kind id' })
  reportKind?: string;

  @ApiPropertyOptional({
    description: 'period for files whose title has none, e.g. 2023-06',
    example: '2023-06',
  })
  @IsOptional()
  @IsString()
  @IsPeriod(
    { exact: true },
    { message: 'period must look like 2022-08, 2022-Q3, 2022-H1, 2022 or 2022-01..2022-08' },
  )
  period?: string;

  @ApiPropertyOptional({
    description: 'region code for files whose title names none, e.g. 510403',
    example: '510403',
  })
  @IsOptional()
  @Matches(/^\d{6}(-[a-z0-9]+)*$/, { message: 'region must be a region code such as 510403' })
  region?: string;

  @ApiPropertyOptional({ description: 'year for titles that name only a month', example: 2022 })
  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({
    description:
      'JSON object: printed unit name → unit id, for names the preview could only suggest; saved as aliases on import',
    example: '{"金凤区审批服务局":"640106:spj"}',
  })
  @IsOptional()
  @IsString()
  confirmed?: string;
}

export class RollbackImportDto {
  @ApiPropertyOptional({ description: 'why the import is rolled back (kept in the audit log)' })
  @IsOptional()
  @IsString()
  reason?: string;
}

export class ListImportsQueryDto {
  @ApiPropertyOptional({ description: 'region code: imports of this region and below' })
  @IsOptional()
  @Matches(/^\d{6}(-[a-z0-9]+)*$/, { message: 'region must be a region code such as 640106' })
  region?: string;

  @ApiPropertyOptional({ enum: ['committed', 'superseded', 'rolled_back'] })
  @IsOptional()
  @IsIn(['committed', 'superseded', 'rolled_back'])
  status?: 'committed' | 'superseded' | 'rolled_back';

  @ApiPropertyOptional({ description: 'adapter id' })
  @IsOptional()
  @IsString()
  adapter?: string;

  @ApiPropertyOptional({ default: 50 })
  @IsOptional()
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
