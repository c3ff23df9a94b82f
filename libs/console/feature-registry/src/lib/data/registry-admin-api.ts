import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AddUnitRequest,
  RecordRegionSuccessionRequest,
  RecordRegionSuccessionResult,
  RegionChild,
  RegionDetail,
  RegionNode,
  RegionSearchHit,
  RegionSuccession,
  UnitDetail,
} from '@efficacy/api-contract';
import { ApiClient } from '@efficacy/console/core';
import { Observable } from 'rxjs';

const enc = encodeURIComponent;

/**
 * The registry as the 区划与单位 page reads and edits it: one level of the tree at a time (a
 * province holds thousands of townships), search, a region's units and successions, and the
 * administrator's writes, each checked and audited by the API.
 */
@Injectable({ providedIn: 'root' })
export class RegistryAdminApi {
  private readonly http = inject(HttpClient);
  private readonly api = inject(ApiClient);

  /** The user's own regions, without children (they are opened with `children`). */
  roots(): Observable<RegionNode[]> {
    return this.http.get<RegionNode[]>(this.api.url('/regions'), {
      params: new HttpParams().set('depth', 1),
    });
  }

  children(code: string): Observable<RegionChild[]> {
    return this.http.get<RegionChild[]>(this.api.url(`/regions/${enc(code)}/children`));
  }

  search(q: string): Observable<RegionSearchHit[]> {
    return this.http.get<RegionSearchHit[]>(this.api.url('/regions/search'), {
      params: new HttpParams().set('q', q),
    });
  }

  region(code: string): Observable<RegionDetail> {
    return this.http.get<RegionDetail>(this.api.url(`/regions/${enc(code)}`));
  }

  successions(code: string): Observable<RegionSuccession[]> {
    return this.http.get<RegionSuccession[]>(this.api.url(`/regions/${enc(code)}/successions`));
  }

  addUnit(body: AddUnitRequest): Observable<UnitDetail> {
    return this.http.post<UnitDetail>(this.api.url('/units'), body);
  }

  addAlias(unitId: string, alias: string): Observable<UnitDetail> {
    return this.http.post<UnitDetail>(this.api.url(`/units/${enc(unitId)}/aliases`), { alias });
  }

  recordSuccession(body: RecordRegionSuccessionRequest): Observable<RecordRegionSuccessionResult> {
    return this.http.post<RecordRegionSuccessionResult>(this.api.url('/regions/successions'), body);
  }
}
