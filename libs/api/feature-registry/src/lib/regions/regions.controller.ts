import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, ScopeService, type Principal } from '@efficacy/api/core';
import { ListRegionsDto } from './dto/list-regions.dto';
import { RegionsService } from './regions.service';
import type { RegionDetail, RegionNode } from './regions.types';

@ApiTags('regions')
@ApiBearerAuth()
@Controller('regions')
export class RegionsController {
  constructor(
    private readonly regions: RegionsService,
    private readonly scope: ScopeService,
  ) {}

  @Get()
  @ApiOperation({
    summary: "The region tree within the user's scope (their regions and everything below)",
  })
  @ApiOkResponse({ description: 'root nodes with nested children and unit counts' })
  async tree(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListRegionsDto,
  ): Promise<RegionNode[]> {
    return this.regions.tree(await this.scope.resolve(principal), query.asOf);
  }

  @Get(':code')
  @ApiOperation({ summary: 'One region with its ancestors, child regions and units' })
  @ApiParam({
    name: 'code',
    example: '640106',
    description: 'GB/T 2260 code or a generated township/village code',
  })
  @ApiOkResponse({ description: 'the region' })
  @ApiNotFoundResponse({ description: "no such region in the user's scope" })
  async detail(
    @CurrentPrincipal() principal: Principal,
    @Param('code') code: string,
    @Query() query: ListRegionsDto,
  ): Promise<RegionDetail> {
    return this.regions.detail(await this.scope.resolve(principal), code, query.asOf);
  }
}
