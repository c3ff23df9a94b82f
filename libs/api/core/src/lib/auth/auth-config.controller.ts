import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthConfigResponse } from '@efficacy/api-contract';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { AuthConfigResponseDto } from '../me/me.dto';
import { Public } from './decorators';

@ApiTags('auth')
@Controller('auth')
export class AuthConfigController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** How the console and the command line find Keycloak; public by design. */
  @Public()
  @Get('config')
  @ApiOkResponse({
    description: 'Keycloak issuer, realm and client ids',
    type: AuthConfigResponseDto,
  })
  authConfig(): AuthConfigResponse {
    const k = this.config.keycloak;
    return {
      issuer: k.issuer,
      realm: k.realm,
      keycloakUrl: k.url,
      consoleClientId: k.consoleClientId,
      cliClientId: k.cliClientId,
      audience: k.audience,
    };
  }
}
