import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import type { TargetComparator } from '@efficacy/indicator-model';
import { IsIsoDate } from '../../http/validators';
import { type SetTargetRequest } from '@efficacy/api-contract';

const COMPARATORS: TargetComparator[] = ['>=', '<=', '=', 'improve'];

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Sets the target for one indicator × region × year; a new row supersedes the one in force. */
export class SetTargetDto implements SetTargetRequest {
  @ApiProperty({ description: 'Indicator code from GET /api/indicators', example: 'item_coverage' })
  @IsString({ message: 'indicator must be an indicator code' })
  @IsNotEmpty({ message: 'indicator must not be empty' })
  indicator!: string;

  @ApiProperty({
    description:
      'Region the target is set on; the regions below inherit it unless they set their own',
    example: '640106',
  })
  @IsString()
  @Matches(/^\d{6}(\d{6})?(-[a-z0-9]+)*$/, {
    message:
      'regionCode must be a GB/T 2260 code (640106), a township statistics code (640106100000) or a generated code (510403100000-jinlin)',
  })
  regionCode!: string;

  @ApiProperty({ example: 2022, minimum: 2000, maximum: 2100 })
  @IsInt({ message: 'year must be a whole number' })
  @Min(2000, { message: 'year must be 2000 or later' })
  @Max(2100, { message: 'year must be 2100 or earlier' })
  year!: number;

  @ApiProperty({
    enum: COMPARATORS,
    description:
      '"improve" is for goals without a number (持续优化提升): met when better than the previous period',
    example: '>=',
  })
  @IsIn(COMPARATORS, { message: `comparator must be one of ${COMPARATORS.join(', ')}` })
  comparator!: TargetComparator;

  @ApiPropertyOptional({
    description:
      'In the indicator\'s display unit: 40 for 40%; required unless the comparator is "improve"',
    example: 45,
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'value must be a finite number' })
  value?: number;

  @ApiPropertyOptional({
    description: 'The day the target must be reached by',
    example: '2022-10-25',
  })
  @IsOptional()
  @IsIsoDate()
  deadline?: string;

  @ApiPropertyOptional({ description: 'The obligation continues after the deadline (并长期坚持)' })
  @IsOptional()
  @IsBoolean({ message: 'ongoing must be true or false' })
  ongoing?: boolean;

  @ApiPropertyOptional({
    description: 'Responsible units as the policy names them',
    example: '各部门',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  responsibleZh?: string;

  @ApiPropertyOptional({
    description: 'The requirement as worded',
    example: '2022年事项覆盖率45%以上',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(1000)
  noteZh?: string;

  @ApiPropertyOptional({
    description: 'The document the target comes from',
    example: '金凤审批发〔2022〕12号',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  source?: string;
}
