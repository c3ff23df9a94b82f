import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';

export class ListUnitsDto {
  @ApiPropertyOptional({
    description: 'Only units attached to this region or a region below it',
    example: '640106',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d{6}(-[a-z0-9]+)*$/, {
    message: 'region must be a GB/T 2260 code (640106) or a generated code (640106-liangtian)',
  })
  region?: string;
}
