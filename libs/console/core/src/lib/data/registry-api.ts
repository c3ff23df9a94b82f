import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  Assessment,
  AssessmentExportRecord,
  Explanation,
  HeadlineSet,
  IndicatorSummary,
  Ranking,
  RegionDetail,
  RegionNode,
  SetTargetRequest,
  SetHeadlinesRequest,
  SetTargetResult,
  TargetView,
  UnitDetail,
  UnitListItem,
} from '@efficacy/api-contract';
import { Observable, shareReplay } from 'rxjs';
import { ApiClient } from '../api/api-client';

export type ExplainTarget = { readonly region: string } | { readonly unit: string };

function params(values: Record<string, string | number | undefined>): HttpParams {
  let p = new HttpParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== '') p = p.set(key, String(value));
  }
  return p;
}

/** Regions, units, indicators, targets, assessments, rankings and explanations. */
@Injectable({ providedIn: 'root' })
export class RegistryApi {
  private readonly http = inject(HttpClient);
  private readonly api = inject(ApiClient);
  private tree$?: Observable<RegionNode[]>;
  private indicators$?: Observable<IndicatorSummary[]>;

  /**
   * The region tree in scope, three levels from the user's own regions (the API's default and
   * what the region pickers offer: a province's cities and counties, not its thousands of
   * townships); it changes rarely, so one request serves the session.
   */
  regions(): Observable<RegionNode[]> {
    this.tree$ ??= this.http
      .get<RegionNode[]>(this.api.url('/regions'))
      .pipe(shareReplay({ bufferSize: 1, refCount: false }));
    return this.tree$;
  }

  region(code: string, asOf?: string): Observable<RegionDetail> {
    return this.http.get<RegionDetail>(this.api.url(`/regions/${encodeURIComponent(code)}`), {
      params: params({ asOf }),
    });
  }

  units(region?: string): Observable<UnitListItem[]> {
    return this.http.get<UnitListItem[]>(this.api.url('/units'), { params: params({ region }) });
  }

  unit(id: string): Observable<UnitDetail> {
    return this.http.get<UnitDetail>(this.api.url(`/units/${encodeURIComponent(id)}`));
  }

  indicators(): Observable<IndicatorSummary[]> {
    this.indicators$ ??= this.http
      .get<IndicatorSummary[]>(this.api.url('/indicators'))
      .pipe(shareReplay({ bufferSize: 1, refCount: false }));
    return this.indicators$;
  }

  assessment(region: string, period: string): Observable<Assessment> {
    return this.http.get<Assessment>(this.api.url('/assessments'), {
      params: params({ region, period }),
    });
  }

  ranking(region: string, period: string, indicator: string): Observable<Ranking> {
    return this.http.get<Ranking>(this.api.url('/rankings'), {
      params: params({ region, period, indicator }),
    });
  }

  explanation(target: ExplainTarget, period: string, indicator: string): Observable<Explanation> {
    return this.http.get<Explanation>(this.api.url('/explanations'), {
      params: params({ ...target, period, indicator }),
    });
  }

  targets(query: { region?: string; year?: number; indicator?: string }): Observable<TargetView[]> {
    return this.http.get<TargetView[]>(this.api.url('/targets'), { params: params(query) });
  }

  setTarget(body: SetTargetRequest): Observable<SetTargetResult> {
    return this.http.put<SetTargetResult>(this.api.url('/targets'), body);
  }

  /** Deletes a region's own target for an indicator and year (it falls back to the inherited one). */
  deleteTarget(query: {
    indicator: string;
    region: string;
    year: number;
  }): Observable<{ removed: number; target: string }> {
    return this.http.delete<{ removed: number; target: string }>(this.api.url('/targets'), {
      params: params(query),
    });
  }

  /** The headline indicators of a region's overview: its own, inherited or the default. */
  headlines(region: string): Observable<HeadlineSet> {
    return this.http.get<HeadlineSet>(this.api.url('/headlines'), { params: params({ region }) });
  }

  setHeadlines(body: SetHeadlinesRequest): Observable<HeadlineSet> {
    return this.http.put<HeadlineSet>(this.api.url('/headlines'), body);
  }

  /** Tells the API an assessment table left the system as a file, for its audit log. */
  recordExport(record: AssessmentExportRecord): Observable<unknown> {
    return this.http.post(this.api.url('/assessments/exports'), record);
  }
}
