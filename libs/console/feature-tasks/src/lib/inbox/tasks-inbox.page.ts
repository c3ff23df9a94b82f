import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
  type OnInit,
} from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import type { TaskInbox, TaskSummary } from '@efficacy/api-contract';
import { SessionService, describeApiError, type ApiFailure } from '@efficacy/console/core';
import { PageState } from '@efficacy/console/ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ProvisionalMark } from '../provisional-mark';
import { TasksApi } from '../tasks-api';
import { REMINDER_COLOR, STATE_COLOR } from '../task-labels';

interface InboxTab {
  readonly inbox: TaskInbox;
  readonly label: string;
}

/** 整改任务: one inbox per role (my unit's tasks, awaiting my sign-off, awaiting my verification). */
@Component({
  selector: 'eff-tasks-inbox-page',
  imports: [
    ProvisionalMark,
    RouterLink,
    TranslatePipe,
    PageState,
    NzButtonModule,
    NzAlertModule,
    NzCardModule,
    NzIconModule,
    NzTableModule,
    NzTabsModule,
    NzTagModule,
  ],
  template: `
    <div class="page-header">
      <h2 class="page-title" data-testid="tasks-heading">{{ 'tasks.title' | translate }}</h2>
      <div class="page-toolbar">
        @if (canOpen()) {
          <a nz-button routerLink="/tasks/city" data-testid="city-view-link">
            {{ 'tasks.city.title' | translate }}
          </a>
          <a nz-button routerLink="/tasks/bulk" data-testid="bulk-link">
            {{ 'tasks.bulk.title' | translate }}
          </a>
          <a nz-button nzType="primary" routerLink="/tasks/new" data-testid="new-task-link">
            <nz-icon nzType="plus" />{{ 'tasks.new.title' | translate }}
          </a>
        }
        <a nz-button routerLink="/tasks/calendar" data-testid="calendar-link">
          {{ 'tasks.calendar.title' | translate }}
        </a>
      </div>
    </div>
    <nz-card>
      <nz-tabs [nzSelectedIndex]="tabIndex()" (nzSelectedIndexChange)="select($event)">
        @for (tab of tabs(); track tab.inbox) {
          <nz-tab [nzTitle]="tab.label | translate" />
        }
      </nz-tabs>
      @if (failure(); as f) {
        <eff-page-state [failure]="f" (retry)="load()" />
      } @else {
        @if (summary(); as s) {
          <p class="summary" data-testid="inbox-summary">
            {{ 'tasks.summary' | translate: s }}
          </p>
        }
        @if (total() > tasks().length) {
          <nz-alert
            nzType="info"
            nzShowIcon
            [nzMessage]="
              'tasks.inbox.truncated' | translate: { shown: tasks().length, total: total() }
            "
            data-testid="inbox-truncated"
          />
        }
        <nz-table
          #table
          [nzData]="tasks()"
          [nzLoading]="loading()"
          [nzPageSize]="20"
          nzSize="middle"
          data-testid="task-table"
        >
          <thead>
            <tr>
              <th>{{ 'tasks.field.number' | translate }}</th>
              <th>{{ 'tasks.field.title' | translate }}</th>
              <th>{{ 'tasks.field.leadUnit' | translate }}</th>
              <th>{{ 'tasks.field.state' | translate }}</th>
              <th>{{ 'tasks.field.deadline' | translate }}</th>
              <th>{{ 'tasks.field.remaining' | translate }}</th>
            </tr>
          </thead>
          <tbody>
            @for (t of table.data; track t.id) {
              <tr [attr.data-task]="t.id" data-testid="task-row">
                <td>#{{ t.number }}</td>
                <td>
                  <a [routerLink]="['/tasks', t.id]" data-testid="task-link">{{ t.title }}</a>
                </td>
                <td>{{ t.leadUnitNameZh }}</td>
                <td>
                  <nz-tag [nzColor]="stateColor[t.state]" data-testid="task-state">{{
                    'tasks.state.' + t.state | translate
                  }}</nz-tag>
                </td>
                <td>
                  {{ t.deadline }}
                  @if (t.provisional) {
                    <eff-provisional-mark [years]="t.provisionalYears" />
                  }
                  @if (t.deadline !== t.originalDeadline) {
                    <span class="muted"
                      >({{ 'tasks.field.originalDeadline' | translate }}
                      {{ t.originalDeadline }})</span
                    >
                  }
                </td>
                <td>
                  @if (t.remainingWorkingDays !== null) {
                    {{ 'tasks.workingDaysLeft' | translate: { n: t.remainingWorkingDays } }}
                  }
                  @if (t.overdueWorkingDays > 0) {
                    <span class="overdue">{{
                      'tasks.overdueBy' | translate: { n: t.overdueWorkingDays }
                    }}</span>
                  }
                  @if (t.reminder !== 'none') {
                    <nz-tag [nzColor]="reminderColor[t.reminder]" data-testid="task-reminder">{{
                      'tasks.reminder.' + t.reminder | translate
                    }}</nz-tag>
                  }
                </td>
              </tr>
            }
          </tbody>
        </nz-table>
      }
    </nz-card>
  `,
  styles: `
    .overdue {
      color: #cf1322;
      margin-right: 8px;
    }
    .summary {
      color: #cf1322;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TasksInboxPage implements OnInit {
  private readonly api = inject(TasksApi);
  private readonly session = inject(SessionService);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);

  protected readonly stateColor = STATE_COLOR;
  protected readonly reminderColor = REMINDER_COLOR;
  protected readonly canOpen = computed(() => this.session.can('task:open'));
  protected readonly tabs = computed<InboxTab[]>(() => {
    const tabs: InboxTab[] = [];
    if (this.session.can('task:work')) tabs.push({ inbox: 'unit', label: 'tasks.inbox.unit' });
    if (this.session.can('task:sign-off'))
      tabs.push({ inbox: 'sign-off', label: 'tasks.inbox.signOff' });
    if (this.session.can('task:verify'))
      tabs.push({ inbox: 'verify', label: 'tasks.inbox.verify' });
    if (this.session.can('task:open')) tabs.push({ inbox: 'opened', label: 'tasks.inbox.opened' });
    tabs.push({ inbox: 'all', label: 'tasks.inbox.all' });
    return tabs;
  });
  protected readonly inbox = signal<TaskInbox>('all');
  protected readonly tabIndex = computed(() =>
    Math.max(
      0,
      this.tabs().findIndex((t) => t.inbox === this.inbox()),
    ),
  );
  protected readonly tasks = signal<TaskSummary[]>([]);
  /** How many tasks match in all; more than shown when the list is cut at the API's page. */
  protected readonly total = signal(0);
  /** Counts that need attention now: overdue and escalated (red) among running tasks. */
  protected readonly summary = computed(() => {
    const running = this.tasks().filter((t) => t.remainingWorkingDays !== null);
    const overdue = running.filter((t) => t.overdueWorkingDays > 0).length;
    const red = running.filter((t) => t.reminder === 'red').length;
    const soon = running.filter(
      (t) => t.reminder === 'due-soon' || t.reminder === 'due-today',
    ).length;
    return overdue + red + soon > 0 ? { overdue, red, soon } : null;
  });
  protected readonly loading = signal(true);
  protected readonly failure = signal<ApiFailure | null>(null);

  ngOnInit(): void {
    this.route.queryParamMap.subscribe((q) => {
      const wanted = q.get('inbox');
      const known = this.tabs().find((t) => t.inbox === wanted);
      if (known) {
        this.inbox.set(known.inbox);
        void this.load();
      } else void this.openFirstWithTasks();
    });
  }

  /**
   * Without ?inbox=: the first tab that has tasks, else the first. A city administrator's
   * verification inbox is often empty while tasks run below; opening on it reads "no tasks".
   */
  private async openFirstWithTasks(): Promise<void> {
    this.loading.set(true);
    const tabs = this.tabs();
    let first: { inbox: TaskInbox; items: TaskSummary[]; total: number } | null = null;
    try {
      for (const tab of tabs) {
        const page = await firstValueFrom(this.api.list({ inbox: tab.inbox }));
        first ??= { inbox: tab.inbox, ...page };
        if (page.total > 0) {
          first = { inbox: tab.inbox, ...page };
          break;
        }
      }
      if (first) {
        this.inbox.set(first.inbox);
        this.tasks.set(first.items);
        this.total.set(first.total);
      }
      this.failure.set(null);
    } catch (error) {
      this.failure.set(describeApiError(error));
    } finally {
      this.loading.set(false);
    }
  }

  protected select(index: number): void {
    const tab = this.tabs()[index];
    if (tab && tab.inbox !== this.inbox())
      void this.router.navigate([], { queryParams: { inbox: tab.inbox } });
  }

  async load(): Promise<void> {
    this.loading.set(true);
    try {
      const page = await firstValueFrom(this.api.list({ inbox: this.inbox() }));
      this.tasks.set(page.items);
      this.total.set(page.total);
      this.failure.set(null);
    } catch (error) {
      this.failure.set(describeApiError(error));
    } finally {
      this.loading.set(false);
    }
  }
}
