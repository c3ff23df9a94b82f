import { permissionsOf, ROLE_PERMISSIONS, ROLES } from './permissions';

describe('role → permission table', () => {
  it('gives every role at least one permission', () => {
    for (const role of ROLES) expect(ROLE_PERMISSIONS[role].length).toBeGreaterThan(0);
  });

  it('lets only a city administrator publish bulletins', () => {
    const publishers = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes('bulletin:publish'));
    expect(publishers).toEqual(['city-admin']);
  });

  it('keeps the auditor read-only apart from reading the audit log', () => {
    const writes = ROLE_PERMISSIONS.auditor.filter((p) => !p.endsWith(':read'));
    expect(writes).toEqual([]);
    expect(ROLE_PERMISSIONS.auditor).toContain('audit:read');
  });

  it('gives regional IT adapters but no rectification work', () => {
    const perms = permissionsOf(['regional-it']);
    expect(perms).toContain('adapter:manage');
    expect(perms.filter((p) => p.startsWith('task:'))).toEqual([]);
  });

  it('unions several roles and ignores unknown ones', () => {
    const perms = permissionsOf(['dept-staff', 'dept-head', 'offline_access', 'uma_authorization']);
    expect(perms).toContain('task:sign-off');
    expect(perms).toContain('task:work');
    expect(new Set(perms).size).toBe(perms.length);
  });
});
