import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  input,
  output,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import type {
  IndicatorSummary,
  SetTargetRequest,
  TargetComparator,
  TargetView,
} from '@efficacy/api-contract';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzAlertModule } from 'ng-zorro-antd/alert';

/** What the dialog edits: a new target, an own one, or an inherited one to override here. */
export interface TargetDraft {
  readonly regionCode: string;
  readonly regionName: string;
  readonly year: number;
  readonly from?: TargetView;
}

const COMPARATORS: readonly TargetComparator[] = ['>=', '<=', '=', 'improve'];

function isoDate(value: Date | null): string | undefined {
  if (!value) return undefined;
  const y = value.getFullYear();
  const m = String(value.getMonth() + 1).padStart(2, '0');
  const d = String(value.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** Sets a target for one indicator on one region and year. */
@Component({
  selector: 'eff-target-dialog',
  imports: [
    FormsModule,
    TranslatePipe,
    NzModalModule,
    NzFormModule,
    NzSelectModule,
    NzInputModule,
    NzInputNumberModule,
    NzDatePickerModule,
    NzSwitchModule,
    NzButtonModule,
    NzAlertModule,
  ],
  templateUrl: './target-dialog.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TargetDialog {
  readonly draft = input<TargetDraft | null>(null);
  readonly indicators = input<readonly IndicatorSummary[]>([]);
  readonly saving = input(false);
  /** The API's refusal, shown inside the dialog. */
  readonly error = input<string | null>(null);
  readonly save = output<SetTargetRequest>();
  readonly cancelled = output<void>();

  protected readonly comparators = COMPARATORS;
  protected readonly indicator = signal<string | null>(null);
  protected readonly comparator = signal<TargetComparator>('>=');
  protected readonly value = signal<number | null>(null);
  protected readonly deadline = signal<Date | null>(null);
  protected readonly ongoing = signal(false);
  protected readonly responsible = signal('');
  protected readonly note = signal('');
  protected readonly source = signal('');

  protected readonly editing = computed(() => this.draft()?.from !== undefined);
  protected readonly overriding = computed(() => this.draft()?.from?.inherited === true);
  protected readonly unit = computed(
    () => this.indicators().find((i) => i.code === this.indicator())?.unit ?? null,
  );
  protected readonly valid = computed(
    () => this.indicator() !== null && (this.comparator() === 'improve' || this.value() !== null),
  );

  constructor() {
    // Opening the dialog starts from the target shown (or from nothing for a new one).
    effect(() => {
      const from = this.draft()?.from;
      this.indicator.set(from?.indicator ?? null);
      this.comparator.set(from?.comparator ?? '>=');
      this.value.set(from?.value ?? null);
      this.deadline.set(from?.deadline ? new Date(`${from.deadline}T00:00:00`) : null);
      this.ongoing.set(from?.ongoing ?? false);
      this.responsible.set(from?.responsibleZh ?? '');
      this.note.set(from?.noteZh ?? '');
      this.source.set(from?.source ?? '');
    });
  }

  protected submit(): void {
    const draft = this.draft();
    const indicator = this.indicator();
    if (!draft || !indicator || !this.valid()) return;
    const value = this.value();
    const deadline = isoDate(this.deadline());
    this.save.emit({
      indicator,
      regionCode: draft.regionCode,
      year: draft.year,
      comparator: this.comparator(),
      ...(this.comparator() !== 'improve' && value !== null ? { value } : {}),
      ...(deadline ? { deadline } : {}),
      ...(this.ongoing() ? { ongoing: true } : {}),
      ...(this.responsible().trim() ? { responsibleZh: this.responsible().trim() } : {}),
      ...(this.note().trim() ? { noteZh: this.note().trim() } : {}),
      ...(this.source().trim() ? { source: this.source().trim() } : {}),
    });
  }
}
