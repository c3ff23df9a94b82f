import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  Actor,
  CurrentPrincipal,
  RequirePermissions,
  ScopeService,
  type AuditActor,
  type Principal,
} from '@efficacy/api/core';
import type { HeadlineSet } from '@efficacy/api-contract';
import { GetHeadlinesDto, SetHeadlinesDto } from './dto/headlines.dto';
import { HeadlinesService } from './headlines.service';
import { HeadlineSetDto } from '../registry-responses.dto';

@ApiTags('headlines')
@ApiBearerAuth()
@Controller('headlines')
export class HeadlinesController {
  constructor(
    private readonly headlines: HeadlinesService,
    private readonly scope: ScopeService,
  ) {}

  @Get()
  @RequirePermissions('assessment:read')
  @ApiOperation({
    summary: "The headline indicators of a region's overview: its own, inherited, or the default",
  })
  @ApiOkResponse({
    type: HeadlineSetDto,
    description: 'indicator codes in display order, and where they were set',
  })
  @ApiNotFoundResponse({ description: "the region is not in the user's scope" })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Query() query: GetHeadlinesDto,
  ): Promise<HeadlineSet> {
    return this.headlines.get(await this.scope.resolve(principal), query.region);
  }

  @Put()
  @RequirePermissions('target:write')
  @ApiOperation({
    summary: "Set a region's headline indicators, or inherit again with null (audited)",
  })
  @ApiOkResponse({
    type: HeadlineSetDto,
    description: 'the headline indicators in force for the region now',
  })
  @ApiBadRequestResponse({ description: 'unknown, repeated or too many indicators' })
  @ApiForbiddenResponse({ description: "the region is above the user's scope" })
  @ApiNotFoundResponse({ description: "the region is outside the user's scope" })
  async set(@Actor() actor: AuditActor, @Body() body: SetHeadlinesDto): Promise<HeadlineSet> {
    return this.headlines.set(actor, await this.scope.resolve(actor.principal), body);
  }
}
