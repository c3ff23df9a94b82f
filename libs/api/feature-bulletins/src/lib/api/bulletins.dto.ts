import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { type DraftBulletinRequest, type ErratumRequest } from '@efficacy/api-contract';

const REGION = /^\d{6}(-[a-z0-9]+)*$/;
const REGION_MESSAGE = 'region must be a GB/T 2260 code (640106) or a generated code';

export class DraftBulletinDto implements DraftBulletinRequest {
  @ApiProperty({ example: '640106' })
  @IsString({ message: 'region is required' })
  @Matches(REGION, { message: REGION_MESSAGE })
  region!: string;

  @ApiProperty({ example: '2022-01..2022-08' })
  @IsString({ message: 'period is required (2023-06, 2022-01..2022-08, 2022-H1)' })
  @MaxLength(40)
  period!: string;
}

export class ListBulletinsDto {
  @ApiPropertyOptional({ example: '640106' })
  @IsOptional()
  @Matches(REGION, { message: REGION_MESSAGE })
  region?: string;

  @ApiPropertyOptional({ enum: ['draft', 'published'] })
  @IsOptional()
  @IsIn(['draft', 'published'], { message: 'status must be draft or published' })
  status?: 'draft' | 'published';
}

export class ErratumDto implements ErratumRequest {
  @ApiProperty({ example: '附件2中丰登镇民生服务中心线下评价数有误' })
  @IsString({ message: 'reason is required: say what the erratum corrects' })
  @MinLength(4, { message: 'reason must say what the erratum corrects (at least 4 characters)' })
  @MaxLength(500)
  reason!: string;
}

export class OfficeDto {
  @ApiProperty({
    example: '金凤区审批服务管理局',
    description: '红头 (发文机关标志), without 文件',
  })
  @IsString({ message: 'issuer (红头) is required' })
  @MaxLength(200)
  issuer!: string;

  @ApiProperty({ example: '金凤区审批服务管理局', description: '落款' })
  @IsString({ message: 'signature (落款) is required' })
  @MaxLength(200)
  signature!: string;

  @ApiProperty({ example: '金审管', description: '发文字号 prefix: 金审管〔2027〕3号' })
  @IsString({ message: 'numberPrefix (发文字号前缀) is required' })
  @MaxLength(50)
  numberPrefix!: string;

  @ApiProperty({ example: '区委办公室，区人大办公室，区政府办公室。', description: '版记 抄送' })
  @IsString({ message: 'copyTo (抄送) must be a text, empty when nothing is copied' })
  @MaxLength(500)
  copyTo!: string;

  @ApiProperty({ example: '金凤区审批服务管理局办公室', description: '版记 印发机关' })
  @IsString({ message: 'printedBy (印发机关) is required' })
  @MaxLength(200)
  printedBy!: string;
}

export class RequirementDto {
  @IsString({ message: 'each requirement needs a title' })
  @MinLength(1)
  @MaxLength(100)
  title!: string;

  @IsString({ message: 'each requirement needs a text' })
  @MaxLength(4000)
  text!: string;
}

export class TemplatesDto {
  @ApiProperty()
  @IsString()
  @MaxLength(4000)
  intro!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(4000)
  closing!: string;

  @ApiProperty({ type: [RequirementDto] })
  @IsArray({ message: 'requirements must be a list of {title, text}' })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => RequirementDto)
  requirements!: RequirementDto[];

  @ApiProperty()
  @IsString()
  @MaxLength(200)
  issuer!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(500)
  addressee!: string;

  @ApiProperty({ example: '金审管' })
  @IsString()
  @MaxLength(50)
  numberPrefix!: string;

  @ApiPropertyOptional({
    description: 'as GET returned it; ignored: the office settings have their own PUT',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => OfficeDto)
  office?: OfficeDto;
}
