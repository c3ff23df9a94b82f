import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Matches, Min } from 'class-validator';
import { PERIOD_NOTATION_HELP } from '@efficacy/indicator-model';
import { REGION_CODE_MESSAGE, REGION_CODE_PATTERN } from '../../http/query-fields';
import { IsIsoDate, IsPeriod } from '../../http/validators';

/** GET /api/explanations: how one number came about. Name either a region or a unit. */
export class ExplainValueDto {
  @ApiPropertyOptional({
    description: 'The region whose value to explain (or give unit)',
    example: '640106',
  })
  @IsOptional()
  @IsString()
  @Matches(REGION_CODE_PATTERN, { message: REGION_CODE_MESSAGE })
  region?: string;

  @ApiPropertyOptional({
    description: 'The unit whose value to explain (or give region)',
    example: '640106:spj',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: 'unit must not be empty' })
  unit?: string;

  @ApiProperty({
    description: `Period notation: ${PERIOD_NOTATION_HELP}`,
    example: '2022-01..2022-08',
  })
  @IsPeriod()
  period!: string;

  @ApiProperty({
    description: 'Indicator code from GET /api/indicators',
    example: 'offline_evaluation_rate',
  })
  @IsString({ message: 'indicator is required' })
  @IsNotEmpty({ message: 'indicator must not be empty' })
  indicator!: string;

  @ApiPropertyOptional({
    description: 'Hierarchy and indicator-version day (YYYY-MM-DD)',
    example: '2022-08-31',
  })
  @IsOptional()
  @IsIsoDate()
  asOf?: string;

  @ApiPropertyOptional({
    description: 'Explain the figure under an older version of the indicator',
    example: 1,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'version must be a whole number' })
  @Min(1)
  version?: number;
}
