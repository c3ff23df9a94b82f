import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import { REGION_CODE_FORMAT } from '@efficacy/indicator-model';

export class ListUnitsDto {
  @ApiPropertyOptional({
    description: 'Only units attached to this region or a region below it',
    example: '640106',
  })
  @IsOptional()
  @IsString()
  @Matches(REGION_CODE_FORMAT, {
    message:
      'region must be a GB/T 2260 code (640106), a township statistics code (640106100000) or a generated code (510403100000-jinlin)',
  })
  region?: string;
}
