import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
  type OnInit,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import type { BulkOpenResult, IndicatorSummary, RegionNode } from '@efficacy/api-contract';
import {
  LanguageService,
  PeriodPreference,
  RegistryApi,
  describeApiError,
} from '@efficacy/console/core';
import {
  PeriodPicker,
  RegionSelect,
  TargetStatusTag,
  gapPhrases,
  periodLabel,
  targetText,
  valueText,
} from '@efficacy/console/ui';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzModalModule, NzModalService } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { TasksApi } from '../tasks-api';
import { bulkCandidates, isoDay, type BulkCandidate } from './bulk-laggards';

/**
 * 批量发起: the units below target for an indicator and period, listed first; the user ticks
 * which get a task, sets the deadline, reads what will be created and confirms.
 */
@Component({
  selector: 'eff-bulk-open-page',
  imports: [
    FormsModule,
    RouterLink,
    TranslatePipe,
    PeriodPicker,
    RegionSelect,
    TargetStatusTag,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzDatePickerModule,
    NzFormModule,
    NzInputNumberModule,
    NzModalModule,
    NzSelectModule,
    NzTableModule,
  ],
  template: `
    <div class="page-header">
      <h2 class="page-title">{{ 'tasks.bulk.title' | translate }}</h2>
    </div>
    <nz-card>
      <p class="muted">{{ 'tasks.bulk.hint' | translate }}</p>
      <form nz-form nzLayout="vertical" class="bulk-form">
        <nz-form-item>
          <nz-form-label id="bulk-region-label">{{
            'tasks.bulk.region' | translate
          }}</nz-form-label>
          <nz-form-control>
            <span role="group" aria-labelledby="bulk-region-label">
              <eff-region-select
                [regions]="regions()"
                [code]="region()"
                (codeChange)="setRegion($event)"
              />
            </span>
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzFor="bulk-indicator">{{
            'tasks.bulk.indicator' | translate
          }}</nz-form-label>
          <nz-form-control>
            <nz-select
              nzId="bulk-indicator"
              name="indicator"
              nzShowSearch
              style="width: 260px"
              [nzPlaceHolder]="'tasks.bulk.chooseIndicator' | translate"
              [ngModel]="indicator()"
              (ngModelChange)="setIndicator($event)"
              data-testid="bulk-indicator"
            >
              @for (i of indicators(); track i.code) {
                <nz-option [nzValue]="i.code" [nzLabel]="indicatorLabel(i)" />
              }
            </nz-select>
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label id="bulk-period-label">{{
            'tasks.bulk.period' | translate
          }}</nz-form-label>
          <nz-form-control>
            <span role="group" aria-labelledby="bulk-period-label">
              <eff-period-picker [period]="period()" (periodChange)="setPeriod($event)" />
            </span>
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzFor="bulk-days">{{ 'tasks.bulk.deadline' | translate }}</nz-form-label>
          <nz-form-control>
            <span class="bulk-inline">
              <nz-input-number
                nzId="bulk-days"
                name="days"
                [nzMin]="1"
                [nzMax]="250"
                [nzDisabled]="deadline() !== null"
                [ngModel]="workingDays()"
                (ngModelChange)="workingDays.set($event)"
                data-testid="bulk-days"
              />
              {{ 'tasks.bulk.workingDaysUnit' | translate }}
            </span>
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzFor="bulk-date">{{ 'tasks.bulk.dueOn' | translate }}</nz-form-label>
          <nz-form-control [nzExtra]="'tasks.bulk.dueOnHint' | translate">
            <nz-date-picker
              nzId="bulk-date"
              name="date"
              [ngModel]="deadline()"
              (ngModelChange)="deadline.set($event)"
              data-testid="bulk-date"
            />
          </nz-form-control>
        </nz-form-item>
      </form>

      @if (loadError(); as e) {
        <nz-alert nzType="error" [nzMessage]="e" data-testid="bulk-load-error" />
      } @else if (indicator() && candidates(); as list) {
        @if (list.length === 0) {
          <nz-alert
            nzType="info"
            nzShowIcon
            [nzMessage]="'tasks.bulk.none' | translate: { period: periodText() }"
            data-testid="bulk-none"
          />
        } @else {
          <nz-table
            #table
            [nzData]="list"
            nzSize="small"
            [nzFrontPagination]="false"
            [nzShowPagination]="false"
            data-testid="bulk-table"
          >
            <thead>
              <tr>
                <th
                  nzWidth="48px"
                  [nzChecked]="allChecked()"
                  [nzIndeterminate]="someChecked()"
                  (nzCheckedChange)="checkAll($event)"
                  [nzLabel]="'tasks.bulk.selectAll' | translate"
                ></th>
                <th>{{ 'tasks.bulk.unit' | translate }}</th>
                <th nzAlign="right">{{ 'supervision.col.value' | translate }}</th>
                <th nzAlign="right">{{ 'supervision.col.target' | translate }}</th>
                <th>{{ 'supervision.col.status' | translate }}</th>
                <th>{{ 'supervision.col.gap' | translate }}</th>
              </tr>
            </thead>
            <tbody>
              @for (c of table.data; track c.unitId) {
                <tr data-testid="bulk-row" [attr.data-unit]="c.unitId">
                  <td
                    [nzChecked]="selected().has(c.unitId)"
                    (nzCheckedChange)="toggle(c.unitId, $event)"
                    [nzLabel]="rowName(c)"
                  ></td>
                  <td>{{ rowName(c) }}</td>
                  <td nzAlign="right" class="num">{{ value(c) }}</td>
                  <td nzAlign="right" class="num">{{ target(c) }}</td>
                  <td><eff-target-status [status]="c.row.target?.status" /></td>
                  <td class="muted">{{ gap(c) }}</td>
                </tr>
              }
            </tbody>
          </nz-table>
          <p class="bulk-summary" data-testid="bulk-summary">{{ summary() }}</p>
          <button
            nz-button
            nzType="primary"
            type="button"
            [nzLoading]="busy()"
            [disabled]="!canSubmit()"
            (click)="confirm()"
            data-testid="bulk-submit"
          >
            {{ 'tasks.bulk.submitCount' | translate: { count: selected().size } }}
          </button>
        }
      }
      @if (error(); as e) {
        <nz-alert class="mt" nzType="error" [nzMessage]="e" data-testid="bulk-error" />
      }
      @if (result(); as r) {
        <nz-alert
          class="mt"
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
              <span class="muted"> · {{ t.deadline }}</span>
            </li>
          }
        </ul>
      }
    </nz-card>
  `,
  styles: `
    .bulk-form {
      display: flex;
      flex-wrap: wrap;
      gap: 0 24px;
    }
    .bulk-inline {
      display: inline-flex;
      align-items: center;
      gap: 8px;
    }
    .bulk-summary {
      margin: 12px 0;
      font-weight: 500;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BulkOpenPage implements OnInit {
  private readonly api = inject(TasksApi);
  private readonly registry = inject(RegistryApi);
  private readonly route = inject(ActivatedRoute);
  private readonly periods = inject(PeriodPreference);
  private readonly modal = inject(NzModalService);
  private readonly translate = inject(TranslateService);
  private readonly language = inject(LanguageService);

  protected readonly regions = signal<RegionNode[]>([]);
  protected readonly indicators = signal<IndicatorSummary[]>([]);
  protected readonly region = signal<string | null>(null);
  protected readonly indicator = signal<string | null>(null);
  protected readonly period = signal<string>('');
  protected readonly workingDays = signal(10);
  protected readonly deadline = signal<Date | null>(null);
  protected readonly candidates = signal<BulkCandidate[] | null>(null);
  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  protected readonly loadError = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly result = signal<BulkOpenResult | null>(null);

  protected readonly periodText = computed(() =>
    this.period() ? periodLabel(this.period(), this.language.current()) : '',
  );
  protected readonly allChecked = computed(() => {
    const list = this.candidates() ?? [];
    return list.length > 0 && list.every((c) => this.selected().has(c.unitId));
  });
  protected readonly someChecked = computed(() => this.selected().size > 0 && !this.allChecked());
  protected readonly deadlineText = computed(() => {
    const d = this.deadline();
    if (d) return this.translate.instant('tasks.bulk.summaryDate', { date: isoDay(d) });
    return this.translate.instant('tasks.bulk.summaryDays', { days: this.workingDays() });
  });
  protected readonly canSubmit = computed(
    () => this.selected().size > 0 && (this.deadline() !== null || this.workingDays() >= 1),
  );
  protected readonly summary = computed(() => {
    this.language.current();
    const indicator = this.indicators().find((i) => i.code === this.indicator());
    return this.translate.instant('tasks.bulk.summary', {
      count: this.selected().size,
      indicator: indicator ? this.indicatorLabel(indicator) : (this.indicator() ?? ''),
      period: this.periodText(),
      deadline: this.deadlineText(),
    });
  });

  async ngOnInit(): Promise<void> {
    const q = this.route.snapshot.queryParamMap;
    this.region.set(q.get('region'));
    this.indicator.set(q.get('indicator'));
    this.registry.regions().subscribe({ next: (r) => this.regions.set(r), error: () => undefined });
    this.registry
      .indicators()
      .subscribe({ next: (i) => this.indicators.set(i), error: () => undefined });
    // The page's period: the one the link came with, else the one the user last looked at.
    this.period.set(q.get('period') ?? (await this.periods.initial()));
    void this.load();
  }

  protected setRegion(code: string | null): void {
    this.region.set(code);
    void this.load();
  }

  protected setIndicator(code: string | null): void {
    this.indicator.set(code);
    void this.load();
  }

  protected setPeriod(period: string): void {
    this.period.set(period);
    void this.load();
  }

  private async load(): Promise<void> {
    const region = this.region();
    const indicator = this.indicator();
    const period = this.period();
    this.result.set(null);
    this.error.set(null);
    if (!region || !indicator || !period) {
      this.candidates.set(null);
      return;
    }
    try {
      const assessment = await firstValueFrom(this.registry.assessment(region, period));
      const list = bulkCandidates(assessment, indicator);
      this.candidates.set(list);
      this.selected.set(new Set(list.map((c) => c.unitId)));
      this.loadError.set(null);
    } catch (error) {
      this.candidates.set(null);
      this.loadError.set(describeApiError(error).message);
    }
  }

  protected toggle(unitId: string, checked: boolean): void {
    const next = new Set(this.selected());
    if (checked) next.add(unitId);
    else next.delete(unitId);
    this.selected.set(next);
  }

  protected checkAll(checked: boolean): void {
    this.selected.set(new Set(checked ? (this.candidates() ?? []).map((c) => c.unitId) : []));
  }

  protected indicatorLabel(i: IndicatorSummary): string {
    return this.language.current() === 'en' ? i.nameEn : i.nameZh;
  }

  protected rowName(c: BulkCandidate): string {
    return this.language.current() === 'en' ? c.row.nameEn : c.row.nameZh;
  }

  protected value(c: BulkCandidate): string {
    return valueText(c.row.value, c.indicator.unit);
  }

  protected target(c: BulkCandidate): string {
    const t = c.row.target;
    return t?.value === undefined ? '' : targetText(t.comparator, t.value, c.indicator.unit);
  }

  protected gap(c: BulkCandidate): string {
    const phrases = gapPhrases(c.indicator, c.row, this.language.current()) ?? [];
    return phrases.map((p) => this.translate.instant(p.key, p.params)).join('，');
  }

  protected confirm(): void {
    const names = (this.candidates() ?? [])
      .filter((c) => this.selected().has(c.unitId))
      .map((c) => this.rowName(c));
    this.modal.confirm({
      nzTitle: this.translate.instant('tasks.bulk.confirmTitle'),
      nzContent: `${this.summary()} ${names.join('、')}`,
      nzOkText: this.translate.instant('tasks.bulk.confirmOk'),
      nzCancelText: this.translate.instant('common.cancel'),
      nzOnOk: () => this.run(),
    });
  }

  protected async run(): Promise<void> {
    const region = this.region();
    const indicator = this.indicator();
    if (!region || !indicator) return;
    this.busy.set(true);
    this.error.set(null);
    const date = this.deadline();
    try {
      this.result.set(
        await firstValueFrom(
          this.api.bulk({
            region,
            indicator,
            period: this.period(),
            units: [...this.selected()],
            ...(date ? { deadline: isoDay(date) } : { workingDays: this.workingDays() }),
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
