import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { PercentPipe } from '@angular/common';
import { TranslatePipe } from '@ngx-translate/core';
import type {
  ImportPreview,
  ImportWarning,
  NameResolution,
  PreviewValue,
  UnitListItem,
} from '@efficacy/api-contract';
import { LanguageService } from '@efficacy/console/core';
import { MatchBadge } from '@efficacy/console/ui';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';

export interface CandidateOption {
  readonly unitId: string;
  readonly label: string;
}

const NEEDS_PERSON = new Set(['suggested', 'none']);
const STATE_SYMBOLS: Record<string, string> = {
  not_connected: '/',
  not_applicable: '-',
  missing: '—',
};

/** Where a figure sits in the file: "附件2 · G13". */
export function cellText(cell: ImportWarning['cell']): string {
  if (!cell) return '';
  const place = `${cell.column ?? ''}${cell.row ?? ''}`;
  return [cell.sheet, place].filter((s) => s).join(' · ');
}

/** A preview figure as printed: the number, or "/", "-" for the states a table prints. */
export function printedText(value: PreviewValue['reported'] | null): string {
  if (value === null) return '—';
  if (typeof value === 'number') return value.toFixed(2);
  return STATE_SYMBOLS[value] ?? value;
}

/**
 * The dry run: what the file is, how each printed name matched, every warning with its
 * cell, and the printed rates beside what their counts give. Names the matcher could only
 * suggest get a select; the choice is sent as `confirmed` and saved as an alias on import.
 */
@Component({
  selector: 'eff-preview-report',
  imports: [
    FormsModule,
    PercentPipe,
    TranslatePipe,
    MatchBadge,
    NzDescriptionsModule,
    NzTableModule,
    NzTagModule,
    NzSelectModule,
    NzButtonModule,
    NzIconModule,
    NzAlertModule,
    NzTabsModule,
    NzEmptyModule,
    NzTooltipModule,
  ],
  templateUrl: './preview-report.html',
  styles: `
    .preview__actions {
      display: flex;
      justify-content: flex-end;
      gap: 8px;
      margin-top: 16px;
    }
    .preview__discrepancy td {
      background: #fff1f0;
    }
    .preview__diff {
      color: #cf1322;
      font-weight: 500;
    }
    .preview__path {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
    }
    .num {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PreviewReport {
  protected readonly language = inject(LanguageService);
  readonly preview = input.required<ImportPreview>();
  /** Units of the file's region, to confirm a suggested name against. */
  readonly units = input<readonly UnitListItem[]>([]);
  readonly reportKindName = input<string | null>(null);
  readonly canCommit = input(false);
  readonly committing = input(false);
  readonly commit = output<Record<string, string>>();
  readonly discard = output<void>();

  protected readonly confirmed = signal<Record<string, string>>({});

  constructor() {
    // A new preview starts with no confirmations.
    effect(() => {
      this.preview();
      this.confirmed.set({});
    });
  }

  protected readonly unitNames = computed(
    () => new Map(this.units().map((u) => [u.id, u.nameZh] as const)),
  );
  protected readonly needsPerson = computed(() =>
    this.preview().names.filter((n) => NEEDS_PERSON.has(n.match)),
  );
  protected readonly unconfirmed = computed(
    () => this.needsPerson().filter((n) => !this.confirmed()[n.name]).length,
  );
  protected readonly discrepancies = computed(
    () => this.preview().values.filter((v) => v.discrepancy !== null).length,
  );

  protected isOpen(name: NameResolution): boolean {
    return NEEDS_PERSON.has(name.match);
  }

  /** The matcher's candidates first (with their score), then every unit of the region. */
  protected candidates(name: NameResolution): CandidateOption[] {
    const suggested = (name.candidates ?? []).map((c) => ({
      unitId: c.unitId,
      label: `${c.nameZh}（${Math.round(c.score * 100)}%）`,
    }));
    const seen = new Set(suggested.map((c) => c.unitId));
    const others = this.units()
      .filter((u) => !seen.has(u.id))
      .map((u) => ({ unitId: u.id, label: u.nameZh }));
    return [...suggested, ...others];
  }

  protected targetName(name: NameResolution): string {
    if (name.unitId) return this.unitNames().get(name.unitId) ?? name.unitId;
    if (name.regionCode) return name.regionCode;
    return '';
  }

  protected confirm(name: string, unitId: string | null): void {
    const next = { ...this.confirmed() };
    if (unitId) next[name] = unitId;
    else delete next[name];
    this.confirmed.set(next);
  }

  protected warningText(w: ImportWarning): string {
    return this.language.current() === 'en' && w.messageEn ? w.messageEn : w.message;
  }

  protected differenceText(difference: number | undefined): string {
    if (difference === undefined) return '';
    return `${difference > 0 ? '+' : ''}${difference.toFixed(2)}`;
  }

  protected readonly cellText = cellText;
  protected readonly printedText = printedText;

  protected submit(): void {
    if (this.unconfirmed() > 0) return;
    this.commit.emit(this.confirmed());
  }
}
