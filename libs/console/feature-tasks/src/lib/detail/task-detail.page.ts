import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
  viewChild,
  type OnInit,
} from '@angular/core';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { DatePipe } from '@angular/common';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { HttpEventType } from '@angular/common/http';
import { firstValueFrom, lastValueFrom, tap } from 'rxjs';
import type { TaskAction, TaskDetail, TaskEvidence } from '@efficacy/api-contract';
import {
  describeApiError,
  saveBlob,
  uploadRefusal,
  type ApiFailure,
  type UploadRefusal,
} from '@efficacy/console/core';
import { PageState } from '@efficacy/console/ui';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzUploadModule, type NzUploadFile } from 'ng-zorro-antd/upload';
import { ProvisionalMark } from '../provisional-mark';
import { TasksApi, type ActionBody } from '../tasks-api';
import { REMINDER_COLOR, STATE_COLOR } from '../task-labels';
import { TaskActionDialog } from './action-dialog';
import { taskButtons } from './task-buttons';

const PRIMARY: readonly TaskAction[] = ['acknowledge', 'start', 'submit', 'sign_off', 'verify'];

/** One task: its facts, the snapshot it was opened on, evidence, the timeline, and the next steps. */
@Component({
  selector: 'eff-task-detail-page',
  imports: [
    ProvisionalMark,
    DatePipe,
    RouterLink,
    TranslatePipe,
    PageState,
    TaskActionDialog,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzDescriptionsModule,
    NzGridModule,
    NzIconModule,
    NzTagModule,
    NzProgressModule,
    NzUploadModule,
  ],
  template: `
    @if (failure(); as f) {
      <eff-page-state [failure]="f" (retry)="load()" />
    } @else if (task(); as t) {
      <div class="page-header">
        <h2 class="page-title" data-testid="task-title">#{{ t.number }} {{ t.title }}</h2>
        <nz-tag [nzColor]="stateColor[t.state]" data-testid="task-state">{{
          'tasks.state.' + t.state | translate
        }}</nz-tag>
        @if (t.reminder !== 'none') {
          <nz-tag [nzColor]="reminderColor[t.reminder]" data-testid="task-reminder">{{
            'tasks.reminder.' + t.reminder | translate
          }}</nz-tag>
        }
        @if (t.effect) {
          <nz-tag data-testid="task-effect">{{ 'tasks.effect.' + t.effect | translate }}</nz-tag>
        }
        <div class="page-toolbar">
          @for (a of buttons(); track a) {
            <button
              nz-button
              [nzType]="isPrimary(a) ? 'primary' : 'default'"
              [nzDanger]="a === 'cancel' || a === 'return'"
              (click)="begin(a)"
              [attr.data-testid]="'action-' + a"
            >
              {{ 'tasks.action.' + a | translate }}
            </button>
          }
          <a nz-button routerLink="/tasks">{{ 'tasks.back' | translate }}</a>
        </div>
      </div>
      <div nz-row [nzGutter]="[16, 16]">
        <div nz-col [nzXs]="24" [nzLg]="15">
          <nz-card [nzTitle]="'tasks.facts' | translate" class="mb">
            <nz-descriptions nzBordered [nzColumn]="2" nzSize="small">
              <nz-descriptions-item [nzTitle]="'tasks.field.source' | translate">{{
                'tasks.source.' + t.source | translate
              }}</nz-descriptions-item>
              <nz-descriptions-item [nzTitle]="'tasks.field.region' | translate">{{
                t.regionNameZh
              }}</nz-descriptions-item>
              <nz-descriptions-item [nzTitle]="'tasks.field.leadUnit' | translate">
                <span data-testid="task-lead-unit">{{ t.leadUnitNameZh }}</span>
              </nz-descriptions-item>
              <nz-descriptions-item [nzTitle]="'tasks.field.openedBy' | translate">
                {{ t.openedBy }} · {{ t.openedAt | date: 'yyyy-MM-dd HH:mm' }}
              </nz-descriptions-item>
              <nz-descriptions-item [nzTitle]="'tasks.field.deadline' | translate">
                <span data-testid="task-deadline">{{ t.deadline }}</span>
                @if (t.provisional) {
                  <eff-provisional-mark [years]="t.provisionalYears" />
                }
                @if (t.deadline !== t.originalDeadline) {
                  <span class="muted" data-testid="task-original-deadline">
                    （{{ 'tasks.field.originalDeadline' | translate }}
                    {{ t.originalDeadline }}）</span
                  >
                }
              </nz-descriptions-item>
              <nz-descriptions-item [nzTitle]="'tasks.field.remaining' | translate">
                @if (t.elapsedWorkingDays !== null) {
                  {{ 'tasks.elapsed' | translate: { n: t.elapsedWorkingDays } }}
                }
                @if (t.remainingWorkingDays !== null) {
                  · {{ 'tasks.workingDaysLeft' | translate: { n: t.remainingWorkingDays } }}
                }
                @if (t.overdueWorkingDays > 0) {
                  ·
                  <span class="overdue">{{
                    'tasks.overdueBy' | translate: { n: t.overdueWorkingDays }
                  }}</span>
                }
              </nz-descriptions-item>
              @if (t.detail) {
                <nz-descriptions-item [nzTitle]="'tasks.field.detail' | translate" [nzSpan]="2">{{
                  t.detail
                }}</nz-descriptions-item>
              }
              @if (t.pendingExtension; as p) {
                <nz-descriptions-item
                  [nzTitle]="'tasks.field.pendingExtension' | translate"
                  [nzSpan]="2"
                >
                  <span data-testid="task-pending-extension">{{ p.until }} · {{ p.reason }}</span>
                </nz-descriptions-item>
              }
              @if (t.report) {
                <nz-descriptions-item [nzTitle]="'tasks.field.report' | translate" [nzSpan]="2">
                  <span data-testid="task-report">{{ t.report }}</span>
                </nz-descriptions-item>
              }
            </nz-descriptions>
          </nz-card>
          @if (t.snapshot; as s) {
            <nz-card
              [nzTitle]="'tasks.snapshot' | translate"
              class="mb"
              data-testid="task-snapshot"
            >
              <p>
                {{ s.indicatorNameZh ?? s.indicator }} · {{ s.period }} ·
                <strong data-testid="snapshot-value">{{ s.display }}</strong>
                @if (s.target !== undefined) {
                  · {{ 'tasks.target' | translate }} {{ s.comparator }} {{ s.target }}
                }
                @if (s.status) {
                  · {{ 'status.' + s.status | translate }}
                }
              </p>
              <p class="muted">
                {{ 'tasks.snapshotTaken' | translate }} {{ s.takenAt | date: 'yyyy-MM-dd HH:mm' }}
              </p>
              @if (t.effectSnapshot; as e) {
                <p data-testid="effect-snapshot">
                  {{ 'tasks.effectCheck' | translate }}: {{ e.period }} · {{ e.display }}
                </p>
              }
            </nz-card>
          }
          <nz-card [nzTitle]="'tasks.evidence' | translate" data-testid="evidence-card">
            @for (e of t.evidence; track e.id) {
              <p data-testid="evidence-item">
                <a tabindex="0" (click)="download(e)" (keydown.enter)="download(e)">{{
                  e.fileName
                }}</a>
                <span class="muted">
                  · {{ e.size }} B · SHA-256 {{ e.sha256.slice(0, 12) }}… · {{ e.uploadedBy }}</span
                >
              </p>
            } @empty {
              <p class="muted">{{ 'tasks.noEvidence' | translate }}</p>
            }
            @if (canUpload()) {
              <nz-upload
                nzType="drag"
                [nzMultiple]="false"
                [nzShowUploadList]="false"
                [nzBeforeUpload]="beforeUpload"
                [nzDisabled]="uploadPercent() !== null"
                nzAccept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx"
                data-testid="evidence-drop"
              >
                <p class="ant-upload-drag-icon"><nz-icon nzType="inbox" /></p>
                <p class="ant-upload-text">{{ 'upload.evidenceDrop' | translate }}</p>
                <p class="ant-upload-hint" data-testid="evidence-rules">
                  {{ 'tasks.evidenceRules' | translate }}
                </p>
              </nz-upload>
              @if (uploadPercent() !== null) {
                <nz-progress
                  [nzPercent]="uploadPercent() ?? 0"
                  nzSize="small"
                  nzStatus="active"
                  [attr.aria-label]="'upload.uploading' | translate: { percent: uploadPercent() }"
                  data-testid="evidence-progress"
                />
              }
            }
            @if (uploadError(); as r) {
              <nz-alert
                class="mt"
                nzType="error"
                nzShowIcon
                [nzMessage]="r.key | translate: r.params"
                [nzDescription]="'upload.detail' | translate: { message: r.detail }"
                data-testid="evidence-error"
              />
            }
          </nz-card>
        </div>
        <div nz-col [nzXs]="24" [nzLg]="9">
          <nz-card [nzTitle]="'tasks.timeline' | translate">
            <ol class="timeline" data-testid="task-timeline">
              @for (e of t.events; track e.id) {
                <li
                  data-testid="timeline-item"
                  [attr.data-action]="e.action"
                  [class.timeline__item--alert]="e.action === 'return' || e.action === 'escalate'"
                  class="timeline__item"
                >
                  <strong>{{ 'tasks.event.' + e.action | translate }}</strong>
                  <span class="muted">
                    · {{ e.actor }} · {{ e.at | date: 'yyyy-MM-dd HH:mm' }}</span
                  >
                  @if (e.reason) {
                    <div>{{ 'tasks.field.reason' | translate }}：{{ e.reason }}</div>
                  }
                  @if (e.action === 'grant_extension') {
                    <div>{{ e.data?.['from'] }} → {{ e.data?.['to'] }}</div>
                  }
                  @if (e.action === 'evidence') {
                    <div>{{ e.data?.['fileName'] }}</div>
                  }
                </li>
              }
            </ol>
          </nz-card>
        </div>
      </div>
      <eff-task-action-dialog
        [action]="pending()"
        [busy]="busy()"
        [error]="actionError()"
        (confirmed)="run($event.action, $event.body)"
        (closed)="pending.set(null)"
      />
    }
  `,
  styles: `
    .overdue {
      color: #cf1322;
    }
    .mb {
      margin-bottom: 16px;
    }
    .timeline {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .timeline__item {
      position: relative;
      padding: 0 0 16px 20px;
      border-left: 2px solid #f0f0f0;
    }
    .timeline__item::before {
      content: '';
      position: absolute;
      left: -6px;
      top: 4px;
      width: 10px;
      height: 10px;
      border-radius: 50%;
      border: 2px solid #1677ff;
      background: #fff;
    }
    .timeline__item--alert::before {
      border-color: #cf1322;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TaskDetailPage implements OnInit {
  private readonly api = inject(TasksApi);
  private readonly route = inject(ActivatedRoute);
  private readonly message = inject(NzMessageService);
  private readonly translate = inject(TranslateService);
  private readonly dialog = viewChild(TaskActionDialog);

  protected readonly stateColor = STATE_COLOR;
  protected readonly reminderColor = REMINDER_COLOR;
  protected readonly task = signal<TaskDetail | null>(null);
  protected readonly failure = signal<ApiFailure | null>(null);
  protected readonly pending = signal<TaskAction | null>(null);
  protected readonly busy = signal(false);
  protected readonly actionError = signal<string | null>(null);
  protected readonly uploadError = signal<UploadRefusal | null>(null);
  /** 0–100 while a file is on its way; null otherwise. */
  protected readonly uploadPercent = signal<number | null>(null);
  protected readonly buttons = computed(() => {
    const t = this.task();
    return t ? taskButtons(t) : [];
  });
  protected readonly canUpload = computed(() => {
    const t = this.task();
    return !!t && (t.actions.includes('submit') || t.actions.includes('start'));
  });
  private id = '';

  ngOnInit(): void {
    this.route.paramMap.subscribe((p) => {
      this.id = p.get('id') ?? '';
      void this.load();
    });
  }

  async load(): Promise<void> {
    try {
      this.task.set(await firstValueFrom(this.api.get(this.id)));
      this.failure.set(null);
    } catch (error) {
      this.failure.set(describeApiError(error));
    }
  }

  protected isPrimary(action: TaskAction): boolean {
    return PRIMARY.includes(action);
  }

  protected begin(action: TaskAction): void {
    this.dialog()?.reset();
    this.actionError.set(null);
    this.pending.set(action);
  }

  protected async run(action: TaskAction, body: ActionBody): Promise<void> {
    this.busy.set(true);
    try {
      this.task.set(await firstValueFrom(this.api.act(this.id, action, body)));
      this.pending.set(null);
      this.message.success(this.translate.instant('tasks.done'));
    } catch (error) {
      this.actionError.set(describeApiError(error).message);
    } finally {
      this.busy.set(false);
    }
  }

  /** Sends a dropped or chosen file at once, with progress; nz-upload itself sends nothing. */
  protected readonly beforeUpload = (file: NzUploadFile): boolean => {
    void this.upload(file as unknown as File);
    return false;
  };

  protected async upload(file: File): Promise<void> {
    this.uploadError.set(null);
    this.uploadPercent.set(0);
    try {
      await lastValueFrom(
        this.api.uploadWithProgress(this.id, file).pipe(
          tap((event) => {
            if (event.type === HttpEventType.UploadProgress && event.total)
              this.uploadPercent.set(Math.round((100 * event.loaded) / event.total));
          }),
        ),
      );
      await this.load();
    } catch (error) {
      this.uploadError.set(uploadRefusal(describeApiError(error)));
    } finally {
      this.uploadPercent.set(null);
    }
  }

  protected async download(e: TaskEvidence): Promise<void> {
    saveBlob(await firstValueFrom(this.api.evidence(this.id, e.id)), e.fileName);
  }
}
