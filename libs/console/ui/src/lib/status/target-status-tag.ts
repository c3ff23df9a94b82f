import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import type { TargetStatus } from '@efficacy/api-contract';
import { NzTagModule } from 'ng-zorro-antd/tag';

export const STATUS_COLOURS: Readonly<Record<TargetStatus | 'none', string>> = {
  met: 'success',
  close: 'warning',
  missed: 'error',
  unknown: 'default',
  // A partial aggregate is never coloured as a met or missed result.
  partial: 'default',
  none: 'default',
};

/** 达标 / 接近 / 未达标 / 无法判断 / 部分报送 / 无目标, in the traffic-light colours of the overview. */
@Component({
  selector: 'eff-target-status',
  imports: [TranslatePipe, NzTagModule],
  template: `<nz-tag [nzColor]="colour()" [attr.data-status]="key()">{{
    'status.' + key() | translate
  }}</nz-tag>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TargetStatusTag {
  readonly status = input<TargetStatus | undefined>(undefined);
  protected readonly key = computed(() => this.status() ?? 'none');
  protected readonly colour = computed(() => STATUS_COLOURS[this.key()]);
}
