import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  CurrentPrincipal,
  RequirePermissions,
  ScopeService,
  type Principal,
} from '@efficacy/api/core';
import type { Explanation } from '@efficacy/assessment-engine';
import { ExplainValueDto } from './dto/explain-value.dto';
import { ExplanationsService } from './explanations.service';
import { ExplanationDto } from '../registry-responses.dto';

@ApiTags('explanations')
@ApiBearerAuth()
@Controller('explanations')
export class ExplanationsController {
  constructor(
    private readonly explanations: ExplanationsService,
    private readonly scope: ScopeService,
  ) {}

  @Get()
  @RequirePermissions('assessment:read')
  @ApiOperation({
    summary:
      'Explain one number: formula and version, every input with its cell (import, file, sheet, row, column), excluded units and the warnings that touch it',
  })
  @ApiOkResponse({ type: ExplanationDto, description: 'the explanation' })
  @ApiBadRequestResponse({
    description: 'bad period, unknown indicator or version, neither or both of region and unit',
  })
  @ApiNotFoundResponse({ description: "the region or unit is not in the user's scope" })
  async explain(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ExplainValueDto,
  ): Promise<Explanation> {
    return this.explanations.explain(await this.scope.resolve(principal), query);
  }
}
