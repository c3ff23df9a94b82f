import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import { PERIOD_NOTATION_HELP } from '@efficacy/indicator-model';
import { IsIsoDate, IsPeriod } from './validators';

export const REGION_CODE_PATTERN = /^\d{6}(\d{6})?(-[a-z0-9]+)*$/;
export const REGION_CODE_MESSAGE =
  'region must be a GB/T 2260 code (640106), a township statistics code (640106100000) or a generated code (510403100000-jinlin)';

/** region, period and asOf: what every assessment-style query names. */
export class RegionPeriodQuery {
  @ApiProperty({ description: 'Region to assess: it and its children', example: '640106' })
  @IsString({ message: 'region is required' })
  @Matches(REGION_CODE_PATTERN, { message: REGION_CODE_MESSAGE })
  region!: string;

  @ApiProperty({
    description: `Period notation: ${PERIOD_NOTATION_HELP}`,
    example: '2022-01..2022-08',
  })
  @IsPeriod()
  period!: string;

  @ApiPropertyOptional({
    description:
      "Hierarchy and indicator-version day (YYYY-MM-DD); the period's last day when absent",
    example: '2022-08-31',
  })
  @IsOptional()
  @IsIsoDate()
  asOf?: string;
}
