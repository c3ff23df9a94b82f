import { Body, Controller, Delete, Get, Put, Query } from '@nestjs/common';
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
import { DeleteTargetDto } from './dto/delete-target.dto';
import { ListTargetsDto } from './dto/list-targets.dto';
import { SetTargetDto } from './dto/set-target.dto';
import type { SetTargetResult, TargetView } from './targets.types';
import { TargetsService } from './targets.service';
import { TargetViewDto, SetTargetResultDto, TargetsRemoveDto } from '../registry-responses.dto';

@ApiTags('targets')
@ApiBearerAuth()
@Controller('targets')
export class TargetsController {
  constructor(
    private readonly targets: TargetsService,
    private readonly scope: ScopeService,
  ) {}

  @Get()
  @RequirePermissions('target:read')
  @ApiOperation({
    summary: 'Targets in scope, each with the region it is set on and whether it is inherited',
  })
  @ApiOkResponse({
    type: TargetViewDto,
    isArray: true,
    description: 'targets, latest per indicator × region × year',
  })
  @ApiNotFoundResponse({ description: "the region is not in the user's scope" })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListTargetsDto,
  ): Promise<TargetView[]> {
    return this.targets.list(await this.scope.resolve(principal), query);
  }

  @Put()
  @RequirePermissions('target:write')
  @ApiOperation({
    summary:
      'Set the target for an indicator × region × year (audited; a new row supersedes the one in force)',
  })
  @ApiOkResponse({
    type: SetTargetResultDto,
    description: 'the target in force now, and the row it supersedes',
  })
  @ApiBadRequestResponse({
    description: 'unknown indicator, or a value that does not fit the comparator',
  })
  @ApiForbiddenResponse({
    description: "no target:write permission, or the region is above the user's scope",
  })
  @ApiNotFoundResponse({ description: "the region does not exist or is outside the user's scope" })
  async set(@Actor() actor: AuditActor, @Body() body: SetTargetDto): Promise<SetTargetResult> {
    return this.targets.set(actor, await this.scope.resolve(actor.principal), body);
  }

  @Delete()
  @RequirePermissions('target:write')
  @ApiOperation({
    summary:
      "Delete a region's own target for an indicator × year (audited; the region falls back to the target it inherits)",
  })
  @ApiOkResponse({
    type: TargetsRemoveDto,
    description: 'how many rows (the target and the ones it superseded) went',
  })
  @ApiForbiddenResponse({
    description: "no target:write permission, or the region is above the user's scope",
  })
  @ApiNotFoundResponse({
    description: "the region is outside the user's scope, or has no target of its own there",
  })
  async remove(
    @Actor() actor: AuditActor,
    @Query() query: DeleteTargetDto,
  ): Promise<{ removed: number; target: string }> {
    return this.targets.remove(actor, await this.scope.resolve(actor.principal), query);
  }
}
