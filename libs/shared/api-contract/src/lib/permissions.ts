/**
 * The one table that maps Keycloak realm roles to permissions. Code checks
 * permissions, never role names, so a role can change shape without a hunt
 * through controllers and templates.
 */
export const PERMISSIONS = [
  'assessment:read',
  'target:read',
  'target:write',
  'import:read',
  'import:preview',
  'import:commit',
  'import:rollback',
  'unit:alias-write',
  'registry:write',
  'task:read',
  'task:open',
  'task:assign',
  'task:work',
  'task:sign-off',
  'task:verify',
  'bulletin:read',
  'bulletin:draft',
  'bulletin:publish',
  'adapter:read',
  'adapter:manage',
  'calendar:write',
  'audit:read',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = [
  'city-admin',
  'county-admin',
  'dept-head',
  'dept-staff',
  'regional-it',
  'auditor',
] as const;

export type Role = (typeof ROLES)[number];

const READ_ALL: readonly Permission[] = [
  'assessment:read',
  'target:read',
  'import:read',
  'task:read',
  'bulletin:read',
  'adapter:read',
];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  'city-admin': [
    ...READ_ALL,
    'target:write',
    'import:preview',
    'import:commit',
    'import:rollback',
    'unit:alias-write',
    'registry:write',
    'task:open',
    'task:assign',
    'task:verify',
    'bulletin:draft',
    'bulletin:publish',
    'calendar:write',
    'audit:read',
  ],
  'county-admin': [
    ...READ_ALL,
    'target:write',
    'import:preview',
    'import:commit',
    'import:rollback',
    'unit:alias-write',
    'registry:write',
    'task:open',
    'task:assign',
    'task:verify',
    'bulletin:draft',
    'audit:read',
  ],
  'dept-head': [
    'assessment:read',
    'target:read',
    'task:read',
    'task:work',
    'task:sign-off',
    'bulletin:read',
  ],
  'dept-staff': ['assessment:read', 'target:read', 'task:read', 'task:work'],
  // Regional IT keeps adapters and import diagnostics running; it does no rectification work.
  'regional-it': ['adapter:read', 'adapter:manage', 'import:read', 'import:preview'],
  auditor: [...READ_ALL, 'audit:read'],
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function permissionsOf(roles: readonly string[]): Permission[] {
  const granted = new Set<Permission>();
  for (const role of roles) {
    if (isRole(role)) ROLE_PERMISSIONS[role].forEach((p) => granted.add(p));
  }
  return PERMISSIONS.filter((p) => granted.has(p));
}
