import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { HealthResponse, MeResponse } from '@efficacy/api-contract';
import { Observable } from 'rxjs';
import { RUNTIME_CONFIG } from '../config/runtime-config';

/** Typed access to the Efficacy API; the bearer token is added by the Keycloak interceptor. */
@Injectable({ providedIn: 'root' })
export class ApiClient {
  private readonly http = inject(HttpClient);
  private readonly base = inject(RUNTIME_CONFIG).apiUrl.replace(/\/+$/, '');

  url(path: string): string {
    return `${this.base}${path.startsWith('/') ? path : `/${path}`}`;
  }

  me(): Observable<MeResponse> {
    return this.http.get<MeResponse>(this.url('/me'));
  }

  /** Health answers 503 with the same body when something is down; callers read both. */
  health(): Observable<HealthResponse> {
    return this.http.get<HealthResponse>(this.url('/health'));
  }
}
