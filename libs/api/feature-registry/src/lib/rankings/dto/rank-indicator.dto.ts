import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString } from 'class-validator';
import { RegionPeriodQuery } from '../../http/query-fields';

/** GET /api/rankings: the children of a region ranked on one indicator. */
export class RankIndicatorDto extends RegionPeriodQuery {
  @ApiProperty({
    description: 'Indicator code from GET /api/indicators',
    example: 'offline_evaluation_rate',
  })
  @IsString({ message: 'indicator is required' })
  @IsNotEmpty({ message: 'indicator must not be empty' })
  indicator!: string;
}
