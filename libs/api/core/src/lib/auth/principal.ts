import { isRole, permissionsOf, type Permission, type Role } from '@efficacy/api-contract';

/**
 * The signed-in user as the API sees it: identity, roles, permissions and data
 * scope, all taken from a verified Keycloak access token (see ADR 0002).
 */
export interface Principal {
  subject: string;
  username: string;
  displayName: string;
  roles: Role[];
  permissions: ReadonlySet<Permission>;
  /** GB/T 2260 codes; the user reaches these regions and everything below them. */
  regions: string[];
  /** Unit ids (`<county code>:<slug>`) for department roles. */
  units: string[];
  expiresAt: Date;
}

export interface AccessTokenClaims {
  sub?: string;
  exp?: number;
  preferred_username?: string;
  name?: string;
  realm_access?: { roles?: unknown };
  efficacy_regions?: unknown;
  efficacy_units?: unknown;
}

function stringList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v): v is string => typeof v === 'string' && v.length > 0);
}

export function principalFromClaims(claims: AccessTokenClaims): Principal {
  const roles = stringList(claims.realm_access?.roles).filter(isRole);
  const username = claims.preferred_username ?? claims.sub ?? 'unknown';
  return {
    subject: claims.sub ?? username,
    username,
    displayName: claims.name ?? username,
    roles,
    permissions: new Set(permissionsOf(roles)),
    regions: [...new Set(stringList(claims.efficacy_regions))].sort(),
    units: [...new Set(stringList(claims.efficacy_units))].sort(),
    expiresAt: new Date((claims.exp ?? 0) * 1000),
  };
}
