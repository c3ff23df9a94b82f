import { Injectable, computed, inject, signal } from '@angular/core';
import type { MeResponse, Permission } from '@efficacy/api-contract';
import Keycloak from 'keycloak-js';
import { firstValueFrom } from 'rxjs';
import { ApiClient } from '../api/api-client';

/**
 * The signed-in user as the API reports it. The console hides what the user
 * cannot do; the API stays the authority and refuses it anyway.
 */
@Injectable({ providedIn: 'root' })
export class SessionService {
  private readonly api = inject(ApiClient);
  private readonly keycloak = inject(Keycloak);
  readonly me = signal<MeResponse | null>(null);
  readonly error = signal<string | null>(null);
  readonly permissions = computed(() => new Set<Permission>(this.me()?.permissions ?? []));

  async load(): Promise<MeResponse | null> {
    try {
      const me = await firstValueFrom(this.api.me());
      this.me.set(me);
      this.error.set(null);
      return me;
    } catch (error) {
      this.error.set(error instanceof Error ? error.message : String(error));
      return null;
    }
  }

  can(permission: Permission): boolean {
    return this.permissions().has(permission);
  }

  logout(): Promise<void> {
    return this.keycloak.logout({ redirectUri: globalThis.location?.origin });
  }
}
