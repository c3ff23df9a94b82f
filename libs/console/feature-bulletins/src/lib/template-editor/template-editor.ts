import { ChangeDetectionStrategy, Component, effect, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import type { BulletinTemplateVersion, BulletinTemplates } from '@efficacy/api-contract';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzTagModule } from 'ng-zorro-antd/tag';

interface Draft {
  intro: string;
  closing: string;
  issuer: string;
  addressee: string;
  numberPrefix: string;
  requirements: Array<{ title: string; text: string }>;
}

function copy(t: BulletinTemplates): Draft {
  return {
    intro: t.intro,
    closing: t.closing,
    issuer: t.issuer,
    addressee: t.addressee,
    numberPrefix: t.numberPrefix,
    requirements: t.requirements.map((r) => ({ title: r.title, text: r.text })),
  };
}

/** Edits a region's narrative templates; every save is a new, audited version. */
@Component({
  selector: 'eff-template-editor',
  imports: [FormsModule, TranslatePipe, NzButtonModule, NzFormModule, NzInputModule, NzTagModule],
  template: `
    @let v = version();
    <p class="muted">
      @if (v.isDefault) {
        <nz-tag>{{ 'bulletins.templateDefault' | translate }}</nz-tag>
      } @else {
        <nz-tag nzColor="blue" data-testid="template-version">
          {{ 'bulletins.templateVersion' | translate: { version: v.version } }}
        </nz-tag>
        {{ v.updatedBy }}
      }
      {{ 'bulletins.templatesHint' | translate }}
    </p>
    @let d = draft();
    <form nz-form nzLayout="vertical" (ngSubmit)="submit()" data-testid="template-form">
      <nz-form-item>
        <nz-form-label>{{ 'bulletins.issuer' | translate }}</nz-form-label>
        <input
          nz-input
          name="issuer"
          [(ngModel)]="d.issuer"
          [disabled]="!editable()"
          data-testid="template-issuer"
        />
      </nz-form-item>
      <nz-form-item>
        <nz-form-label>{{ 'bulletins.numberPrefix' | translate }}</nz-form-label>
        <input nz-input name="numberPrefix" [(ngModel)]="d.numberPrefix" [disabled]="!editable()" />
      </nz-form-item>
      <nz-form-item>
        <nz-form-label>{{ 'bulletins.addressee' | translate }}</nz-form-label>
        <input nz-input name="addressee" [(ngModel)]="d.addressee" [disabled]="!editable()" />
      </nz-form-item>
      <nz-form-item>
        <nz-form-label>{{ 'bulletins.intro' | translate }}</nz-form-label>
        <textarea
          nz-input
          name="intro"
          rows="3"
          [(ngModel)]="d.intro"
          [disabled]="!editable()"
        ></textarea>
      </nz-form-item>
      <h4>{{ 'bulletins.requirements' | translate }}</h4>
      @for (r of d.requirements; track $index; let i = $index) {
        <div class="requirement" [attr.data-requirement]="i">
          <input
            nz-input
            [name]="'rt' + i"
            [(ngModel)]="r.title"
            [placeholder]="'bulletins.requirementTitle' | translate"
            [disabled]="!editable()"
          />
          <textarea
            nz-input
            [name]="'rx' + i"
            rows="2"
            [(ngModel)]="r.text"
            [placeholder]="'bulletins.requirementText' | translate"
            [disabled]="!editable()"
          ></textarea>
          @if (editable()) {
            <button nz-button nzType="link" nzDanger type="button" (click)="remove(i)">
              {{ 'bulletins.remove' | translate }}
            </button>
          }
        </div>
      }
      @if (editable()) {
        <button
          nz-button
          nzType="dashed"
          type="button"
          (click)="add()"
          data-testid="add-requirement"
        >
          {{ 'bulletins.addRequirement' | translate }}
        </button>
      }
      <nz-form-item>
        <nz-form-label>{{ 'bulletins.closing' | translate }}</nz-form-label>
        <textarea
          nz-input
          name="closing"
          rows="2"
          [(ngModel)]="d.closing"
          [disabled]="!editable()"
        ></textarea>
      </nz-form-item>
      @if (editable()) {
        <button
          nz-button
          nzType="primary"
          type="submit"
          [nzLoading]="saving()"
          data-testid="save-templates"
        >
          {{ 'bulletins.save' | translate }}
        </button>
      }
    </form>
  `,
  styles: `
    .requirement {
      display: grid;
      gap: 4px;
      margin-bottom: 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TemplateEditor {
  readonly version = input.required<BulletinTemplateVersion>();
  readonly editable = input(false);
  readonly saving = input(false);
  readonly save = output<BulletinTemplates>();
  protected readonly draft = signal<Draft>({
    intro: '',
    closing: '',
    issuer: '',
    addressee: '',
    numberPrefix: '',
    requirements: [],
  });

  constructor() {
    effect(() => this.draft.set(copy(this.version().templates)));
  }

  protected add(): void {
    this.draft.update((d) => ({
      ...d,
      requirements: [...d.requirements, { title: '', text: '' }],
    }));
  }

  protected remove(index: number): void {
    this.draft.update((d) => ({
      ...d,
      requirements: d.requirements.filter((_, i) => i !== index),
    }));
  }

  protected submit(): void {
    const d = this.draft();
    this.save.emit({
      ...d,
      requirements: d.requirements.filter((r) => r.title.trim().length > 0),
    });
  }
}
