import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
  type OnInit,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { TASK_STATES, type CityViewRow, type RegionNode } from '@efficacy/api-contract';
import { RegistryApi, describeApiError, type ApiFailure } from '@efficacy/console/core';
import { PageState, RegionSelect } from '@efficacy/console/ui';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzTableModule } from 'ng-zorro-antd/table';
import { TasksApi } from '../tasks-api';

/** 城市视图: tasks by county and state, with overdue and red (escalated) counts. */
@Component({
  selector: 'eff-task-city-view-page',
  imports: [RouterLink, TranslatePipe, PageState, RegionSelect, NzCardModule, NzTableModule],
  template: `
    <div class="page-header">
      <h2 class="page-title">{{ 'tasks.city.title' | translate }}</h2>
      <div class="page-toolbar">
        <eff-region-select
          [regions]="regions()"
          [code]="region()"
          (codeChange)="region.set($event); load()"
          [allowClear]="true"
        />
      </div>
    </div>
    @if (failure(); as f) {
      <eff-page-state [failure]="f" (retry)="load()" />
    } @else {
      <nz-card>
        <nz-table
          [nzData]="rows()"
          [nzShowPagination]="false"
          nzSize="middle"
          data-testid="city-table"
        >
          <thead>
            <tr>
              <th>{{ 'tasks.field.region' | translate }}</th>
              @for (s of states; track s) {
                <th>{{ 'tasks.state.' + s | translate }}</th>
              }
              <th>{{ 'tasks.city.open' | translate }}</th>
              <th>{{ 'tasks.city.overdue' | translate }}</th>
              <th>{{ 'tasks.city.red' | translate }}</th>
            </tr>
          </thead>
          <tbody>
            @for (r of rows(); track r.regionCode) {
              <tr [attr.data-region]="r.regionCode" data-testid="city-row">
                <td>{{ r.regionNameZh }}</td>
                @for (s of states; track s) {
                  <td>{{ r.byState[s] ?? 0 }}</td>
                }
                <td>{{ r.open }}</td>
                <td [class.bad]="r.overdue > 0" data-testid="city-overdue">{{ r.overdue }}</td>
                <td [class.bad]="r.red > 0" data-testid="city-red">{{ r.red }}</td>
              </tr>
            }
            <tr class="total">
              <td>{{ 'tasks.city.total' | translate }}</td>
              @for (s of states; track s) {
                <td>{{ total()[s] }}</td>
              }
              <td>{{ total()['open'] }}</td>
              <td>{{ total()['overdue'] }}</td>
              <td>{{ total()['red'] }}</td>
            </tr>
          </tbody>
        </nz-table>
        <p class="muted">
          <a routerLink="/tasks">{{ 'tasks.back' | translate }}</a>
        </p>
      </nz-card>
    }
  `,
  styles: `
    .bad {
      color: #cf1322;
      font-weight: 600;
    }
    .total td {
      font-weight: 600;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CityViewPage implements OnInit {
  private readonly api = inject(TasksApi);
  private readonly registry = inject(RegistryApi);

  protected readonly states = TASK_STATES;
  protected readonly regions = signal<RegionNode[]>([]);
  protected readonly region = signal<string | null>(null);
  protected readonly rows = signal<CityViewRow[]>([]);
  protected readonly failure = signal<ApiFailure | null>(null);
  protected readonly total = computed(() => {
    const sum: Record<string, number> = { open: 0, overdue: 0, red: 0 };
    for (const s of TASK_STATES) sum[s] = 0;
    for (const r of this.rows()) {
      for (const s of TASK_STATES) sum[s] += r.byState[s] ?? 0;
      sum['open'] += r.open;
      sum['overdue'] += r.overdue;
      sum['red'] += r.red;
    }
    return sum;
  });

  ngOnInit(): void {
    this.registry.regions().subscribe({ next: (r) => this.regions.set(r), error: () => undefined });
    void this.load();
  }

  async load(): Promise<void> {
    try {
      this.rows.set(await firstValueFrom(this.api.overview(this.region() ?? undefined)));
      this.failure.set(null);
    } catch (error) {
      this.failure.set(describeApiError(error));
    }
  }
}
