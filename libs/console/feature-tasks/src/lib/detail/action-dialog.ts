import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { actionNeeds, type TaskAction } from '@efficacy/api-contract';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';
import type { ActionBody } from '../tasks-api';

/**
 * The dialog behind every task button: sign-off, return (退回) with its reason, extension
 * (延期) with the date asked for, submission with the report, cancel with its reason. What it
 * asks for follows the guards the declared workflow names for the action (`actionNeeds`).
 */
@Component({
  selector: 'eff-task-action-dialog',
  imports: [FormsModule, TranslatePipe, NzAlertModule, NzFormModule, NzInputModule, NzModalModule],
  template: `
    <nz-modal
      [nzVisible]="action() !== null"
      [nzTitle]="action() ? ('tasks.action.' + action() | translate) : ''"
      [nzOkText]="'tasks.dialog.confirm' | translate"
      [nzCancelText]="'tasks.dialog.cancel' | translate"
      [nzOkDisabled]="!valid()"
      [nzOkLoading]="busy()"
      (nzOnOk)="confirm()"
      (nzOnCancel)="closed.emit()"
    >
      <ng-container *nzModalContent>
        @if (action(); as a) {
          <p data-testid="dialog-hint">{{ 'tasks.dialog.hint.' + a | translate }}</p>
        }
        @if (needs().report) {
          <nz-form-item>
            <nz-form-label nzRequired>{{ 'tasks.field.report' | translate }}</nz-form-label>
            <textarea
              nz-input
              rows="5"
              [ngModel]="report()"
              (ngModelChange)="report.set($event)"
              data-testid="dialog-report"
            ></textarea>
          </nz-form-item>
        }
        @if (needs().until) {
          <nz-form-item>
            <nz-form-label nzRequired>{{ 'tasks.field.until' | translate }}</nz-form-label>
            <input
              nz-input
              type="date"
              [ngModel]="until()"
              (ngModelChange)="until.set($event)"
              data-testid="dialog-until"
            />
          </nz-form-item>
        }
        @if (needs().reason) {
          <nz-form-item>
            <nz-form-label nzRequired>{{ 'tasks.field.reason' | translate }}</nz-form-label>
            <textarea
              nz-input
              rows="3"
              [ngModel]="reason()"
              (ngModelChange)="reason.set($event)"
              data-testid="dialog-reason"
            ></textarea>
          </nz-form-item>
        }
        @if (error(); as e) {
          <nz-alert nzType="error" [nzMessage]="e" data-testid="dialog-error" />
        }
      </ng-container>
    </nz-modal>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TaskActionDialog {
  readonly action = input<TaskAction | null>(null);
  readonly busy = input(false);
  readonly error = input<string | null>(null);
  readonly confirmed = output<{ action: TaskAction; body: ActionBody }>();
  readonly closed = output<void>();

  protected readonly reason = signal('');
  protected readonly report = signal('');
  protected readonly until = signal('');
  protected readonly needs = computed(() => {
    const a = this.action();
    return a === null ? { reason: false, report: false, until: false } : actionNeeds(a);
  });
  protected readonly valid = computed(() => {
    const a = this.action();
    if (a === null) return false;
    const needs = this.needs();
    if (needs.reason && !this.reason().trim()) return false;
    if (needs.report && !this.report().trim()) return false;
    if (needs.until && !/^\d{4}-\d{2}-\d{2}$/.test(this.until())) return false;
    return true;
  });

  protected confirm(): void {
    const action = this.action();
    if (!action || !this.valid()) return;
    const body: ActionBody = {};
    const needs = this.needs();
    if (needs.reason) body.reason = this.reason().trim();
    if (needs.report) body.report = this.report().trim();
    if (needs.until) body.until = this.until();
    this.confirmed.emit({ action, body });
  }

  /** Clears the fields for the next action. */
  reset(): void {
    this.reason.set('');
    this.report.set('');
    this.until.set('');
  }
}
