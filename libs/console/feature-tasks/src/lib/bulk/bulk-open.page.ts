import { ChangeDetectionStrategy, Component, inject, signal, type OnInit } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import type { BulkOpenResult, IndicatorSummary, RegionNode } from '@efficacy/api-contract';
import { RegistryApi, describeApiError } from '@efficacy/console/core';
import { PeriodPicker, RegionSelect } from '@efficacy/console/ui';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { TasksApi } from '../tasks-api';

/** 批量发起: one task per unit below target for an indicator and period (the monthly routine). */
@Component({
  selector: 'eff-bulk-open-page',
  imports: [
    FormsModule,
    RouterLink,
    TranslatePipe,
    PeriodPicker,
    RegionSelect,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzFormModule,
    NzInputNumberModule,
    NzSelectModule,
  ],
  template: `
    <div class="page-header">
      <h2 class="page-title">{{ 'tasks.bulk.title' | translate }}</h2>
    </div>
    <nz-card>
      <p class="muted">{{ 'tasks.bulk.hint' | translate }}</p>
      <form nz-form nzLayout="inline" (ngSubmit)="run()">
        <nz-form-item>
          <eff-region-select
            [regions]="regions()"
            [code]="region()"
            (codeChange)="region.set($event)"
          />
        </nz-form-item>
        <nz-form-item>
          <nz-select
            name="indicator"
            nzShowSearch
            style="width: 260px"
            [ngModel]="indicator()"
            (ngModelChange)="indicator.set($event)"
            data-testid="bulk-indicator"
          >
            @for (i of indicators(); track i.code) {
              <nz-option [nzValue]="i.code" [nzLabel]="i.nameZh" />
            }
          </nz-select>
        </nz-form-item>
        <nz-form-item>
          <eff-period-picker [period]="period()" (periodChange)="period.set($event)" />
        </nz-form-item>
        <nz-form-item>
          <nz-input-number
            name="days"
            [nzMin]="1"
            [nzMax]="250"
            [ngModel]="workingDays()"
            (ngModelChange)="workingDays.set($event)"
          />
        </nz-form-item>
        <button
          nz-button
          nzType="primary"
          type="submit"
          [nzLoading]="busy()"
          [disabled]="!region() || !indicator()"
          data-testid="bulk-submit"
        >
          {{ 'tasks.bulk.submit' | translate }}
        </button>
      </form>
      @if (error(); as e) {
        <nz-alert nzType="error" [nzMessage]="e" data-testid="bulk-error" />
      }
      @if (result(); as r) {
        <nz-alert
          nzType="success"
          [nzMessage]="
            'tasks.bulk.result' | translate: { opened: r.opened.length, skipped: r.skipped.length }
          "
          data-testid="bulk-result"
        />
        <ul>
          @for (t of r.opened; track t.id) {
            <li>
              <a [routerLink]="['/tasks', t.id]">#{{ t.number }} {{ t.title }}</a>
            </li>
          }
        </ul>
      }
    </nz-card>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BulkOpenPage implements OnInit {
  private readonly api = inject(TasksApi);
  private readonly registry = inject(RegistryApi);
  private readonly route = inject(ActivatedRoute);

  protected readonly regions = signal<RegionNode[]>([]);
  protected readonly indicators = signal<IndicatorSummary[]>([]);
  protected readonly region = signal<string | null>(null);
  protected readonly indicator = signal<string | null>(null);
  protected readonly period = signal('2022-01..2022-08');
  protected readonly workingDays = signal(10);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly result = signal<BulkOpenResult | null>(null);

  ngOnInit(): void {
    const q = this.route.snapshot.queryParamMap;
    this.region.set(q.get('region'));
    this.indicator.set(q.get('indicator'));
    if (q.get('period')) this.period.set(q.get('period') as string);
    this.registry.regions().subscribe({ next: (r) => this.regions.set(r), error: () => undefined });
    this.registry
      .indicators()
      .subscribe({ next: (i) => this.indicators.set(i), error: () => undefined });
  }

  protected async run(): Promise<void> {
    const region = this.region();
    const indicator = this.indicator();
    if (!region || !indicator) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      this.result.set(
        await firstValueFrom(
          this.api.bulk({
            region,
            indicator,
            period: this.period(),
            workingDays: this.workingDays(),
          }),
        ),
      );
    } catch (error) {
      this.error.set(describeApiError(error).message);
    } finally {
      this.busy.set(false);
    }
  }
}
