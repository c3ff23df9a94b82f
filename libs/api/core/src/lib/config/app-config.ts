import { z } from 'zod';
import { parseRateLimits, type RateLimits } from '../http/rate-limits';

/**
 * Everything the API reads from its environment, validated once at boot. This
 * is the only place that touches `process.env`; every other piece receives an
 * `AppConfig` through DI.
 */
const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z
    .string({ error: 'DATABASE_URL is required (postgres://user:password@host:port/database)' })
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://'),
  DB_MIGRATE_ON_BOOT: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  KEYCLOAK_URL: z
    .string({ error: 'KEYCLOAK_URL is required (for example http://localhost:8180)' })
    .url('KEYCLOAK_URL must be a URL such as http://localhost:8180')
    .transform((v) => v.replace(/\/+$/, '')),
  KEYCLOAK_REALM: z.string().default('efficacy'),
  KEYCLOAK_AUDIENCE: z.string().default('efficacy-api'),
  KEYCLOAK_CONSOLE_CLIENT_ID: z.string().default('efficacy-console'),
  KEYCLOAK_CLI_CLIENT_ID: z.string().default('efficacy-cli'),
  CORS_ORIGINS: z
    .string()
    .default('http://localhost:4200,http://127.0.0.1:4200')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'log', 'debug', 'verbose']).default('log'),
  DEMO_DATA: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  NODE_ENV: z.string().optional(),
  API_DOCS: z.enum(['true', 'false']).optional(),
  TRUST_PROXY: z
    .string()
    .default('false')
    .refine(
      (v) => /^(true|false|\d+|loopback|linklocal|uniquelocal|[0-9a-fA-F.:/, ]+)$/.test(v.trim()),
      'TRUST_PROXY must be true, false, a number of hops, or addresses/subnets such as 10.0.0.0/8',
    ),
  RATE_LIMITS: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      try {
        parseRateLimits(v);
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: (e as Error).message });
      }
    }),
  EFFICACY_CLOCK_START: z
    .string()
    .optional()
    .refine(
      (v) => v === undefined || v === '' || !Number.isNaN(Date.parse(v)),
      'EFFICACY_CLOCK_START must be an instant such as 2027-03-01T09:00:00+08:00',
    ),
});

export interface AppConfig {
  port: number;
  host: string;
  databaseUrl: string;
  migrateOnBoot: boolean;
  keycloak: {
    url: string;
    realm: string;
    issuer: string;
    jwksUri: string;
    audience: string;
    consoleClientId: string;
    cliClientId: string;
  };
  corsOrigins: string[];
  logLevel: 'fatal' | 'error' | 'warn' | 'log' | 'debug' | 'verbose';
  /** Load the seed bulletins' demo townships, units and targets (npm start and the tests only). */
  demoData: boolean;
  /** Serve the OpenAPI document and Swagger UI at /api/docs (default: on, off when NODE_ENV=production). */
  apiDocs: boolean;
  /** Express `trust proxy`: false (default), true, a hop count, or addresses/subnets of the proxies. */
  trustProxy: boolean | number | string;
  /** Requests per minute per user for the rate-limited classes (see http/rate-limits.ts). */
  rateLimits: RateLimits;
  /** Where the business clock starts (tests and demos of a given date); the machine's time if absent. */
  clockStart: Date | null;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  const issuer = `${e.KEYCLOAK_URL}/realms/${e.KEYCLOAK_REALM}`;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    migrateOnBoot: e.DB_MIGRATE_ON_BOOT,
    keycloak: {
      url: e.KEYCLOAK_URL,
      realm: e.KEYCLOAK_REALM,
      issuer,
      jwksUri: `${issuer}/protocol/openid-connect/certs`,
      audience: e.KEYCLOAK_AUDIENCE,
      consoleClientId: e.KEYCLOAK_CONSOLE_CLIENT_ID,
      cliClientId: e.KEYCLOAK_CLI_CLIENT_ID,
    },
    corsOrigins: e.CORS_ORIGINS,
    logLevel: e.LOG_LEVEL,
    demoData: e.DEMO_DATA,
    apiDocs: e.API_DOCS === undefined ? e.NODE_ENV !== 'production' : e.API_DOCS === 'true',
    trustProxy: trustProxySetting(e.TRUST_PROXY),
    rateLimits: parseRateLimits(e.RATE_LIMITS),
    clockStart: e.EFFICACY_CLOCK_START ? new Date(e.EFFICACY_CLOCK_START) : null,
  };
}

function trustProxySetting(text: string): boolean | number | string {
  const v = text.trim();
  if (v === 'true') return true;
  if (v === 'false') return false;
  if (/^\d+$/.test(v)) return Number(v);
  return v;
}
