import { ExecutionContext, HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ThrottlerStorageService } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import type { AuthenticatedRequest } from '../auth/decorators';
import { RATE_LIMIT_WINDOW_MS, rateLimitClass } from './rate-limits';

/**
 * Per-user rate limits for the classes in rate-limits.ts, counted in @nestjs/throttler's
 * storage. Runs after the authentication guard (it is registered after it), so a signed-in
 * request is counted under its user, whatever address it comes from; the public sign-in
 * endpoint is counted per client address. A request over the limit gets 429 with
 * `Retry-After` (seconds) and a sentence saying which limit and when to try again.
 */
@Injectable()
export class RateLimitGuard {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly storage: ThrottlerStorageService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const http = context.switchToHttp();
    const request = http.getRequest<Request & Partial<AuthenticatedRequest>>();
    const response = http.getResponse<Response>();
    const cls = rateLimitClass(request.method, request.path);
    if (!cls) return true;
    const limit = this.config.rateLimits[cls];
    const who = request.principal
      ? `user:${request.principal.subject}`
      : `ip:${request.ip ?? 'unknown'}`;
    const { totalHits, timeToExpire, isBlocked, timeToBlockExpire } = await this.storage.increment(
      `${cls}:${who}`,
      RATE_LIMIT_WINDOW_MS,
      limit,
      0,
      cls,
    );
    response.setHeader('RateLimit-Limit', String(limit));
    response.setHeader('RateLimit-Remaining', String(Math.max(0, limit - totalHits)));
    response.setHeader('RateLimit-Reset', String(timeToExpire));
    if (isBlocked || totalHits > limit) {
      const seconds = Math.max(1, timeToBlockExpire || timeToExpire);
      response.setHeader('Retry-After', String(seconds));
      throw new HttpException(
        `too many ${cls} requests: at most ${limit} a minute for each user; try again in ${seconds} s`,
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    return true;
  }
}
