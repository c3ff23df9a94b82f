import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { DatePipe } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { firstValueFrom, type Observable } from 'rxjs';
import type {
  RegionDetail,
  RegionSearchHit,
  RegionSuccession,
  UnitListItem,
} from '@efficacy/api-contract';
import { SessionService, describeApiError, type ApiFailure } from '@efficacy/console/core';
import { PageState } from '@efficacy/console/ui';
import { UNIT_KINDS, type UnitKind } from '@efficacy/indicator-model';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { RegistryAdminApi } from './data/registry-admin-api';
import { RegionTree, type TreeRegion } from './region-tree/region-tree';
import {
  UNIT_SLUG,
  badCode,
  parseCodes,
  parseSuccessors,
  successionShape,
  type FormProblem,
} from './registry-forms';

interface UnitDraft {
  kind: UnitKind;
  nameZh: string;
  slug: string;
}

interface SuccessionDraft {
  kind: 'merge' | 'split' | 'rename';
  date: string;
  from: string;
  to: string;
  note: string;
}

/**
 * 区划与单位: the region tree of the user's scope, opened level by level and searched by name
 * or code; a region's units with their kinds and aliases and its successions with dates; for
 * administrators, adding units and aliases and recording a rename, merge or split. The API
 * checks permission and scope and audits every write; the page only offers what may succeed.
 */
@Component({
  selector: 'eff-registry-page',
  imports: [
    DatePipe,
    FormsModule,
    TranslatePipe,
    PageState,
    RegionTree,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzEmptyModule,
    NzFormModule,
    NzGridModule,
    NzIconModule,
    NzInputModule,
    NzModalModule,
    NzSelectModule,
    NzSpinModule,
    NzTableModule,
    NzTagModule,
  ],
  templateUrl: './registry.page.html',
  styles: `
    .muted,
    .sub {
      color: rgba(0, 0, 0, 0.45);
    }
    .sub {
      font-size: 12px;
    }
    .hits {
      list-style: none;
      margin: 8px 0 0;
      padding: 0;
      max-height: 280px;
      overflow: auto;
    }
    .hits button {
      border: 0;
      background: none;
      width: 100%;
      text-align: left;
      padding: 4px 6px;
      cursor: pointer;
      border-radius: 4px;
    }
    .hits button:hover {
      background: #f5f5f5;
    }
    .tree-card {
      max-height: calc(100vh - 160px);
      overflow: auto;
    }
    .region-title {
      font-size: 18px;
      font-weight: 600;
      margin-right: 8px;
    }
    .codes {
      font-variant-numeric: tabular-nums;
    }
    .mb {
      margin-bottom: 12px;
    }
    .alias-tag {
      margin-bottom: 4px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RegistryPage {
  private readonly api = inject(RegistryAdminApi);
  private readonly session = inject(SessionService);
  private readonly router = inject(Router);
  private readonly message = inject(NzMessageService);
  private readonly translate = inject(TranslateService);

  /** Query parameter (router input binding): the region shown beside the tree. */
  readonly region = input<string | undefined>();

  protected readonly kinds = UNIT_KINDS.map((k) => k.kind);
  protected readonly canWrite = computed(() => this.session.can('registry:write'));
  protected readonly canAlias = computed(() => this.session.can('unit:alias-write'));

  protected readonly roots = signal<TreeRegion[] | null>(null);
  protected readonly children = signal<ReadonlyMap<string, readonly TreeRegion[]>>(new Map());
  protected readonly expanded = signal<ReadonlySet<string>>(new Set());
  protected readonly treeFailure = signal<ApiFailure | null>(null);

  protected readonly query = signal('');
  protected readonly hits = signal<RegionSearchHit[] | null>(null);
  protected readonly searching = signal(false);

  protected readonly detail = signal<RegionDetail | null>(null);
  protected readonly successions = signal<RegionSuccession[] | null>(null);
  protected readonly failure = signal<ApiFailure | null>(null);

  protected readonly unitDraft = signal<UnitDraft | null>(null);
  protected readonly aliasUnit = signal<UnitListItem | null>(null);
  protected readonly aliasText = signal('');
  protected readonly successionDraft = signal<SuccessionDraft | null>(null);
  protected readonly saving = signal(false);
  protected readonly saveError = signal<string | null>(null);

  protected readonly selected = computed(() => this.region() ?? this.roots()?.[0]?.code ?? null);

  constructor() {
    void this.loadRoots();
    effect(() => {
      const code = this.selected();
      untracked(() => {
        if (code) void this.loadRegion(code);
      });
    });
  }

  private async loadRoots(): Promise<void> {
    this.treeFailure.set(null);
    try {
      const roots = await firstValueFrom(this.api.roots());
      this.roots.set(
        roots.map((r) => ({
          code: r.code,
          nameZh: r.nameZh,
          level: r.level,
          childCount: null,
          unitCount: r.unitCount,
        })),
      );
      // The user's own regions open at once: a city administrator sees the counties.
      for (const r of roots) void this.toggle(r.code);
    } catch (error) {
      this.treeFailure.set(describeApiError(error));
    }
  }

  protected async toggle(code: string): Promise<void> {
    const open = new Set(this.expanded());
    if (open.has(code)) {
      open.delete(code);
      this.expanded.set(open);
      return;
    }
    open.add(code);
    this.expanded.set(open);
    if (!this.children().has(code)) await this.loadChildren(code);
  }

  private async loadChildren(code: string): Promise<void> {
    try {
      const rows = await firstValueFrom(this.api.children(code));
      const next = new Map(this.children());
      next.set(
        code,
        rows.map((c) => ({
          code: c.code,
          nameZh: c.nameZh,
          level: c.level,
          childCount: c.childCount,
          unitCount: c.unitCount,
        })),
      );
      this.children.set(next);
    } catch (error) {
      this.message.error(describeApiError(error).message);
    }
  }

  protected select(code: string): void {
    void this.router.navigate([], { queryParams: { region: code }, queryParamsHandling: 'merge' });
  }

  private async loadRegion(code: string): Promise<void> {
    this.detail.set(null);
    this.successions.set(null);
    this.failure.set(null);
    try {
      const [detail, successions] = await Promise.all([
        firstValueFrom(this.api.region(code)),
        firstValueFrom(this.api.successions(code)),
      ]);
      this.detail.set(detail);
      this.successions.set(successions);
    } catch (error) {
      this.failure.set(describeApiError(error));
    }
  }

  protected async search(): Promise<void> {
    const q = this.query().trim();
    if (!q) {
      this.hits.set(null);
      return;
    }
    this.searching.set(true);
    try {
      this.hits.set(await firstValueFrom(this.api.search(q)));
    } catch (error) {
      this.hits.set([]);
      this.message.error(describeApiError(error).message);
    } finally {
      this.searching.set(false);
    }
  }

  protected pathOf(hit: RegionSearchHit): string {
    return hit.path.map((p) => p.nameZh).join(' / ');
  }

  protected kindLabel(kind: string): string {
    return this.translate.instant(`registry.kinds.${kind}`);
  }

  protected reload(): void {
    const code = this.selected();
    if (code) void this.loadRegion(code);
  }

  // ── writes ──

  protected openUnit(): void {
    this.saveError.set(null);
    this.unitDraft.set({ kind: 'department', nameZh: '', slug: '' });
  }

  protected patchUnit(patch: Partial<UnitDraft>): void {
    const draft = this.unitDraft();
    if (draft) this.unitDraft.set({ ...draft, ...patch });
  }

  protected async saveUnit(): Promise<void> {
    const draft = this.unitDraft();
    const region = this.detail();
    if (!draft || !region) return;
    if (!draft.nameZh.trim()) return this.refuse({ key: 'registry.form.nameRequired' });
    if (!UNIT_SLUG.test(draft.slug)) return this.refuse({ key: 'registry.form.badSlug' });
    await this.write(
      () =>
        this.api.addUnit({
          regionCode: region.code,
          slug: draft.slug,
          kind: draft.kind,
          nameZh: draft.nameZh.trim(),
        }),
      'registry.unitAdded',
      () => this.unitDraft.set(null),
    );
  }

  protected openAlias(unit: UnitListItem): void {
    this.saveError.set(null);
    this.aliasText.set('');
    this.aliasUnit.set(unit);
  }

  protected async saveAlias(): Promise<void> {
    const unit = this.aliasUnit();
    const alias = this.aliasText().trim();
    if (!unit) return;
    if (!alias) return this.refuse({ key: 'registry.form.aliasRequired' });
    await this.write(
      () => this.api.addAlias(unit.id, alias),
      'registry.aliasAdded',
      () => this.aliasUnit.set(null),
    );
  }

  protected openSuccession(): void {
    const region = this.detail();
    if (!region) return;
    this.saveError.set(null);
    this.successionDraft.set({ kind: 'rename', date: '', from: region.code, to: '', note: '' });
  }

  protected patchSuccession(patch: Partial<SuccessionDraft>): void {
    const draft = this.successionDraft();
    if (draft) this.successionDraft.set({ ...draft, ...patch });
  }

  protected async saveSuccession(): Promise<void> {
    const draft = this.successionDraft();
    if (!draft) return;
    const from = parseCodes(draft.from);
    const to = parseSuccessors(draft.to);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date)) return this.refuse({ key: 'registry.form.date' });
    const problem =
      badCode(from) ??
      badCode(to.map((t) => t.code)) ??
      successionShape(draft.kind, from.length, to.length);
    if (problem) return this.refuse(problem);
    await this.write(
      () =>
        this.api.recordSuccession({
          kind: draft.kind,
          date: draft.date,
          from,
          to,
          ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
        }),
      'registry.successionRecorded',
      () => this.successionDraft.set(null),
    );
  }

  private refuse(problem: FormProblem): void {
    this.saveError.set(this.translate.instant(problem.key, problem.params));
  }

  /** One audited write: the API's own sentence on refusal, the region and its level reloaded on success. */
  private async write(
    call: () => Observable<unknown>,
    done: string,
    close: () => void,
  ): Promise<void> {
    this.saving.set(true);
    this.saveError.set(null);
    try {
      await firstValueFrom(call());
      close();
      this.message.success(this.translate.instant(done));
      const parent = this.detail()?.ancestors[0]?.code;
      this.reload();
      for (const code of [parent, this.selected()]) {
        if (code && this.children().has(code)) void this.loadChildren(code);
      }
    } catch (error) {
      this.saveError.set(describeApiError(error).message);
    } finally {
      this.saving.set(false);
    }
  }
}
