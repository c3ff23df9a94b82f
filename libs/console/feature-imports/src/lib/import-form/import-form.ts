import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import type { AdapterListItem, ImportOptions, RegionNode } from '@efficacy/api-contract';
import { RegionSelect } from '@efficacy/console/ui';
import { NzUploadModule, type NzUploadFile } from 'ng-zorro-antd/upload';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { isPeriod } from '@efficacy/indicator-model';

export interface PreviewRequest {
  readonly file: File;
  readonly options: ImportOptions;
}

/**
 * The upload: a file dropped or chosen (sent only when the user asks), and the context a
 * file's title may lack: adapter, period, year and region.
 */
@Component({
  selector: 'eff-import-form',
  imports: [
    FormsModule,
    TranslatePipe,
    RegionSelect,
    NzUploadModule,
    NzFormModule,
    NzSelectModule,
    NzInputModule,
    NzInputNumberModule,
    NzButtonModule,
    NzIconModule,
    NzGridModule,
  ],
  templateUrl: './import-form.html',
  styles: `
    .import-form__drop {
      display: block;
      margin-bottom: 16px;
    }
    .import-form__hint {
      color: rgba(0, 0, 0, 0.45);
    }
    .import-form__actions {
      display: flex;
      gap: 8px;
      justify-content: flex-end;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportForm {
  readonly adapters = input<readonly AdapterListItem[]>([]);
  readonly regions = input<readonly RegionNode[]>([]);
  readonly busy = input(false);
  readonly previewRequested = output<PreviewRequest>();
  readonly cleared = output<void>();

  protected readonly file = signal<File | null>(null);
  protected readonly fileList = signal<NzUploadFile[]>([]);
  protected readonly adapter = signal<string | null>(null);
  protected readonly reportKind = signal<string | null>(null);
  protected readonly period = signal('');
  protected readonly year = signal<number | null>(null);
  protected readonly region = signal<string | null>(null);

  protected readonly periodInvalid = computed(
    () => this.period().trim() !== '' && !isPeriod(this.period().trim()),
  );
  protected readonly reportKinds = computed(
    () => this.adapters().find((a) => a.manifest.id === this.adapter())?.manifest.reportKinds ?? [],
  );

  /** Keeps the file in the page: nothing is sent until "preview" is pressed. */
  protected readonly beforeUpload = (file: NzUploadFile): boolean => {
    const raw = file as unknown as File;
    this.file.set(raw);
    this.fileList.set([{ uid: file.uid, name: file.name, size: file.size, status: 'done' }]);
    return false;
  };

  protected removeFile = (): boolean => {
    this.file.set(null);
    this.fileList.set([]);
    this.cleared.emit();
    return true;
  };

  protected chooseAdapter(id: string | null): void {
    this.adapter.set(id);
    this.reportKind.set(null);
  }

  protected submit(): void {
    const file = this.file();
    if (!file || this.periodInvalid()) return;
    const options: ImportOptions = {
      ...(this.adapter() ? { adapter: this.adapter() as string } : {}),
      ...(this.reportKind() ? { reportKind: this.reportKind() as string } : {}),
      ...(this.period().trim() ? { period: this.period().trim() } : {}),
      ...(this.year() ? { year: this.year() as number } : {}),
      ...(this.region() ? { region: this.region() as string } : {}),
    };
    this.previewRequested.emit({ file, options });
  }

  /** After an import the form starts over. */
  reset(): void {
    this.file.set(null);
    this.fileList.set([]);
  }
}
