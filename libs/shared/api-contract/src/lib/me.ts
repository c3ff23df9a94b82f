import type { Permission, Role } from './permissions';

/** What the API knows about the signed-in user: identity, roles, permissions and data scope. */
export interface MeResponse {
  username: string;
  displayName: string;
  roles: Role[];
  permissions: Permission[];
  scope: {
    /** GB/T 2260 region codes the user reaches (and everything below them). */
    regions: ScopeRegion[];
    /** Unit ids (`<county code>:<slug>`) for department roles. */
    units: string[];
  };
  tokenExpiresAt: string;
}

export interface ScopeRegion {
  code: string;
  nameZh: string | null;
  nameEn: string | null;
}

export interface HealthResponse {
  status: 'ok' | 'error';
  info?: Record<string, { status: string; [key: string]: unknown }>;
  error?: Record<string, { status: string; [key: string]: unknown }>;
  details: Record<string, { status: string; [key: string]: unknown }>;
}

/** Public, unauthenticated: how clients find Keycloak. */
export interface AuthConfigResponse {
  issuer: string;
  realm: string;
  keycloakUrl: string;
  consoleClientId: string;
  cliClientId: string;
  audience: string;
}

/** The body of every error the API returns. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  requestId?: string;
}
