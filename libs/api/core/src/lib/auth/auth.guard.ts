import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Permission } from '@efficacy/api-contract';
import { IS_PUBLIC, REQUIRED_PERMISSIONS, type AuthenticatedRequest } from './decorators';
import { TokenRejected, TokenVerifier } from './token-verifier';

/**
 * Global guard: every endpoint needs a valid access token unless marked
 * @Public(), and the permissions named by @RequirePermissions().
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers['authorization'];
    const value = Array.isArray(header) ? header[0] : header;
    if (!value)
      throw new UnauthorizedException('missing access token: send "Authorization: Bearer <token>"');
    const match = /^Bearer\s+(\S+)$/i.exec(value);
    if (!match)
      throw new UnauthorizedException('malformed Authorization header: expected "Bearer <token>"');

    try {
      request.principal = await this.verifier.verify(match[1]);
    } catch (error) {
      if (error instanceof TokenRejected) {
        if (error.status === 503) throw new ServiceUnavailableException(error.message);
        throw error.status === 403
          ? new ForbiddenException(error.message)
          : new UnauthorizedException(error.message);
      }
      throw error;
    }

    const principal = request.principal;
    if (principal.roles.length === 0) {
      throw new ForbiddenException(
        'your account has no Efficacy role: ask an administrator to grant one',
      );
    }
    const required =
      this.reflector.getAllAndOverride<Permission[] | undefined>(REQUIRED_PERMISSIONS, targets) ??
      [];
    const missing = required.filter((p) => !principal.permissions.has(p));
    if (missing.length > 0) {
      throw new ForbiddenException(`missing permission: ${missing.join(', ')}`);
    }
    return true;
  }
}
