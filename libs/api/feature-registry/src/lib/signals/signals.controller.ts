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
import { DetectSignalsDto } from './dto/detect-signals.dto';
import type { SignalReport } from './signals.types';
import { SignalsService } from './signals.service';
import { SignalReportDto } from '../registry-responses.dto';

@ApiTags('signals')
@ApiBearerAuth()
@Controller('signals')
export class SignalsController {
  constructor(
    private readonly signals: SignalsService,
    private readonly scope: ScopeService,
  ) {}

  @Get()
  @RequirePermissions('assessment:read')
  @ApiOperation({
    summary:
      'Signals for a region and period: zero cases, test-case-only items, case volumes that disagree between sources, and discrepancies between figures',
  })
  @ApiOkResponse({
    type: SignalReportDto,
    description: 'signals and discrepancies, each tied to its cells',
  })
  @ApiBadRequestResponse({ description: 'bad period notation or region code' })
  @ApiNotFoundResponse({ description: "the region is not in the user's scope" })
  async detect(
    @CurrentPrincipal() principal: Principal,
    @Query() query: DetectSignalsDto,
  ): Promise<SignalReport> {
    return this.signals.detect(await this.scope.resolve(principal), query);
  }
}
