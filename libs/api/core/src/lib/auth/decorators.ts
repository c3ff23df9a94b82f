import {
  applyDecorators,
  createParamDecorator,
  ExecutionContext,
  SetMetadata,
} from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Permission } from '@efficacy/api-contract';
import { ApiErrorDto } from '../http/api-error.dto';
import type { Principal } from './principal';

export const IS_PUBLIC = 'efficacy:isPublic';
export const REQUIRED_PERMISSIONS = 'efficacy:requiredPermissions';

/** Marks an endpoint that answers without a token (health, auth discovery). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/**
 * For the OpenAPI document: the endpoint needs a bearer token, and AuthGuard answers 401 without
 * a valid one and 403 without a role (or, with `permissions`, without one of them).
 */
export const ApiAuthenticated = (permissions: readonly Permission[] = []) =>
  applyDecorators(
    ApiBearerAuth(),
    ApiUnauthorizedResponse({
      description: 'no access token, or one that is malformed, expired or not for this API',
      type: ApiErrorDto,
    }),
    ApiForbiddenResponse({
      description:
        permissions.length > 0
          ? `the account lacks ${permissions.join(', ')}, or the request reaches outside its regions`
          : 'the account has no Efficacy role',
      type: ApiErrorDto,
    }),
  );

/** The permissions an endpoint needs; all of them must be held (documented as ApiAuthenticated). */
export const RequirePermissions = (...permissions: Permission[]) =>
  applyDecorators(SetMetadata(REQUIRED_PERMISSIONS, permissions), ApiAuthenticated(permissions));

export interface AuthenticatedRequest {
  principal?: Principal;
  headers: Record<string, string | string[] | undefined>;
}

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext) => {
  const request = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  return request.principal;
});
