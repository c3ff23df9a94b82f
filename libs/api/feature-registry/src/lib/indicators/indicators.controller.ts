import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { ApiAuthenticated } from '@efficacy/api/core';
import { ListIndicatorsDto } from './dto/list-indicators.dto';
import type { IndicatorDetail, IndicatorSummary } from './indicators.types';
import { IndicatorsService } from './indicators.service';
import { IndicatorSummaryDto, IndicatorDetailDto } from '../registry-responses.dto';

// The catalogue is policy text, the same for everyone: any signed-in user may read it.
@ApiTags('indicators')
@ApiAuthenticated()
@Controller('indicators')
export class IndicatorsController {
  constructor(private readonly indicators: IndicatorsService) {}

  @Get()
  @ApiOperation({
    summary: 'The indicator catalogue: code, names, formula (zh/en), unit, polarity, rounding',
  })
  @ApiOkResponse({
    type: IndicatorSummaryDto,
    isArray: true,
    description: 'one entry per indicator code',
  })
  list(@Query() query: ListIndicatorsDto): IndicatorSummary[] {
    return this.indicators.list(query.asOf);
  }

  @Get(':code')
  @ApiOperation({
    summary:
      'One indicator with every version, its formula in zh/en and the policy text it comes from',
  })
  @ApiParam({ name: 'code', example: 'item_coverage' })
  @ApiOkResponse({ type: IndicatorDetailDto, description: 'the indicator and its versions' })
  @ApiNotFoundResponse({ description: 'no indicator with this code' })
  get(@Param('code') code: string): IndicatorDetail {
    return this.indicators.get(code);
  }
}
