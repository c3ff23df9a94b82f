import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';

/** POST /api/assessments/exports: an assessment table left the system as a file. */
export class RecordExportDto {
  @ApiProperty({ enum: ['xlsx'] })
  @IsIn(['xlsx'], { message: 'format must be xlsx' })
  format!: 'xlsx';

  @ApiProperty({ enum: ['bulletin-annex'] })
  @IsIn(['bulletin-annex'], { message: 'layout must be bulletin-annex' })
  layout!: 'bulletin-annex';

  @ApiPropertyOptional({ example: '640106' })
  @IsOptional()
  @Matches(/^\d{6}(\d{6})?(-[a-z0-9]+)*$/, {
    message: 'region must be a region code such as 640106',
  })
  region?: string;

  @ApiPropertyOptional({ example: '640106:spj' })
  @IsOptional()
  @Matches(/^\d{6}(\d{6})?(-[a-z0-9]+)*:[a-z0-9-]+$/, {
    message: 'unit must be a unit id such as 640106:spj',
  })
  unit?: string;

  @ApiProperty({ example: '2022-01..2022-08' })
  @IsString()
  @MaxLength(40)
  period!: string;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  indicators!: string[];

  @ApiProperty()
  @IsInt()
  @Min(0)
  rows!: number;

  @ApiProperty()
  @IsString()
  @MaxLength(200)
  fileName!: string;
}
