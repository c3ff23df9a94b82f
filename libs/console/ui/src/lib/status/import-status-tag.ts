import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import type { ImportStatus } from '@efficacy/api-contract';
import { NzTagModule } from 'ng-zorro-antd/tag';

const COLOURS: Readonly<Record<ImportStatus, string>> = {
  committed: 'success',
  superseded: 'default',
  rolled_back: 'error',
};

/** 已导入 / 已被替换 / 已回滚. */
@Component({
  selector: 'eff-import-status',
  imports: [TranslatePipe, NzTagModule],
  template: `<nz-tag [nzColor]="colour()" [attr.data-status]="status()">{{
    'importStatus.' + status() | translate
  }}</nz-tag>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportStatusTag {
  readonly status = input.required<ImportStatus>();
  protected readonly colour = computed(() => COLOURS[this.status()]);
}
