import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
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
  ApiUnprocessableEntityResponse,
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
import type { UnitListItem } from '../regions/regions.types';
import { AddUnitAliasDto } from './dto/add-unit-alias.dto';
import { AddUnitDto } from './dto/add-unit.dto';
import { ListUnitsDto } from './dto/list-units.dto';
import type { UnitDetail } from './units.types';
import { UnitsService } from './units.service';
import { UnitListItemDto, UnitDetailDto } from '../registry-responses.dto';

@ApiTags('units')
@ApiAuthenticated()
@Controller('units')
export class UnitsController {
  constructor(
    private readonly units: UnitsService,
    private readonly scope: ScopeService,
  ) {}

  @Get()
  @ApiOperation({
    summary: "Units in the user's scope, optionally of one region and the regions below it",
  })
  @ApiOkResponse({ type: UnitListItemDto, isArray: true, description: 'units with their aliases' })
  @ApiNotFoundResponse({ description: "the region is not in the user's scope" })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListUnitsDto,
  ): Promise<UnitListItem[]> {
    return this.units.list(await this.scope.resolve(principal), query.region);
  }

  @Post()
  @RequirePermissions('registry:write')
  @ApiOperation({
    summary:
      'Add a unit that is not a region (department, 开发区, hall, service centre, company) to a region in scope (audited)',
  })
  @ApiCreatedResponse({ type: UnitDetailDto, description: 'the new unit' })
  @ApiBadRequestResponse({ description: 'a field that is missing or malformed' })
  @ApiForbiddenResponse({
    description: 'the user may not edit the registry, or the region is outside their scope',
  })
  @ApiUnprocessableEntityResponse({ description: 'the region is not in the registry' })
  @ApiConflictResponse({ description: 'the id or a name is taken in the region' })
  async add(@Actor() actor: AuditActor, @Body() body: AddUnitDto): Promise<UnitDetail> {
    return this.units.addUnit(actor, await this.scope.resolve(actor.principal), body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One unit with its region and every alias (who added it, when)' })
  @ApiParam({ name: 'id', example: '640106:spj' })
  @ApiOkResponse({ type: UnitDetailDto, description: 'the unit' })
  @ApiNotFoundResponse({ description: "no such unit in the user's scope" })
  async detail(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
  ): Promise<UnitDetail> {
    return this.units.detail(await this.scope.resolve(principal), id);
  }

  @Post(':id/aliases')
  @RequirePermissions('unit:alias-write')
  @ApiOperation({ summary: 'Add a spelling of the unit (audited)' })
  @ApiParam({ name: 'id', example: '640106:spj' })
  @ApiCreatedResponse({ type: UnitDetailDto, description: 'the unit with the new alias' })
  @ApiBadRequestResponse({ description: 'empty or over-long alias' })
  @ApiForbiddenResponse({ description: 'the user may not edit aliases' })
  @ApiNotFoundResponse({ description: "no such unit in the user's scope" })
  @ApiConflictResponse({
    description: 'the alias already names this or another unit of the region',
  })
  async addAlias(
    @Actor() actor: AuditActor,
    @Param('id') id: string,
    @Body() body: AddUnitAliasDto,
  ): Promise<UnitDetail> {
    return this.units.addAlias(actor, await this.scope.resolve(actor.principal), id, body.alias);
  }

  @Delete(':id/aliases/:alias')
  @HttpCode(200)
  @RequirePermissions('unit:alias-write')
  @ApiOperation({ summary: 'Remove a spelling of the unit (audited)' })
  @ApiParam({ name: 'id', example: '640106:spj' })
  @ApiParam({ name: 'alias', example: '审批局' })
  @ApiOkResponse({ type: UnitDetailDto, description: 'the unit without the alias' })
  @ApiForbiddenResponse({ description: 'the user may not edit aliases' })
  @ApiNotFoundResponse({
    description: "no such unit in the user's scope, or the unit has no such alias",
  })
  async removeAlias(
    @Actor() actor: AuditActor,
    @Param('id') id: string,
    @Param('alias') alias: string,
  ): Promise<UnitDetail> {
    return this.units.removeAlias(actor, await this.scope.resolve(actor.principal), id, alias);
  }
}
