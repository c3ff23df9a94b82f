import type { Permission } from '@efficacy/api-contract';

export interface NavItem {
  path: string;
  /** Translation key of the label. */
  label: string;
  icon: string;
  /** Shown only to users holding this permission; the route guard checks it too. */
  permission?: Permission;
}

/** The main menu; each feature adds its entry here when its pages exist. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/home', label: 'nav.home', icon: 'home' },
  { path: '/overview', label: 'nav.overview', icon: 'dashboard', permission: 'assessment:read' },
  { path: '/detail', label: 'nav.detail', icon: 'apartment', permission: 'assessment:read' },
  {
    path: '/supervision',
    label: 'nav.supervision',
    icon: 'alert',
    permission: 'assessment:read',
  },
  { path: '/targets', label: 'nav.targets', icon: 'aim', permission: 'target:read' },
  { path: '/tasks', label: 'nav.tasks', icon: 'inbox', permission: 'task:read' },
  { path: '/bulletins', label: 'nav.bulletins', icon: 'file-excel', permission: 'bulletin:read' },
  { path: '/imports', label: 'nav.imports', icon: 'cloud-upload', permission: 'import:read' },
  { path: '/cases', label: 'cases.nav', icon: 'upload', permission: 'import:read' },
  // Every signed-in user reads the registry within their scope; writes are checked on the page.
  { path: '/registry', label: 'nav.registry', icon: 'cluster' },
  { path: '/adapters', label: 'nav.adapters', icon: 'api', permission: 'adapter:read' },
];
