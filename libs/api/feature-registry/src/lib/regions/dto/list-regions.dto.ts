import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
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

/** How many levels of the tree to send, counted from the user's own regions. */
export const DEFAULT_TREE_DEPTH = 3;

/** The tree of `GET /regions`: a day, and how deep. */
export class RegionTreeDto extends ListRegionsDto {
  @ApiPropertyOptional({
    description:
      "Levels to send, the user's own regions being the first (5 is everything): 3 when absent, so a province's user gets its cities and counties and opens a county's townships with /regions/{code}/children",
    example: 3,
    minimum: 1,
    maximum: 5,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'depth must be a whole number from 1 to 5' })
  @Min(1, { message: 'depth must be a whole number from 1 to 5' })
  @Max(5, { message: 'depth must be a whole number from 1 to 5' })
  depth?: number;
}

/** `GET /regions/search`: a code prefix or part of a name, within the scope. */
export class SearchRegionsDto extends ListRegionsDto {
  @ApiProperty({
    description: 'The start of a region code (4113, 411328) or part of its name (唐河, Tanghe)',
    example: '唐河',
    maxLength: 40,
  })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'q must be a code or a name to look for' })
  @IsNotEmpty({ message: 'q must not be empty: give the start of a code or part of a name' })
  @MaxLength(40, { message: 'q must be at most 40 characters' })
  q!: string;

  @ApiPropertyOptional({ description: 'At most this many regions (20 when absent)', example: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number from 1 to 50' })
  @Min(1, { message: 'limit must be a whole number from 1 to 50' })
  @Max(50, { message: 'limit must be a whole number from 1 to 50' })
  limit?: number;
}
