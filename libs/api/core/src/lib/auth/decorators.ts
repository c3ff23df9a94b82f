import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Permission } from '@efficacy/api-contract';
import type { Principal } from './principal';

export const IS_PUBLIC = 'efficacy:isPublic';
export const REQUIRED_PERMISSIONS = 'efficacy:requiredPermissions';

/** Marks an endpoint that answers without a token (health, auth discovery). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The permissions an endpoint needs; all of them must be held. */
export const RequirePermissions = (...permissions: Permission[]) =>
  SetMetadata(REQUIRED_PERMISSIONS, permissions);

export interface AuthenticatedRequest {
  principal?: Principal;
  headers: Record<string, string | string[] | undefined>;
}

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext) => {
  const request = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  return request.principal;
});
