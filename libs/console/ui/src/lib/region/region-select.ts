import { ChangeDetectionStrategy, Component, computed, input, model } from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { RegionNode } from '@efficacy/api-contract';
import { NzTreeSelectModule } from 'ng-zorro-antd/tree-select';
import type { NzTreeNodeOptions } from 'ng-zorro-antd/core/tree';

function toNodes(nodes: readonly RegionNode[], maxDepth: number, depth = 0): NzTreeNodeOptions[] {
  return nodes.map((n) => {
    const children = depth + 1 < maxDepth ? toNodes(n.children, maxDepth, depth + 1) : [];
    return {
      key: n.code,
      title: `${n.nameZh}（${n.code}）`,
      isLeaf: children.length === 0,
      expanded: depth === 0,
      children,
    };
  });
}

/** Chooses a region of the user's scope from its tree. */
@Component({
  selector: 'eff-region-select',
  imports: [FormsModule, NzTreeSelectModule],
  template: `
    <nz-tree-select
      [nzNodes]="nodes()"
      [ngModel]="code()"
      (ngModelChange)="code.set($event)"
      [nzPlaceHolder]="placeholder()"
      [nzAllowClear]="allowClear()"
      nzShowSearch
      [nzDropdownStyle]="{ 'max-height': '360px' }"
      [style.width]="width()"
      data-testid="region-select"
    />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RegionSelect {
  readonly regions = input.required<readonly RegionNode[]>();
  readonly code = model<string | null>(null);
  readonly placeholder = input('');
  readonly allowClear = input(false);
  readonly width = input('220px');
  /** How many levels to offer: 2 is city and county, 3 adds townships. */
  readonly depth = input(3);
  protected readonly nodes = computed(() => toNodes(this.regions(), this.depth()));
}
