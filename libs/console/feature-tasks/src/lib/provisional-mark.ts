import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';

/** 暂定: a deadline counted on weekdays across a year whose national notice is not loaded. */
@Component({
  selector: 'eff-provisional-mark',
  imports: [TranslatePipe, NzTagModule, NzTooltipModule],
  template: `<nz-tag
    nzColor="orange"
    [nz-tooltip]="'tasks.provisional.tooltip' | translate: { years: yearList() }"
    [attr.title]="'tasks.provisional.tooltip' | translate: { years: yearList() }"
    [attr.data-years]="yearList()"
    data-testid="provisional-mark"
    >{{ 'tasks.provisional.mark' | translate }}</nz-tag
  >`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProvisionalMark {
  readonly years = input.required<readonly number[]>();
  protected readonly yearList = computed(() => this.years().join('、'));
}
