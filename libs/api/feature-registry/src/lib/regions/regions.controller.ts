import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import {
  ApiAuthenticated,
  Actor,
  CurrentPrincipal,
  RequirePermissions,
  ScopeService,
  type AuditActor,
  type Principal,
} from '@efficacy/api/core';
import { ListRegionsDto, RegionTreeDto, SearchRegionsDto } from './dto/list-regions.dto';
import { RecordSuccessionDto } from './dto/record-succession.dto';
import { RegionsService } from './regions.service';
import type {
  RecordRegionSuccessionResult,
  RegionChild,
  RegionDetail,
  RegionNode,
  RegionSearchHit,
  RegionSuccession,
} from './regions.types';
import {
  RegionNodeDto,
  RegionSearchHitDto,
  RecordRegionSuccessionResultDto,
  RegionDetailDto,
  RegionChildDto,
  RegionSuccessionDto,
} from '../registry-responses.dto';

const CODE_PARAM = {
  name: 'code',
  example: '640106',
  description:
    'GB/T 2260 code (640106), 12-digit township code (640106100000) or a generated demo code',
};

@ApiTags('regions')
@ApiAuthenticated()
@Controller('regions')
export class RegionsController {
  constructor(
    private readonly regions: RegionsService,
    private readonly scope: ScopeService,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      "The region tree within the user's scope: their regions and two levels below unless depth asks for more",
  })
  @ApiOkResponse({
    type: RegionNodeDto,
    isArray: true,
    description: 'root nodes with nested children and unit counts',
  })
  async tree(
    @CurrentPrincipal() principal: Principal,
    @Query() query: RegionTreeDto,
  ): Promise<RegionNode[]> {
    return this.regions.tree(await this.scope.resolve(principal), query.asOf, query.depth);
  }

  @Get('search')
  @ApiOperation({
    summary:
      "Regions in the user's scope whose code begins with, or whose name holds, the query, with their ancestors' names",
  })
  @ApiOkResponse({
    type: RegionSearchHitDto,
    isArray: true,
    description: 'exact code first, then the higher levels, by code',
  })
  @ApiBadRequestResponse({ description: 'an empty or over-long query' })
  async search(
    @CurrentPrincipal() principal: Principal,
    @Query() query: SearchRegionsDto,
  ): Promise<RegionSearchHit[]> {
    return this.regions.search(
      await this.scope.resolve(principal),
      query.q,
      query.asOf,
      query.limit,
    );
  }

  @Post('successions')
  @RequirePermissions('registry:write')
  @ApiOperation({
    summary:
      'Record a merge, split or rename of regions from its day on (audited); periods before it keep the old regions',
  })
  @ApiCreatedResponse({
    type: RecordRegionSuccessionResultDto,
    description: 'the succession, the regions created and what moved',
  })
  @ApiBadRequestResponse({ description: 'a shape that is not a merge, split or rename' })
  @ApiForbiddenResponse({ description: 'no registry:write, or a successor outside the scope' })
  @ApiNotFoundResponse({ description: "a region that is not in the user's scope" })
  @ApiConflictResponse({ description: 'a predecessor that already ended or begins later' })
  async recordSuccession(
    @Actor() actor: AuditActor,
    @Body() body: RecordSuccessionDto,
  ): Promise<RecordRegionSuccessionResult> {
    return this.regions.recordSuccession(actor, await this.scope.resolve(actor.principal), body);
  }

  @Get(':code')
  @ApiOperation({ summary: 'One region with its ancestors, child regions and units' })
  @ApiParam(CODE_PARAM)
  @ApiOkResponse({ type: RegionDetailDto, description: 'the region' })
  @ApiNotFoundResponse({ description: "no such region in the user's scope" })
  async detail(
    @CurrentPrincipal() principal: Principal,
    @Param('code') code: string,
    @Query() query: ListRegionsDto,
  ): Promise<RegionDetail> {
    return this.regions.detail(await this.scope.resolve(principal), code, query.asOf);
  }

  @Get(':code/children')
  @ApiOperation({
    summary: 'The regions directly below one region on a day, with their region and unit counts',
  })
  @ApiParam(CODE_PARAM)
  @ApiOkResponse({
    type: RegionChildDto,
    isArray: true,
    description: 'one level of the tree, by code',
  })
  @ApiNotFoundResponse({ description: "no such region in the user's scope" })
  async children(
    @CurrentPrincipal() principal: Principal,
    @Param('code') code: string,
    @Query() query: ListRegionsDto,
  ): Promise<RegionChild[]> {
    return this.regions.children(await this.scope.resolve(principal), code, query.asOf);
  }

  @Get(':code/successions')
  @ApiOperation({ summary: 'The merges, splits and renames the region took part in, with dates' })
  @ApiParam(CODE_PARAM)
  @ApiOkResponse({
    type: RegionSuccessionDto,
    isArray: true,
    description: 'successions, oldest first',
  })
  @ApiNotFoundResponse({ description: "no such region in the user's scope" })
  async successions(
    @CurrentPrincipal() principal: Principal,
    @Param('code') code: string,
  ): Promise<RegionSuccession[]> {
    return this.regions.successions(await this.scope.resolve(principal), code);
  }
}
