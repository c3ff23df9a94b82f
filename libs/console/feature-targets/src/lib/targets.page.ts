import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { DatePipe } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import type {
  IndicatorSummary,
  RegionNode,
  SetTargetRequest,
  TargetView,
} from '@efficacy/api-contract';
import {
  RegistryApi,
  SessionService,
  describeApiError,
  type ApiFailure,
} from '@efficacy/console/core';
import { PageState, RegionSelect, regionNameMap, targetText } from '@efficacy/console/ui';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { TargetDialog, type TargetDraft } from './target-dialog/target-dialog';

/** 目标管理: each indicator's target for a region and year, where it was set, and editing. */
@Component({
  selector: 'eff-targets-page',
  imports: [
    DatePipe,
    FormsModule,
    TranslatePipe,
    PageState,
    RegionSelect,
    TargetDialog,
    NzCardModule,
    NzTableModule,
    NzTagModule,
    NzButtonModule,
    NzIconModule,
    NzSelectModule,
    NzEmptyModule,
    NzTooltipModule,
    NzPopconfirmModule,
  ],
  templateUrl: './targets.page.html',
  styles: `
    .sub {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
    }
    .target {
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TargetsPage {
  private readonly registry = inject(RegistryApi);
  private readonly session = inject(SessionService);
  private readonly router = inject(Router);
  private readonly message = inject(NzMessageService);
  private readonly translate = inject(TranslateService);

  /** Query parameters (router input binding). */
  readonly region = input<string | undefined>();
  readonly year = input<string | undefined>();

  protected readonly canWrite = computed(() => this.session.can('target:write'));
  protected readonly regions = signal<RegionNode[]>([]);
  protected readonly indicators = signal<IndicatorSummary[]>([]);
  protected readonly targets = signal<TargetView[] | null>(null);
  protected readonly failure = signal<ApiFailure | null>(null);
  protected readonly draft = signal<TargetDraft | null>(null);
  protected readonly saving = signal(false);
  protected readonly saveError = signal<string | null>(null);

  protected readonly regionCode = computed(
    () => this.region() ?? this.session.me()?.scope.regions[0]?.code ?? null,
  );
  /**
   * The year in force: the address's, else the newest year with a target for the region (a
   * page opened on an empty year looks as if no target were set), else the current year.
   */
  private readonly newestYear = signal<number | null>(null);
  protected readonly yearValue = computed(
    () => Number(this.year()) || this.newestYear() || new Date().getFullYear(),
  );
  protected readonly years = computed(() => {
    const last = Math.max(new Date().getFullYear() + 1, this.yearValue());
    return Array.from({ length: last - 2018 + 1 }, (_, i) => last - i);
  });
  protected readonly regionNames = computed(() => regionNameMap(this.regions()));
  private readonly units = computed(
    () => new Map(this.indicators().map((i) => [i.code, i.unit] as const)),
  );

  constructor() {
    this.registry.regions().subscribe({ next: (r) => this.regions.set(r), error: () => undefined });
    this.registry
      .indicators()
      .subscribe({ next: (i) => this.indicators.set(i), error: () => undefined });
    effect(() => {
      const region = this.regionCode();
      const asked = Number(this.year());
      const year = this.yearValue();
      untracked(() => {
        if (!region) return;
        if (!asked && this.newestYear() === null) void this.openNewest(region);
        else void this.load(region, year);
      });
    });
  }

  protected async load(region: string, year: number): Promise<void> {
    this.targets.set(null);
    this.failure.set(null);
    try {
      this.targets.set(await firstValueFrom(this.registry.targets({ region, year })));
    } catch (error) {
      this.failure.set(describeApiError(error));
    }
  }

  /** Without a year in the address: every year's targets once, then the newest year's. */
  private async openNewest(region: string): Promise<void> {
    this.targets.set(null);
    this.failure.set(null);
    try {
      const all = await firstValueFrom(this.registry.targets({ region }));
      const newest = all.reduce((max, t) => Math.max(max, t.year), 0);
      this.newestYear.set(newest || new Date().getFullYear());
    } catch (error) {
      this.failure.set(describeApiError(error));
    }
  }

  protected deleting = signal<string | null>(null);

  protected async remove(t: TargetView): Promise<void> {
    this.deleting.set(t.id);
    try {
      await firstValueFrom(
        this.registry.deleteTarget({ indicator: t.indicator, region: t.regionCode, year: t.year }),
      );
      this.message.success(this.translate.instant('targets.deleted') as string);
      this.reload();
    } catch (error) {
      this.message.error(
        `${this.translate.instant('targets.deleteFailed')}：${describeApiError(error).message}`,
      );
    } finally {
      this.deleting.set(null);
    }
  }

  protected reload(): void {
    const region = this.regionCode();
    if (region) void this.load(region, this.yearValue());
  }

  protected navigate(params: { region?: string | null; year?: number }): void {
    void this.router.navigate([], {
      queryParams: params,
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  protected text(t: TargetView): string {
    if (t.comparator === 'improve' || t.value === undefined)
      return this.translate.instant('targets.comparators.improve') as string;
    return targetText(t.comparator, t.value, this.units().get(t.indicator) ?? 'count');
  }

  protected open(from?: TargetView): void {
    const region = this.regionCode();
    if (!region) return;
    this.saveError.set(null);
    this.draft.set({
      regionCode: region,
      regionName: this.regionNames().get(region) ?? region,
      year: this.yearValue(),
      ...(from ? { from } : {}),
    });
  }

  protected async save(request: SetTargetRequest): Promise<void> {
    this.saving.set(true);
    this.saveError.set(null);
    try {
      const result = await firstValueFrom(this.registry.setTarget(request));
      this.draft.set(null);
      this.message.success(
        this.translate.instant(result.changed ? 'targets.saved' : 'targets.unchanged') as string,
      );
      this.reload();
    } catch (error) {
      this.saveError.set(describeApiError(error).message);
    } finally {
      this.saving.set(false);
    }
  }
}
