import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { LRUCache } from 'lru-cache';
import { APP_CONFIG } from '../config/config.module';
import { WALL_CLOCK, type Clock } from '../clock/clock';
import type { AppConfig } from '../config/app-config';
import { principalFromClaims, type AccessTokenClaims, type Principal } from './principal';

/** Why a token was refused, in words a client developer can act on. */
export class TokenRejected extends Error {
  override readonly name = 'TokenRejected';
  constructor(
    message: string,
    readonly status: 401 | 403 | 503 = 401,
  ) {
    super(message);
  }
}

/** Seconds of clock skew allowed between Keycloak and the API. */
const CLOCK_TOLERANCE_S = 5;

/**
 * Verifies Keycloak access tokens: signature against the realm's JWKS, issuer,
 * audience (or authorised party), expiry. Keys are fetched lazily and cached by
 * jose, which also refetches when an unknown key id appears (key rotation).
 *
 * A token that passed is remembered, by its exact text, until it expires: a console page
 * sends the same token with every request, and the signature check is most of what a cached
 * answer costs. Expiry is still checked on every request, so a disabled user still loses access
 * when the token runs out, as without the memo.
 */
@Injectable()
export class TokenVerifier {
  private readonly jwks: ReturnType<typeof createRemoteJWKSet>;
  private readonly verified = new LRUCache<string, Principal>({ max: 10_000 });

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    // Keycloak stamps expiry from its own clock: compare with the machine's, never the business one.
    @Inject(WALL_CLOCK) private readonly clock: Clock,
  ) {
    this.jwks = createRemoteJWKSet(new URL(config.keycloak.jwksUri), {
      timeoutDuration: 5000,
      cooldownDuration: 30_000,
    });
  }

  async verify(token: string): Promise<Principal> {
    const known = this.verified.get(token);
    if (known) {
      if (this.clock.now().getTime() <= known.expiresAt.getTime() + CLOCK_TOLERANCE_S * 1000)
        return known;
      this.verified.delete(token);
    }
    const principal = await this.verifyAfresh(token);
    this.verified.set(token, principal);
    return principal;
  }

  private async verifyAfresh(token: string): Promise<Principal> {
    const { issuer, audience } = this.config.keycloak;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.jwks, {
        issuer,
        algorithms: ['RS256', 'RS384', 'RS512', 'PS256', 'ES256'],
        clockTolerance: CLOCK_TOLERANCE_S,
        // A token that never expires is not one Keycloak issues: refuse it.
        requiredClaims: ['exp'],
        currentDate: this.clock.now(),
      }));
    } catch (error) {
      if (unreachable(error))
        throw new TokenRejected(
          `Keycloak at ${this.config.keycloak.url} cannot be reached to check the access token; try again in a minute, or ask the operator to check Keycloak`,
          503,
        );
      throw new TokenRejected(describe(error, issuer));
    }
    const aud =
      payload.aud === undefined ? [] : Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    const azp = typeof payload['azp'] === 'string' ? payload['azp'] : undefined;
    if (!aud.includes(audience) && azp !== audience) {
      throw new TokenRejected(
        `access token is not meant for this API: audience must include "${audience}" (got ${aud.length ? aud.join(', ') : 'none'})`,
      );
    }
    if (payload['typ'] !== undefined && payload['typ'] !== 'Bearer') {
      throw new TokenRejected(`a ${String(payload['typ'])} token is not an access token`);
    }
    return principalFromClaims(payload as AccessTokenClaims);
  }
}

/**
 * The signing keys could not be fetched: a network failure or a timeout, not a bad token.
 * jose's Node runtime fetches with http.get, whose socket errors carry `code`; fetch()
 * wraps the same error as the `cause` of a TypeError.
 */
function unreachable(error: unknown): boolean {
  if (error instanceof errors.JWKSTimeout) return true;
  if (error instanceof errors.JOSEError || typeof error !== 'object' || error === null)
    return false;
  // not `instanceof Error`: a socket error may come from another realm (Node's own, under Jest)
  const e = error as {
    code?: unknown;
    cause?: { code?: unknown };
    name?: unknown;
    message?: unknown;
  };
  const code = typeof e.code === 'string' ? e.code : e.cause?.code;
  return (
    (typeof code === 'string' && NETWORK_ERRORS.has(code)) ||
    (e.name === 'TypeError' && typeof e.message === 'string' && /fetch failed/i.test(e.message))
  );
}

const NETWORK_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
]);

function describe(error: unknown, issuer: string): string {
  if (error instanceof errors.JWTExpired) return 'access token expired: sign in again';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'exp' && error.reason === 'missing')
      return 'access token has no expiry ("exp"): a token that never expires is refused';
    if (error.claim === 'iss')
      return `access token was issued by another server: expected issuer ${issuer}`;
    return `access token claim "${error.claim}" is invalid: ${error.reason}`;
  }
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return 'access token signature is invalid';
  if (error instanceof errors.JWKSNoMatchingKey)
    return 'access token is signed with a key this realm does not publish';
  if (error instanceof errors.JOSEAlgNotAllowed)
    return 'access token uses a signing algorithm that is not allowed';
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid)
    return 'access token is malformed';
  return `access token could not be verified: ${error instanceof Error ? error.message : String(error)}`;
}
