import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class AddUnitAliasDto {
  @ApiProperty({
    description:
      'Another spelling a source uses for the unit, kept verbatim (surrounding spaces trimmed)',
    example: '金凤区审批局',
    maxLength: 100,
  })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'alias must be text' })
  @IsNotEmpty({ message: 'alias must not be empty' })
  @MaxLength(100, { message: 'alias must be at most 100 characters' })
  alias!: string;
}
