import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
  type OnInit,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import {
  beijingYear,
  calendarPrefixApplies,
  type CalendarCoverage,
  type CalendarEntry,
  type LoadCalendarNoticeResult,
  type RegionReminderPolicy,
  type ReminderPolicy,
} from '@efficacy/api-contract';
import { SessionService, describeApiError } from '@efficacy/console/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { BUSINESS_CLOCK } from '../business-clock';
import { TasksApi } from '../tasks-api';
import { parseNoticeLines } from './notice-lines';

/** 工作日历: holidays and adjusted working days by year; administrators add a year or correct a day. */
@Component({
  selector: 'eff-calendar-page',
  imports: [
    FormsModule,
    TranslatePipe,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzInputModule,
    NzInputNumberModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
  ],
  template: `
    <div class="page-header">
      <h2 class="page-title">{{ 'tasks.calendar.title' | translate }}</h2>
      <div class="page-toolbar">
        <nz-input-number
          [nzMin]="2000"
          [nzMax]="2100"
          [ngModel]="year()"
          (ngModelChange)="year.set($event); load()"
          data-testid="calendar-year"
        />
      </div>
    </div>
    @if (canWrite() && coverage()?.warning; as w) {
      <nz-alert
        class="mb"
        nzType="warning"
        nzShowIcon
        [nzMessage]="'tasks.calendar.missingNotice' | translate: { year: w.year }"
        data-testid="calendar-warning"
        [attr.data-year]="w.year"
      />
    }
    @if (coverage(); as c) {
      <nz-card
        class="mb"
        [nzTitle]="'tasks.calendar.coverage.title' | translate"
        data-testid="calendar-coverage"
      >
        <p class="hint">
          {{
            'tasks.calendar.coverage.package'
              | translate: { from: c.packageYears[0], to: c.packageYears[1] }
          }}
        </p>
        <div class="edit">
          @for (y of c.years; track y.year) {
            <nz-tag
              [nzColor]="
                y.national === 'provisional' ? 'orange' : y.national === 'notice' ? 'blue' : 'green'
              "
              [attr.data-year]="y.year"
              [attr.data-basis]="y.national"
              data-testid="coverage-year"
              [attr.title]="y.notice?.title ?? ''"
              >{{ y.year }} {{ 'tasks.calendar.basis.' + y.national | translate }}</nz-tag
            >
          }
        </div>
      </nz-card>
    }
    @if (canWrite()) {
      <nz-card
        class="mb"
        [nzTitle]="'tasks.calendar.notice.title' | translate"
        data-testid="notice-card"
      >
        <div class="edit">
          <nz-input-number
            [nzMin]="2000"
            [nzMax]="2100"
            [ngModel]="noticeYear()"
            (ngModelChange)="noticeYear.set($event)"
            data-testid="notice-year"
          />
          <input
            nz-input
            [placeholder]="'tasks.calendar.notice.titleField' | translate"
            [ngModel]="noticeTitle()"
            (ngModelChange)="noticeTitle.set($event)"
            style="min-width: 360px; flex: 1"
            data-testid="notice-title"
          />
          <input
            nz-input
            [placeholder]="'tasks.calendar.notice.documentNumber' | translate"
            [ngModel]="noticeNumber()"
            (ngModelChange)="noticeNumber.set($event)"
            style="width: 200px"
            data-testid="notice-number"
          />
          <input
            nz-input
            [placeholder]="'tasks.calendar.regionPrefix' | translate"
            [ngModel]="noticePrefix()"
            (ngModelChange)="noticePrefix.set($event)"
            style="width: 160px"
            data-testid="notice-prefix"
          />
        </div>
        <textarea
          nz-input
          rows="6"
          class="days"
          [placeholder]="'tasks.calendar.notice.daysHint' | translate"
          [ngModel]="noticeDays()"
          (ngModelChange)="noticeDays.set($event)"
          data-testid="notice-days"
        ></textarea>
        <p class="hint">{{ 'tasks.calendar.notice.hint' | translate }}</p>
        <button
          nz-button
          nzType="primary"
          (click)="loadNotice()"
          [disabled]="!noticeTitle().trim() || !noticeDays().trim()"
          data-testid="notice-load"
        >
          {{ 'tasks.calendar.notice.load' | translate }}
        </button>
        @if (noticeResult(); as r) {
          <nz-alert
            class="mt"
            nzType="success"
            [nzMessage]="
              'tasks.calendar.notice.loaded'
                | translate
                  : { year: r.notice.year, count: r.notice.dayCount, tasks: r.recomputed.length }
            "
            data-testid="notice-result"
          />
        }
        @if (noticeError(); as e) {
          <nz-alert class="mt" nzType="error" [nzMessage]="e" data-testid="notice-error" />
        }
      </nz-card>
    }
    @if (policy(); as p) {
      <nz-card class="mb" [nzTitle]="'tasks.policy.title' | translate" data-testid="policy-card">
        <p class="hint" data-testid="policy-where">
          @if (p.setFor) {
            {{
              'tasks.policy.setFor' | translate: { region: regionName(p.setFor), by: p.updatedBy }
            }}
          } @else {
            {{ 'tasks.policy.default' | translate: { region: regionName(p.regionCode) } }}
          }
        </p>
        <div class="edit">
          <label
            >{{ 'tasks.policy.dueSoon' | translate }}
            <nz-input-number
              [nzMin]="0"
              [nzMax]="30"
              [nzDisabled]="!canWrite()"
              [ngModel]="p.dueSoonDays"
              (ngModelChange)="setPolicy({ dueSoonDays: $event })"
              data-testid="policy-due-soon"
          /></label>
          <label
            >{{ 'tasks.policy.yellow' | translate }}
            <nz-input-number
              [nzMin]="1"
              [nzMax]="30"
              [nzDisabled]="!canWrite()"
              [ngModel]="p.yellowAfterDays"
              (ngModelChange)="setPolicy({ yellowAfterDays: $event })"
          /></label>
          <label
            >{{ 'tasks.policy.red' | translate }}
            <nz-input-number
              [nzMin]="1"
              [nzMax]="60"
              [nzDisabled]="!canWrite()"
              [ngModel]="p.redAfterDays"
              (ngModelChange)="setPolicy({ redAfterDays: $event })"
              data-testid="policy-red"
          /></label>
          @if (canWrite()) {
            <button nz-button (click)="savePolicy()" data-testid="policy-save">
              {{ 'tasks.calendar.save' | translate }}
            </button>
          }
        </div>
      </nz-card>
    }
    @if (canWrite()) {
      <nz-card class="mb">
        <div class="edit">
          <input
            nz-input
            type="date"
            [ngModel]="date()"
            (ngModelChange)="date.set($event)"
            data-testid="calendar-date"
          />
          <nz-select [ngModel]="kind()" (ngModelChange)="kind.set($event)" style="width: 140px">
            <nz-option nzValue="holiday" [nzLabel]="'tasks.calendar.holiday' | translate" />
            <nz-option nzValue="workday" [nzLabel]="'tasks.calendar.workday' | translate" />
          </nz-select>
          <input
            nz-input
            [placeholder]="'tasks.calendar.name' | translate"
            [ngModel]="name()"
            (ngModelChange)="name.set($event)"
            data-testid="calendar-name"
          />
          <input
            nz-input
            [placeholder]="'tasks.calendar.regionPrefix' | translate"
            [ngModel]="prefix()"
            (ngModelChange)="prefix.set($event)"
            style="width: 160px"
            data-testid="calendar-prefix"
          />
          <button
            nz-button
            nzType="primary"
            (click)="save()"
            [disabled]="!date() || !name().trim()"
            data-testid="calendar-save"
          >
            {{ 'tasks.calendar.save' | translate }}
          </button>
        </div>
        <p class="hint">{{ 'tasks.calendar.prefixHint' | translate }}</p>
        @if (error(); as e) {
          <nz-alert nzType="error" [nzMessage]="e" />
        }
      </nz-card>
    }
    <nz-card>
      <nz-table [nzData]="entries()" [nzPageSize]="50" nzSize="small" data-testid="calendar-table">
        <thead>
          <tr>
            <th>{{ 'tasks.calendar.date' | translate }}</th>
            <th>{{ 'tasks.calendar.kind' | translate }}</th>
            <th>{{ 'tasks.calendar.name' | translate }}</th>
            <th>{{ 'tasks.calendar.regionPrefix' | translate }}</th>
            <th>{{ 'tasks.calendar.updatedBy' | translate }}</th>
            <th>{{ 'tasks.calendar.sourceTitle' | translate }}</th>
            @if (canWrite()) {
              <th></th>
            }
          </tr>
        </thead>
        <tbody>
          @for (e of entries(); track e.date + e.regionPrefix) {
            <tr>
              <td>{{ e.date }}</td>
              <td>{{ 'tasks.calendar.' + e.kind | translate }}</td>
              <td>{{ e.name }}</td>
              <td>{{ e.regionPrefix || ('tasks.calendar.national' | translate) }}</td>
              <td>{{ e.updatedBy }}</td>
              <td [attr.data-source]="e.source">
                {{ 'tasks.calendar.source.' + e.source | translate }}
              </td>
              @if (canWrite()) {
                <td>
                  @if (e.source !== 'package' && mayChange(e.regionPrefix)) {
                    <button
                      nz-button
                      nzType="link"
                      nzDanger
                      (click)="remove(e)"
                      [attr.data-testid]="'calendar-remove-' + e.date + '-' + e.regionPrefix"
                    >
                      {{ 'tasks.calendar.remove' | translate }}
                    </button>
                  }
                </td>
              }
            </tr>
          }
        </tbody>
      </nz-table>
    </nz-card>
  `,
  styles: `
    .edit {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
    }
    .mb {
      margin-bottom: 16px;
    }
    .mt {
      margin-top: 8px;
    }
    .days {
      margin-top: 8px;
      font-family: monospace;
    }
    .hint {
      margin: 8px 0 0;
      color: rgba(0, 0, 0, 0.55);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CalendarPage implements OnInit {
  private readonly api = inject(TasksApi);
  private readonly session = inject(SessionService);
  private readonly clock = inject(BUSINESS_CLOCK);

  protected readonly canWrite = computed(() => this.session.can('calendar:write'));
  /** This year in Beijing, whatever the browser's zone. */
  protected readonly year = signal(beijingYear(this.clock.now()));
  protected readonly coverage = signal<CalendarCoverage | null>(null);
  protected readonly noticeYear = signal(beijingYear(this.clock.now()) + 1);
  protected readonly noticeTitle = signal('');
  protected readonly noticeNumber = signal('');
  protected readonly noticePrefix = signal('');
  protected readonly noticeDays = signal('');
  protected readonly noticeResult = signal<LoadCalendarNoticeResult | null>(null);
  protected readonly noticeError = signal<string | null>(null);
  protected readonly entries = signal<CalendarEntry[]>([]);
  protected readonly date = signal('');
  protected readonly kind = signal<'holiday' | 'workday'>('holiday');
  protected readonly name = signal('');
  protected readonly prefix = signal('');
  protected readonly error = signal<string | null>(null);
  protected readonly policy = signal<RegionReminderPolicy | null>(null);
  /** The thresholds shown are those of the user's own (first) region. */
  private readonly homeRegion = computed(() => this.session.me()?.scope.regions[0]?.code ?? null);

  ngOnInit(): void {
    void this.load();
    void this.loadCoverage();
    const region = this.homeRegion();
    if (region)
      this.api
        .policy(region)
        .subscribe({ next: (p) => this.policy.set(p), error: () => undefined });
  }

  protected regionName(code: string): string {
    const region = this.session.me()?.scope.regions.find((r) => r.code === code);
    return region?.nameZh ? `${region.nameZh} (${code})` : code;
  }

  protected setPolicy(change: Partial<ReminderPolicy>): void {
    const current = this.policy();
    if (current) this.policy.set({ ...current, ...change });
  }

  protected async savePolicy(): Promise<void> {
    const current = this.policy();
    if (!current) return;
    this.error.set(null);
    const { dueSoonDays, yellowAfterDays, redAfterDays } = current;
    try {
      this.policy.set(
        await firstValueFrom(
          this.api.setPolicy(current.regionCode, { dueSoonDays, yellowAfterDays, redAfterDays }),
        ),
      );
    } catch (error) {
      this.error.set(describeApiError(error).message);
    }
  }

  async load(): Promise<void> {
    try {
      this.entries.set(await firstValueFrom(this.api.calendar(this.year())));
    } catch (error) {
      this.error.set(describeApiError(error).message);
    }
  }

  async loadCoverage(): Promise<void> {
    try {
      this.coverage.set(await firstValueFrom(this.api.coverage()));
    } catch (error) {
      this.error.set(describeApiError(error).message);
    }
  }

  /** Loads the notice typed or pasted into the form (one day a line), then shows what changed. */
  protected async loadNotice(): Promise<void> {
    this.noticeError.set(null);
    this.noticeResult.set(null);
    const { days, problems } = parseNoticeLines(this.noticeDays());
    if (problems.length) {
      this.noticeError.set(
        problems
          .map((p) => `line ${p.line}: ${p.text}`)
          .join('; ')
          .replace(/^/, 'expected "YYYY-MM-DD 放假|上班 名称" — '),
      );
      return;
    }
    try {
      this.noticeResult.set(
        await firstValueFrom(
          this.api.loadNotice({
            year: this.noticeYear(),
            title: this.noticeTitle().trim(),
            ...(this.noticeNumber().trim() ? { documentNumber: this.noticeNumber().trim() } : {}),
            ...(this.noticePrefix().trim() ? { regionPrefix: this.noticePrefix().trim() } : {}),
            days,
          }),
        ),
      );
      await Promise.all([this.load(), this.loadCoverage()]);
    } catch (error) {
      this.noticeError.set(describeApiError(error).message);
    }
  }

  /** The API's rule, to offer only what it would accept: days that apply to the user's regions. */
  protected mayChange(prefix: string): boolean {
    const regions = (this.session.me()?.scope.regions ?? []).map((r) => r.code);
    return calendarPrefixApplies(prefix, regions);
  }

  protected async remove(entry: CalendarEntry): Promise<void> {
    this.error.set(null);
    try {
      await firstValueFrom(this.api.deleteCalendarDay(entry.date, entry.regionPrefix));
      await this.load();
    } catch (error) {
      this.error.set(describeApiError(error).message);
    }
  }

  protected async save(): Promise<void> {
    this.error.set(null);
    try {
      await firstValueFrom(
        this.api.putCalendarDay({
          date: this.date(),
          kind: this.kind(),
          name: this.name().trim(),
          ...(this.prefix().trim() ? { regionPrefix: this.prefix().trim() } : {}),
        }),
      );
      await this.load();
    } catch (error) {
      this.error.set(describeApiError(error).message);
    }
  }
}
