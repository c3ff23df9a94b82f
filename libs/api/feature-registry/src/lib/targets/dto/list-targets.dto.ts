import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

export class ListTargetsDto {
  @ApiPropertyOptional({
    description:
      "The targets that apply to this region, own or inherited; without it, the targets of the user's own regions and every target set below them",
    example: '640106',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d{6}(\d{6})?(-[a-z0-9]+)*$/, {
    message:
      'region must be a GB/T 2260 code (640106), a township statistics code (640106100000) or a generated code (510403100000-jinlin)',
  })
  region?: string;

  @ApiPropertyOptional({ example: 2022 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'year must be a whole number' })
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ example: 'item_coverage' })
  @IsOptional()
  @IsString()
  indicator?: string;
}
