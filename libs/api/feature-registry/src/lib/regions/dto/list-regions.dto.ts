import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsIsoDate } from '../../http/validators';

/** The tree on a given day: parent links and units are effective-dated. */
export class ListRegionsDto {
  @ApiPropertyOptional({
    description: 'The day whose tree to show (YYYY-MM-DD); today when absent',
    example: '2022-08-31',
  })
  @IsOptional()
  @IsIsoDate()
  asOf?: string;
}
