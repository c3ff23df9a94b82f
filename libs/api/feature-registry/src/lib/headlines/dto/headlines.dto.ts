import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsString,
  Matches,
  ValidateIf,
} from 'class-validator';
import { MAX_HEADLINE_INDICATORS, type SetHeadlinesRequest } from '@efficacy/api-contract';

const REGION = /^\d{6}(\d{6})?(-[a-z0-9]+)*$/;
const REGION_MESSAGE =
  'region must be a GB/T 2260 code (640106), a township statistics code (640106100000) or a generated code (510403100000-jinlin)';

export class GetHeadlinesDto {
  @ApiProperty({ example: '640106' })
  @IsString()
  @Matches(REGION, { message: REGION_MESSAGE })
  region!: string;
}

export class SetHeadlinesDto implements SetHeadlinesRequest {
  @ApiProperty({ example: '640100' })
  @IsString()
  @Matches(REGION, { message: `regionCode: ${REGION_MESSAGE}` })
  regionCode!: string;

  @ApiProperty({
    type: [String],
    nullable: true,
    description: 'indicator codes in display order; null to inherit again',
    example: ['item_coverage', 'offline_evaluation_rate', 'satisfaction'],
  })
  @ValidateIf((_, value) => value !== null)
  @IsArray({ message: 'indicators must be a list of indicator codes, or null to inherit' })
  @ArrayMinSize(1, { message: 'choose at least one headline indicator, or null to inherit' })
  @ArrayMaxSize(MAX_HEADLINE_INDICATORS, {
    message: `at most ${MAX_HEADLINE_INDICATORS} headline indicators`,
  })
  @ArrayUnique({ message: 'an indicator is listed twice' })
  @IsString({ each: true })
  indicators!: string[] | null;
}
