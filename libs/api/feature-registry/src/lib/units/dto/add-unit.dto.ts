import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { REGION_CODE_FORMAT, UNIT_KINDS } from '@efficacy/indicator-model';
import { type AddUnitRequest } from '@efficacy/api-contract';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const KINDS = UNIT_KINDS.map((k) => k.kind);

export class AddUnitDto implements AddUnitRequest {
  @ApiProperty({ description: 'The region the unit belongs to', example: '411328' })
  @IsString({ message: 'regionCode is required' })
  @Matches(REGION_CODE_FORMAT, {
    message: 'regionCode must be a region code such as 411328 or 411328100000',
  })
  regionCode!: string;

  @ApiProperty({
    description: 'Lower-case ASCII words joined by hyphens; the unit id is <regionCode>:<slug>',
    example: 'cjjq',
  })
  @IsString({ message: 'slug is required' })
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
    message: 'slug must be lower-case letters and digits joined by hyphens, such as cjjq or gxq-1',
  })
  @MaxLength(60)
  slug!: string;

  @ApiProperty({
    enum: KINDS,
    description: 'What the unit is; the kind decides whether it counts in the department ranking',
  })
  @IsIn(KINDS, { message: `kind must be one of ${KINDS.join(', ')}` })
  kind!: string;

  @ApiProperty({ example: '唐河县产业集聚区' })
  @Transform(trim)
  @IsString({ message: 'nameZh is required' })
  @IsNotEmpty({ message: 'nameZh must not be empty' })
  @MaxLength(100, { message: 'nameZh must be at most 100 characters' })
  nameZh!: string;

  @ApiPropertyOptional({ example: 'Tanghe Industrial Cluster' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  nameEn?: string;

  @ApiPropertyOptional({ description: 'Other spellings sources use', type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Transform(({ value }) =>
    Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value,
  )
  @IsString({ each: true })
  @IsNotEmpty({ each: true, message: 'an alias must not be empty' })
  @MaxLength(100, { each: true })
  aliases?: string[];
}
