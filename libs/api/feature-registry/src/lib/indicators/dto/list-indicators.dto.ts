import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsIsoDate } from '../../http/validators';

export class ListIndicatorsDto {
  @ApiPropertyOptional({
    description:
      "Only the versions in force on this day (YYYY-MM-DD); every indicator's newest version when absent",
    example: '2022-08-31',
  })
  @IsOptional()
  @IsIsoDate()
  asOf?: string;
}
