import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzSpinModule } from 'ng-zorro-antd/spin';

/** One row of the tree: a region, whether it may have children, and how many units it holds. */
export interface TreeRegion {
  readonly code: string;
  readonly nameZh: string;
  readonly level: string;
  /** Null when not known yet (the user's own regions before they are opened). */
  readonly childCount: number | null;
  readonly unitCount: number;
}

/**
 * The region tree, one level at a time: the page loads a region's children when it is opened
 * (`toggled`) and hands them back in `children`; `chosen` shows a region beside the tree.
 */
@Component({
  selector: 'eff-region-tree',
  imports: [NgTemplateOutlet, TranslatePipe, NzIconModule, NzSpinModule],
  template: `
    <ul class="tree" role="tree" data-testid="region-tree">
      @for (r of roots(); track r.code) {
        <ng-container *ngTemplateOutlet="node; context: { $implicit: r, depth: 0 }" />
      }
    </ul>
    <ng-template #node let-r let-depth="depth">
      <li
        role="treeitem"
        [attr.aria-expanded]="r.childCount === 0 ? null : expanded().has(r.code)"
        [attr.aria-selected]="selected() === r.code"
        [attr.data-code]="r.code"
        data-testid="tree-node"
      >
        <div
          class="row"
          [class.selected]="selected() === r.code"
          [style.padding-left.px]="depth * 18 + 4"
        >
          @if (r.childCount === 0) {
            <span class="caret"></span>
          } @else {
            <button
              type="button"
              class="caret"
              (click)="toggled.emit(r.code)"
              [attr.aria-label]="
                (expanded().has(r.code) ? 'registry.collapse' : 'registry.expand')
                  | translate: { name: r.nameZh }
              "
              data-testid="tree-toggle"
            >
              <nz-icon [nzType]="expanded().has(r.code) ? 'caret-down' : 'caret-right'" />
            </button>
          }
          <button
            type="button"
            class="name"
            (click)="chosen.emit(r.code)"
            data-testid="tree-select"
          >
            {{ r.nameZh }} <span class="code">{{ r.code }}</span>
            @if (r.unitCount > 0) {
              <span class="units">{{ 'registry.unitCount' | translate: { n: r.unitCount } }}</span>
            }
          </button>
        </div>
        @if (expanded().has(r.code)) {
          @let kids = children().get(r.code);
          @if (kids === undefined) {
            <div class="loading" [style.padding-left.px]="depth * 18 + 26">
              <nz-spin nzSimple nzSize="small" />
            </div>
          } @else {
            <ul role="group">
              @for (c of kids; track c.code) {
                <ng-container
                  *ngTemplateOutlet="node; context: { $implicit: c, depth: depth + 1 }"
                />
              }
            </ul>
          }
        }
      </li>
    </ng-template>
  `,
  styles: `
    .tree,
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .row {
      display: flex;
      align-items: center;
      border-radius: 4px;
    }
    .row:hover {
      background: #f5f5f5;
    }
    .row.selected {
      background: #e6f4ff;
    }
    button {
      border: 0;
      background: none;
      cursor: pointer;
      padding: 4px 2px;
      text-align: left;
    }
    .caret {
      width: 22px;
      display: inline-block;
      color: rgba(0, 0, 0, 0.45);
    }
    .name {
      flex: 1;
    }
    .code,
    .units {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
      margin-left: 6px;
      font-variant-numeric: tabular-nums;
    }
    .loading {
      padding: 4px 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RegionTree {
  readonly roots = input.required<readonly TreeRegion[]>();
  /** Children of the regions loaded so far; a region absent here is loading. */
  readonly children = input.required<ReadonlyMap<string, readonly TreeRegion[]>>();
  readonly expanded = input.required<ReadonlySet<string>>();
  readonly selected = input<string | null>(null);
  readonly toggled = output<string>();
  readonly chosen = output<string>();
}
