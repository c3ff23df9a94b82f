import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { REGION_CODE_FORMAT } from '@efficacy/indicator-model';
import { IsIsoDate } from '../../http/validators';
import { type RecordRegionSuccessionRequest } from '@efficacy/api-contract';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class SuccessorDto {
  @ApiProperty({ description: 'Region code of the successor', example: '510802104000' })
  @IsString({ message: 'to[].code must be a region code' })
  @Matches(REGION_CODE_FORMAT, {
    message: 'to[].code must be a region code such as 510802 or 510802104000',
  })
  code!: string;

  @ApiPropertyOptional({
    description: 'Chinese name; required when the registry does not have the successor yet',
    example: '白朝金洞镇',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100, { message: 'to[].nameZh must be at most 100 characters' })
  nameZh?: string;
}

export class RecordSuccessionDto implements RecordRegionSuccessionRequest {
  @ApiProperty({ enum: ['merge', 'split', 'rename'], example: 'merge' })
  @IsIn(['merge', 'split', 'rename'], { message: 'kind must be merge, split or rename' })
  kind!: 'merge' | 'split' | 'rename';

  @ApiProperty({
    description: 'The day the change took effect (YYYY-MM-DD)',
    example: '2024-06-30',
  })
  @IsIsoDate()
  date!: string;

  @ApiProperty({
    description: 'Codes of the regions that end on that day',
    example: ['510802200000', '510802201000'],
    type: [String],
  })
  @IsArray({ message: 'from must be a list of region codes' })
  @ArrayMinSize(1, { message: 'from must name at least one region' })
  @ArrayMaxSize(50)
  @Matches(REGION_CODE_FORMAT, { each: true, message: 'from must hold region codes' })
  from!: string[];

  @ApiProperty({ description: 'The successors', type: [SuccessorDto] })
  @IsArray({ message: 'to must be a list of successors' })
  @ArrayMinSize(1, { message: 'to must name at least one region' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SuccessorDto)
  to!: SuccessorDto[];

  @ApiPropertyOptional({
    description: 'Why, e.g. the approving document',
    example: '川府民政〔2024〕1号',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500, { message: 'note must be at most 500 characters' })
  note?: string;
}
