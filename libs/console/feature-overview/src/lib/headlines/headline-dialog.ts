import { ChangeDetectionStrategy, Component, effect, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import {
  MAX_HEADLINE_INDICATORS,
  type HeadlineSet,
  type IndicatorSummary,
} from '@efficacy/api-contract';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzAlertModule } from 'ng-zorro-antd/alert';

/** Chooses a region's headline indicators, in order, or goes back to inheriting them. */
@Component({
  selector: 'eff-headline-dialog',
  imports: [
    FormsModule,
    TranslatePipe,
    NzModalModule,
    NzSelectModule,
    NzButtonModule,
    NzAlertModule,
  ],
  template: `
    <nz-modal
      [nzVisible]="open()"
      [nzTitle]="'overview.headlines.dialogTitle' | translate: { region: regionName() }"
      [nzFooter]="footer"
      (nzOnCancel)="closed.emit()"
    >
      <ng-container *nzModalContent>
        @if (current(); as c) {
          <p class="muted" data-testid="headline-origin">
            @if (c.setOn === null) {
              {{ 'overview.headlines.fromDefault' | translate }}
            } @else if (c.inherited) {
              {{ 'overview.headlines.inheritedFrom' | translate: { region: c.setOnNameZh } }}
            } @else {
              {{ 'overview.headlines.ownList' | translate }}
            }
          </p>
        }
        <nz-select
          class="picker"
          nzMode="multiple"
          [nzMaxMultipleCount]="max"
          [ngModel]="chosen()"
          (ngModelChange)="chosen.set($event)"
          [nzPlaceHolder]="'overview.headlines.placeholder' | translate"
          data-testid="headline-select"
        >
          @for (i of indicators(); track i.code) {
            <nz-option [nzValue]="i.code" [nzLabel]="language() === 'en' ? i.nameEn : i.nameZh" />
          }
        </nz-select>
        <p class="muted hint">{{ 'overview.headlines.hint' | translate: { max: max } }}</p>
        @if (error(); as e) {
          <nz-alert nzType="error" [nzMessage]="e" data-testid="headline-error" />
        }
      </ng-container>
      <ng-template #footer>
        @if (current()?.inherited === false) {
          <button nz-button (click)="inherit.emit()" data-testid="headline-inherit">
            {{ 'overview.headlines.inherit' | translate }}
          </button>
        }
        <button nz-button (click)="closed.emit()">{{ 'common.cancel' | translate }}</button>
        <button
          nz-button
          nzType="primary"
          [disabled]="chosen().length === 0"
          [nzLoading]="saving()"
          (click)="save.emit(chosen())"
          data-testid="headline-save"
        >
          {{ 'common.save' | translate }}
        </button>
      </ng-template>
    </nz-modal>
  `,
  styles: `
    .picker {
      width: 100%;
    }
    .hint {
      margin-top: 8px;
      font-size: 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HeadlineDialog {
  readonly open = input(false);
  readonly regionName = input('');
  readonly current = input<HeadlineSet | null>(null);
  readonly indicators = input<readonly IndicatorSummary[]>([]);
  readonly language = input<'zh-CN' | 'en'>('zh-CN');
  readonly saving = input(false);
  readonly error = input<string | null>(null);
  readonly save = output<string[]>();
  readonly inherit = output<void>();
  readonly closed = output<void>();

  protected readonly max = MAX_HEADLINE_INDICATORS;
  protected readonly chosen = signal<string[]>([]);

  constructor() {
    effect(() => {
      if (this.open()) this.chosen.set([...(this.current()?.indicators ?? [])]);
    });
  }
}
