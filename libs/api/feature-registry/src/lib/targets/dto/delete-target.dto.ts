import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';

/** DELETE /api/targets?indicator=&region=&year=: the target set on one region for one year. */
export class DeleteTargetDto {
  @ApiProperty({ example: 'item_coverage' })
  @IsString()
  @Matches(/^[a-z0-9_]+$/, { message: 'indicator must be an indicator code' })
  indicator!: string;

  @ApiProperty({ example: '640106' })
  @IsString()
  @Matches(/^\d{6}(\d{6})?(-[a-z0-9]+)*$/, {
    message: 'region must be a GB/T 2260 code (640106) or a generated code (640106-liangtian)',
  })
  region!: string;

  @ApiProperty({ example: 2022 })
  @Type(() => Number)
  @IsInt({ message: 'year must be a whole number' })
  @Min(2000)
  @Max(2100)
  year!: number;
}
