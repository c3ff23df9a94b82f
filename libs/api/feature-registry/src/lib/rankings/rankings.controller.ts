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
import { RankIndicatorDto } from './dto/rank-indicator.dto';
import type { Ranking } from './rankings.types';
import { RankingsService } from './rankings.service';
import { RankingDto } from '../registry-responses.dto';

@ApiTags('rankings')
@ApiBearerAuth()
@Controller('rankings')
export class RankingsController {
  constructor(
    private readonly rankings: RankingsService,
    private readonly scope: ScopeService,
  ) {}

  @Get()
  @RequirePermissions('assessment:read')
  @ApiOperation({
    summary:
      'Rank the children of a region on one indicator (ties share a rank; "/", "-" and missing are not ranked)',
  })
  @ApiOkResponse({ type: RankingDto, description: 'ranked rows first, then the unranked' })
  @ApiBadRequestResponse({ description: 'bad period notation, unknown indicator' })
  @ApiNotFoundResponse({ description: "the region is not in the user's scope" })
  async rank(
    @CurrentPrincipal() principal: Principal,
    @Query() query: RankIndicatorDto,
  ): Promise<Ranking> {
    return this.rankings.rank(await this.scope.resolve(principal), query);
  }
}
