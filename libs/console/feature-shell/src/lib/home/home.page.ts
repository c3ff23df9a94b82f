import {
  ChangeDetectionStrategy,
  Component,
  OnInit,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type {
  Assessment,
  BulletinSummary,
  CaseImportSummary,
  HealthResponse,
  ImportSummary,
  TaskSummary,
} from '@efficacy/api-contract';
import {
  ApiClient,
  ImportsApi,
  LanguageService,
  PeriodPreference,
  RegistryApi,
  SessionService,
  TaskSummaryApi,
} from '@efficacy/console/core';
import { periodLabel, targetText, valueText, type BehindEntry } from '@efficacy/console/ui';
import { firstValueFrom } from 'rxjs';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzBadgeModule } from 'ng-zorro-antd/badge';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzStatisticModule } from 'ng-zorro-antd/statistic';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { WorkbenchApi } from './workbench-api';
import {
  bulletinState,
  byDeadline,
  laggards,
  taskCounts,
  unmatchedUnits,
  type BulletinState,
  type TaskCounts,
} from './workbench-model';

/**
 * 工作台: what needs the signed-in user today, by what they may do (permissions, never role
 * names): a supervisor's laggards, overdue and red tasks, imports and the period's bulletin;
 * a department's tasks to sign and their deadlines; regional IT's adapters, failed imports
 * and unmatched department names. The platform's health is one small line at the bottom.
 */
@Component({
  selector: 'eff-home-page',
  imports: [
    NgTemplateOutlet,
    RouterLink,
    TranslatePipe,
    NzCardModule,
    NzTagModule,
    NzButtonModule,
    NzIconModule,
    NzBadgeModule,
    NzAlertModule,
    NzSkeletonModule,
    NzGridModule,
    NzStatisticModule,
    NzEmptyModule,
  ],
  templateUrl: './home.page.html',
  styles: `
    .wb-list {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .wb-list li {
      display: flex;
      justify-content: space-between;
      gap: 12px;
      padding: 6px 0;
      border-bottom: 1px solid #f0f0f0;
    }
    .wb-list li:last-child {
      border-bottom: none;
    }
    .wb-status {
      display: flex;
      gap: 16px;
      align-items: center;
      flex-wrap: wrap;
      font-size: 12px;
    }
    .wb-identity nz-tag:first-of-type {
      margin-left: 8px;
    }
    .wb-overdue {
      color: #cf1322;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HomePage implements OnInit {
  private readonly api = inject(ApiClient);
  private readonly workbench = inject(WorkbenchApi);
  private readonly registry = inject(RegistryApi);
  private readonly imports = inject(ImportsApi);
  private readonly taskSummary = inject(TaskSummaryApi);
  private readonly periods = inject(PeriodPreference);
  protected readonly language = inject(LanguageService);
  protected readonly session = inject(SessionService);

  protected readonly health = signal<HealthResponse | null>(null);
  protected readonly healthError = signal<string | null>(null);
  protected readonly checking = signal(false);
  /**
   * The year whose State Council holiday notice is missing (from the health check's calendar
   * part), for those who can load it.
   */
  protected readonly calendarWarning = computed(() => {
    if (!this.session.can('calendar:write')) return null;
    const year = this.health()?.details?.['calendar']?.['missingNoticeYear'];
    return typeof year === 'number' ? year : null;
  });

  /** Which panels the user gets, from their permissions. */
  protected readonly supervises = computed(() => this.session.can('task:open'));
  protected readonly works = computed(
    () =>
      !this.supervises() && (this.session.can('task:work') || this.session.can('task:sign-off')),
  );
  protected readonly maintains = computed(() => this.session.can('adapter:manage'));

  protected readonly region = computed(() => this.session.me()?.scope.regions[0] ?? null);
  protected readonly period = signal<string | null>(null);
  protected readonly periodText = computed(() => {
    const p = this.period();
    return p ? periodLabel(p, this.language.current()) : '';
  });

  protected readonly assessment = signal<Assessment | null>(null);
  protected readonly assessmentFailed = signal(false);
  protected readonly behindList = computed(() => {
    const a = this.assessment();
    return a ? laggards(a) : [];
  });
  protected readonly judged = computed(() =>
    (this.assessment()?.indicators ?? []).some((i) =>
      i.children.some((c) => c.target && c.target.status !== 'unknown'),
    ),
  );
  protected readonly counts = signal<TaskCounts | null>(null);
  protected readonly recentImports = signal<ImportSummary[] | null>(null);
  protected readonly bulletin = signal<{
    state: BulletinState;
    bulletin: BulletinSummary | null;
  } | null>(null);

  protected readonly toSign = signal<TaskSummary[] | null>(null);
  protected readonly unitTasks = signal<TaskSummary[] | null>(null);

  protected readonly adapterCount = signal<number | null>(null);
  protected readonly caseImports = signal<CaseImportSummary[] | null>(null);
  protected readonly failedImports = computed(() =>
    (this.caseImports() ?? []).filter((i) => i.status === 'failed'),
  );
  protected readonly waitingImports = computed(() =>
    (this.caseImports() ?? []).filter((i) => i.status === 'queued' || i.status === 'running'),
  );
  protected readonly unmatched = computed(() => unmatchedUnits(this.caseImports() ?? []));

  constructor() {
    // Panels load once the user is known (the session may still be loading on first paint).
    effect(() => {
      const me = this.session.me();
      if (me) untracked(() => void this.loadPanels());
    });
  }

  ngOnInit(): void {
    if (!this.session.me()) void this.session.load();
    void this.check();
  }

  private async loadPanels(): Promise<void> {
    const jobs: Promise<unknown>[] = [];
    if (this.supervises()) jobs.push(this.loadSupervisor());
    if (this.works()) jobs.push(this.loadDepartment());
    if (this.maintains()) jobs.push(this.loadMaintainer());
    await Promise.all(jobs);
  }

  private async loadSupervisor(): Promise<void> {
    const region = this.region()?.code;
    if (!region) return;
    const period = await this.periods.initial();
    this.period.set(period);
    await Promise.all([
      firstValueFrom(this.registry.assessment(region, period)).then(
        (a) => this.assessment.set(a),
        () => this.assessmentFailed.set(true),
      ),
      firstValueFrom(this.taskSummary.byRegion(region)).then(
        (rows) => this.counts.set(taskCounts(rows)),
        () => this.counts.set(null),
      ),
      this.session.can('import:read')
        ? firstValueFrom(this.imports.list({ region, limit: 5 })).then(
            (list) => this.recentImports.set(list),
            () => this.recentImports.set([]),
          )
        : Promise.resolve(),
      // Case exports run in the background: the ones still waiting or failed need a look.
      this.session.can('import:read')
        ? firstValueFrom(this.workbench.caseImports()).then(
            (list) => this.caseImports.set(list),
            () => this.caseImports.set([]),
          )
        : Promise.resolve(),
      this.session.can('bulletin:read')
        ? firstValueFrom(this.workbench.bulletins(region)).then(
            (list) => this.bulletin.set(bulletinState(list, period)),
            () => this.bulletin.set(null),
          )
        : Promise.resolve(),
    ]);
  }

  private async loadDepartment(): Promise<void> {
    await Promise.all([
      this.session.can('task:sign-off')
        ? firstValueFrom(this.workbench.tasks('sign-off')).then(
            (t) => this.toSign.set(byDeadline(t)),
            () => this.toSign.set([]),
          )
        : Promise.resolve(),
      this.session.can('task:work')
        ? firstValueFrom(this.workbench.tasks('unit')).then(
            (t) => this.unitTasks.set(byDeadline(t)),
            () => this.unitTasks.set([]),
          )
        : Promise.resolve(),
    ]);
  }

  private async loadMaintainer(): Promise<void> {
    await Promise.all([
      firstValueFrom(this.imports.adapters()).then(
        (a) => this.adapterCount.set(a.length),
        () => this.adapterCount.set(null),
      ),
      firstValueFrom(this.workbench.caseImports()).then(
        (list) => this.caseImports.set(list),
        () => this.caseImports.set([]),
      ),
    ]);
  }

  protected async check(): Promise<void> {
    this.checking.set(true);
    try {
      this.health.set(await firstValueFrom(this.api.health()));
      this.healthError.set(null);
    } catch (error) {
      // 503 still carries the per-component details.
      if (error instanceof HttpErrorResponse && error.status === 503 && error.error?.details) {
        this.health.set(error.error as HealthResponse);
        this.healthError.set(null);
      } else {
        this.health.set(null);
        this.healthError.set(
          error instanceof HttpErrorResponse
            ? `${error.status} ${error.error?.message ?? error.message}`
            : String(error),
        );
      }
    } finally {
      this.checking.set(false);
    }
  }

  protected componentStatus(name: string): 'success' | 'error' | 'default' {
    const s = this.health()?.details?.[name]?.status;
    return s === 'up' ? 'success' : s === 'down' ? 'error' : 'default';
  }

  protected periodOf(period: string): string {
    return periodLabel(period, this.language.current());
  }

  protected regionName(r: { code: string; nameZh: string | null; nameEn: string | null }): string {
    return (this.language.current() === 'en' ? r.nameEn : r.nameZh) ?? r.nameZh ?? r.code;
  }

  protected rowName(e: BehindEntry): string {
    return this.language.current() === 'en' ? e.row.nameEn : e.row.nameZh;
  }

  protected indicatorName(e: BehindEntry): string {
    return this.language.current() === 'en' ? e.indicator.nameEn : e.indicator.nameZh;
  }

  protected valueOf(e: BehindEntry): string {
    return valueText(e.row.value, e.indicator.unit);
  }

  protected targetOf(e: BehindEntry): string {
    const t = e.row.target;
    return t?.value === undefined ? '' : targetText(t.comparator, t.value, e.indicator.unit);
  }

  protected detailLink(e: BehindEntry): string[] {
    const s = e.row.subject;
    if (s.kind === 'unit') return ['/detail', 'unit', s.id];
    if (s.kind === 'region') return ['/detail', 'region', s.code];
    return ['/detail'];
  }
}
