import {
  ChangeDetectionStrategy,
  Component,
  OnInit,
  computed,
  inject,
  signal,
} from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import type { AdapterListItem, RegionNode } from '@efficacy/api-contract';
import { ImportsApi, RegistryApi, describeApiError, type ApiFailure } from '@efficacy/console/core';
import { PageState, regionNameMap } from '@efficacy/console/ui';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { AdapterCard } from './adapter-card/adapter-card';

/** 适配器: what each province adapter reads, at which version, and how its imports went. */
@Component({
  selector: 'eff-adapters-page',
  imports: [TranslatePipe, PageState, AdapterCard, NzSkeletonModule, NzCardModule, NzEmptyModule],
  template: `
    <div class="page-header">
      <h2 class="page-title">{{ 'adapters.title' | translate }}</h2>
      <span class="muted">{{ 'adapters.subtitle' | translate }}</span>
    </div>
    @if (failure(); as f) {
      <eff-page-state [failure]="f" (retry)="load()" />
    } @else if (adapters(); as list) {
      @for (a of list; track a.manifest.id) {
        <eff-adapter-card [adapter]="a" [regionNames]="regionNames()" />
      } @empty {
        <nz-card><nz-empty [nzNotFoundContent]="'adapters.none' | translate" /></nz-card>
      }
    } @else {
      <nz-card data-testid="loading"
        ><nz-skeleton [nzActive]="true" [nzParagraph]="{ rows: 8 }"
      /></nz-card>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdaptersPage implements OnInit {
  private readonly imports = inject(ImportsApi);
  private readonly registry = inject(RegistryApi);
  protected readonly adapters = signal<AdapterListItem[] | null>(null);
  protected readonly failure = signal<ApiFailure | null>(null);
  private readonly regions = signal<RegionNode[]>([]);
  protected readonly regionNames = computed(() => regionNameMap(this.regions()));

  ngOnInit(): void {
    this.registry.regions().subscribe({ next: (r) => this.regions.set(r), error: () => undefined });
    void this.load();
  }

  protected async load(): Promise<void> {
    this.failure.set(null);
    this.adapters.set(null);
    try {
      this.adapters.set(await firstValueFrom(this.imports.adapters()));
    } catch (error) {
      this.failure.set(describeApiError(error));
    }
  }
}
