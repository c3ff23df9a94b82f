// Response shapes of the identity endpoints; each implements its api-contract type so the compiler holds
// them equal, and @nestjs/swagger's plugin reads them into the OpenAPI document (ADR 0017).
import {
  type MeResponse,
  type Permission,
  type Role,
  type ScopeRegion,
  type AuthConfigResponse,
} from '@efficacy/api-contract';

export class ScopeRegionDto implements ScopeRegion {
  code!: string;

  nameZh!: string | null;

  nameEn!: string | null;
}

export class MeResponseScopeDto {
  /** GB/T 2260 region codes the user reaches (and everything below them). */
  regions!: ScopeRegionDto[];

  /** Unit ids (`<county code>:<slug>`) for department roles. */
  units!: string[];
}

/** What the API knows about the signed-in user: identity, roles, permissions and data scope. */
export class MeResponseDto implements MeResponse {
  username!: string;

  displayName!: string;

  roles!: Role[];

  permissions!: Permission[];

  scope!: MeResponseScopeDto;

  tokenExpiresAt!: string;
}

/** Public, unauthenticated: how clients find Keycloak. */
export class AuthConfigResponseDto implements AuthConfigResponse {
  issuer!: string;

  realm!: string;

  keycloakUrl!: string;

  consoleClientId!: string;

  cliClientId!: string;

  audience!: string;
}
