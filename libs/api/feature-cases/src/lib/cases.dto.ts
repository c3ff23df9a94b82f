import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { IsPeriod } from '@efficacy/api/core';

/** Multipart fields that go with a case export. */
export class UploadCasesDto {
  @ApiProperty({ description: 'the county (or city) the export covers', example: '640106' })
  @IsString()
  @Matches(/^\d{6}$/, { message: 'region must be a 6-digit region code such as 640106' })
  region!: string;

  @ApiPropertyOptional({ description: 'adapter id; ningxia by default', example: 'ningxia' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{1,40}$/, { message: 'adapter must be an adapter id such as "ningxia"' })
  adapter?: string;
}

export class ListCaseImportsQueryDto {
  @ApiPropertyOptional({ default: 50 })
  @IsOptional()
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class CaseIndicatorsQueryDto {
  @ApiProperty({ example: '640106' })
  @IsString()
  @Matches(/^\d{6}$/, { message: 'region must be a 6-digit region code such as 640106' })
  region!: string;

  @ApiProperty({ example: '2022-01..2022-08', description: 'a month or a range of months' })
  @IsString()
  @IsPeriod(
    { exact: true, kinds: ['month', 'range'] },
    { message: 'period must be a month or a range of months, e.g. 2022-03 or 2022-01..2022-08' },
  )
  period!: string;
}
