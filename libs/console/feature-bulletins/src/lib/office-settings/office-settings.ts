import { ChangeDetectionStrategy, Component, effect, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import type { BulletinOffice, BulletinOfficeSettings } from '@efficacy/api-contract';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';

const EMPTY: BulletinOffice = {
  issuer: '',
  signature: '',
  numberPrefix: '',
  copyTo: '',
  printedBy: '',
};

/**
 * The office's 红头, 落款, 发文字号 prefix and 版记 for a region. Shown as a first-run prompt
 * while any is missing (a draft prints placeholders and publication is refused), and as a form.
 */
@Component({
  selector: 'eff-office-settings',
  imports: [FormsModule, TranslatePipe, NzAlertModule, NzButtonModule, NzFormModule, NzInputModule],
  template: `
    @let s = settings();
    @if (s.missing.length > 0) {
      <nz-alert
        nzType="warning"
        nzShowIcon
        [nzMessage]="'bulletins.office.firstRun' | translate"
        [nzDescription]="'bulletins.office.firstRunHint' | translate"
        data-testid="office-first-run"
      />
    }
    @let d = draft();
    <form nz-form nzLayout="vertical" (ngSubmit)="submit()" data-testid="office-form">
      @for (field of fields; track field) {
        <nz-form-item>
          <nz-form-label [nzRequired]="field !== 'copyTo'">
            {{ 'bulletins.office.' + field | translate }}
          </nz-form-label>
          <input
            nz-input
            [name]="field"
            [(ngModel)]="d[field]"
            [disabled]="!editable()"
            [placeholder]="'bulletins.office.' + field + 'Example' | translate"
            [attr.data-testid]="'office-' + field"
          />
        </nz-form-item>
      }
      @if (editable()) {
        <button
          nz-button
          nzType="primary"
          type="submit"
          [nzLoading]="saving()"
          [disabled]="!complete()"
          data-testid="office-save"
        >
          {{ 'bulletins.office.save' | translate }}
        </button>
      }
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OfficeSettingsForm {
  readonly settings = input.required<BulletinOfficeSettings>();
  readonly editable = input(false);
  readonly saving = input(false);
  readonly save = output<BulletinOffice>();

  protected readonly fields = [
    'issuer',
    'signature',
    'numberPrefix',
    'copyTo',
    'printedBy',
  ] as const satisfies readonly (keyof BulletinOffice)[];
  protected readonly draft = signal<Record<keyof BulletinOffice, string>>({ ...EMPTY });

  constructor() {
    effect(() => this.draft.set({ ...EMPTY, ...this.settings().office }));
  }

  protected complete(): boolean {
    const d = this.draft();
    return this.fields.every((f) => f === 'copyTo' || d[f].trim().length > 0);
  }

  protected submit(): void {
    if (!this.complete()) return;
    this.save.emit({ ...this.draft() });
  }
}
