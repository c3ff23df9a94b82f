import { createParamDecorator, ExecutionContext, UnauthorizedException } from '@nestjs/common';
import type { Request } from 'express';
import type { Principal } from '../auth/principal';
import type { AuditActor } from './audit.service';

/** The acting user with the request's id and client address, for audit entries. */
export const Actor = createParamDecorator((_: unknown, ctx: ExecutionContext): AuditActor => {
  const request = ctx
    .switchToHttp()
    .getRequest<Request & { principal?: Principal; requestId?: string }>();
  if (!request.principal) throw new UnauthorizedException('missing access token');
  return {
    principal: request.principal,
    requestId: request.requestId ?? null,
    clientAddress: request.ip ?? request.socket?.remoteAddress ?? null,
  };
});
