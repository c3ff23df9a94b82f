import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
  type OnInit,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, Router } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import type { IndicatorSummary, RegionNode, UnitListItem } from '@efficacy/api-contract';
import { RegistryApi, describeApiError } from '@efficacy/console/core';
import { RegionSelect, regionNameMap } from '@efficacy/console/ui';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { TasksApi } from '../tasks-api';
import { openRequest, readPrefill, suggestedTitle, type TaskPrefill } from '../task-prefill';

/**
 * 新建整改任务, prefilled from the link that led here (a shortfall in the assessment or
 * supervision pages, a discrepancy, a bad review) or empty for free text.
 */
@Component({
  selector: 'eff-new-task-page',
  imports: [
    FormsModule,
    TranslatePipe,
    RegionSelect,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzFormModule,
    NzInputModule,
    NzInputNumberModule,
    NzSelectModule,
  ],
  template: `
    <div class="page-header">
      <h2 class="page-title">{{ 'tasks.new.title' | translate }}</h2>
    </div>
    <nz-card>
      @if (prefill(); as p) {
        <p class="muted" data-testid="new-task-source">
          {{ 'tasks.source.' + p.source | translate }}
          @if (p.indicator) {
            · {{ indicatorName() }} · {{ p.period }}
          }
        </p>
      }
      <form nz-form nzLayout="vertical" (ngSubmit)="submit()">
        <nz-form-item>
          <nz-form-label nzRequired>{{ 'tasks.field.region' | translate }}</nz-form-label>
          <eff-region-select
            [regions]="regions()"
            [code]="region()"
            (codeChange)="changeRegion($event)"
            width="320px"
          />
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzRequired>{{ 'tasks.field.title' | translate }}</nz-form-label>
          <input
            nz-input
            name="title"
            [ngModel]="title()"
            (ngModelChange)="title.set($event)"
            data-testid="new-task-title"
          />
        </nz-form-item>
        <nz-form-item>
          <nz-form-label>{{ 'tasks.field.detail' | translate }}</nz-form-label>
          <textarea
            nz-input
            rows="3"
            name="detail"
            [ngModel]="detail()"
            (ngModelChange)="detail.set($event)"
            data-testid="new-task-detail"
          ></textarea>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzRequired>{{ 'tasks.field.leadUnit' | translate }}</nz-form-label>
          <nz-select
            name="lead"
            nzShowSearch
            [ngModel]="leadUnitId()"
            (ngModelChange)="leadUnitId.set($event)"
            [nzPlaceHolder]="'tasks.new.chooseUnit' | translate"
            data-testid="new-task-lead"
            style="width: 100%"
          >
            @for (u of units(); track u.id) {
              <nz-option [nzValue]="u.id" [nzLabel]="u.nameZh" />
            }
          </nz-select>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label>{{ 'tasks.field.coUnits' | translate }}</nz-form-label>
          <nz-select
            name="co"
            nzMode="multiple"
            nzShowSearch
            [ngModel]="coUnitIds()"
            (ngModelChange)="coUnitIds.set($event)"
            data-testid="new-task-co"
            style="width: 100%"
          >
            @for (u of units(); track u.id) {
              <nz-option [nzValue]="u.id" [nzLabel]="u.nameZh" />
            }
          </nz-select>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzRequired>{{ 'tasks.field.workingDays' | translate }}</nz-form-label>
          <nz-input-number
            name="days"
            [nzMin]="1"
            [nzMax]="250"
            [ngModel]="workingDays()"
            (ngModelChange)="workingDays.set($event)"
            data-testid="new-task-days"
          />
        </nz-form-item>
        @if (error(); as e) {
          <nz-alert nzType="error" [nzMessage]="e" class="mb" data-testid="new-task-error" />
        }
        <button
          nz-button
          nzType="primary"
          type="submit"
          [nzLoading]="busy()"
          [disabled]="!title().trim() || !leadUnitId()"
          data-testid="new-task-submit"
        >
          {{ 'tasks.new.submit' | translate }}
        </button>
      </form>
    </nz-card>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NewTaskPage implements OnInit {
  private readonly api = inject(TasksApi);
  private readonly registry = inject(RegistryApi);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);

  protected readonly prefill = signal<TaskPrefill | null>(null);
  protected readonly regions = signal<RegionNode[]>([]);
  protected readonly region = signal<string | null>(null);
  protected readonly units = signal<UnitListItem[]>([]);
  protected readonly indicators = signal<IndicatorSummary[]>([]);
  protected readonly indicatorName = computed(() => {
    const code = this.prefill()?.indicator;
    return this.indicators().find((i) => i.code === code)?.nameZh ?? code ?? '';
  });
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected readonly title = signal('');
  protected readonly detail = signal('');
  protected readonly leadUnitId = signal<string | null>(null);
  protected readonly coUnitIds = signal<string[]>([]);
  protected readonly workingDays = signal(10);

  async ngOnInit(): Promise<void> {
    const q = this.route.snapshot.queryParamMap;
    const prefill = readPrefill(Object.fromEntries(q.keys.map((k) => [k, q.get(k) ?? undefined])));
    this.prefill.set(prefill);
    this.detail.set(prefill.detail);
    this.leadUnitId.set(prefill.unit);
    const [regions, indicators] = await Promise.all([
      firstValueFrom(this.registry.regions()).catch(() => [] as RegionNode[]),
      firstValueFrom(this.registry.indicators()).catch(() => [] as IndicatorSummary[]),
    ]);
    this.regions.set(regions);
    this.indicators.set(indicators);
    const regionCode = prefill.region ?? prefill.unit?.split(':')[0] ?? null;
    await this.changeRegion(regionCode);
    const names = regionNameMap(regions);
    const unitName = this.units().find((u) => u.id === prefill.unit)?.nameZh;
    this.title.set(
      suggestedTitle(prefill, {
        ...(unitName ? { unit: unitName } : {}),
        ...(regionCode && names.get(regionCode) ? { region: names.get(regionCode) } : {}),
        indicator: this.indicatorName(),
      }),
    );
  }

  protected async changeRegion(code: string | null): Promise<void> {
    this.region.set(code);
    if (!code) return this.units.set([]);
    try {
      this.units.set(await firstValueFrom(this.registry.units(code)));
    } catch (error) {
      this.error.set(describeApiError(error).message);
    }
  }

  protected async submit(): Promise<void> {
    const prefill = this.prefill();
    const lead = this.leadUnitId();
    if (!prefill || !lead) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      const task = await firstValueFrom(
        this.api.open(
          openRequest(prefill, {
            title: this.title(),
            detail: this.detail(),
            leadUnitId: lead,
            coUnitIds: this.coUnitIds(),
            workingDays: this.workingDays(),
          }),
        ),
      );
      await this.router.navigate(['/tasks', task.id]);
    } catch (error) {
      this.error.set(describeApiError(error).message);
    } finally {
      this.busy.set(false);
    }
  }
}
