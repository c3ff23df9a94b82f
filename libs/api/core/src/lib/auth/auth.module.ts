import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthConfigController } from './auth-config.controller';
import { AuthGuard } from './auth.guard';
import { TokenVerifier } from './token-verifier';
import { ThrottlerStorageService } from '@nestjs/throttler';
import { RateLimitGuard } from '../http/rate-limit.guard';

@Global()
@Module({
  controllers: [AuthConfigController],
  providers: [
    TokenVerifier,
    ThrottlerStorageService,
    // Order matters: the rate limit counts the user the authentication guard found.
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: RateLimitGuard },
  ],
  exports: [TokenVerifier],
})
export class AuthModule {}
