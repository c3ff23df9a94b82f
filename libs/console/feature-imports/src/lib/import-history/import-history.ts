import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { DatePipe } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import type { ImportSummary } from '@efficacy/api-contract';
import { LanguageService } from '@efficacy/console/core';
import { ImportStatusTag, periodLabel } from '@efficacy/console/ui';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { NzAlertModule } from 'ng-zorro-antd/alert';

export interface RollbackRequest {
  readonly id: string;
  readonly reason: string;
}

/** Imports in scope, newest first: who imported what and when, the file, and a rollback. */
@Component({
  selector: 'eff-import-history',
  imports: [
    DatePipe,
    FormsModule,
    TranslatePipe,
    ImportStatusTag,
    NzTableModule,
    NzButtonModule,
    NzIconModule,
    NzModalModule,
    NzInputModule,
    NzFormModule,
    NzEmptyModule,
    NzTooltipModule,
    NzAlertModule,
  ],
  templateUrl: './import-history.html',
  styles: `
    .history__sub {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportHistory {
  private readonly language = inject(LanguageService);
  readonly imports = input<readonly ImportSummary[]>([]);
  readonly loading = input(false);
  readonly regionNames = input<ReadonlyMap<string, string>>(new Map());
  readonly reportKindNames = input<ReadonlyMap<string, string>>(new Map());
  readonly canRollback = input(false);
  readonly rollingBack = input(false);
  /** The import just committed, highlighted in the list. */
  readonly highlight = input<string | null>(null);
  readonly download = output<ImportSummary>();
  readonly rollback = output<RollbackRequest>();

  protected readonly pending = signal<ImportSummary | null>(null);
  protected readonly reason = signal('');
  protected readonly reasonOk = computed(() => this.reason().trim().length >= 2);

  protected periodLabel(period: string): string {
    return periodLabel(period, this.language.current());
  }

  protected ask(row: ImportSummary): void {
    this.reason.set('');
    this.pending.set(row);
  }

  protected confirm(): void {
    const row = this.pending();
    if (!row || !this.reasonOk()) return;
    this.rollback.emit({ id: row.id, reason: this.reason().trim() });
  }

  /** The page closes the dialog once the rollback has answered. */
  close(): void {
    this.pending.set(null);
  }
}
