import { permissionsOf, type Permission } from '@efficacy/api-contract';

/** Every demo user with a region inside and one outside their scope. */
export interface MatrixUser {
  username: string;
  roles: string[];
  /** A region the user reaches, holding an import made for the matrix. */
  home: string;
  /** A region the user does not reach, or null when every demo region is theirs. */
  away: string | null;
}

export const MATRIX_USERS: readonly MatrixUser[] = [
  { username: 'yinchuan.admin', roles: ['city-admin'], home: '640106', away: '410505' },
  { username: 'jinfeng.admin', roles: ['county-admin'], home: '640106', away: '640181' },
  { username: 'lingwu.admin', roles: ['county-admin'], home: '640181', away: '640106' },
  { username: 'jinfeng.spj.head', roles: ['dept-head'], home: '640106', away: '640181' },
  { username: 'jinfeng.spj.staff', roles: ['dept-staff'], home: '640106', away: '640181' },
  { username: 'anyang.admin', roles: ['city-admin'], home: '410505', away: '640106' },
  { username: 'yindu.admin', roles: ['county-admin'], home: '410505', away: '640106' },
  { username: 'panzhihua.admin', roles: ['city-admin'], home: '510403', away: '640106' },
  { username: 'jiayuguan.admin', roles: ['city-admin'], home: '620200', away: '640106' },
  // Regional IT covers all four provinces: no demo region lies outside its scope.
  { username: 'regional.it', roles: ['regional-it'], home: '640106', away: null },
  { username: 'yinchuan.auditor', roles: ['auditor'], home: '640106', away: '410505' },
];

export function can(user: MatrixUser, permission: Permission): boolean {
  return permissionsOf(user.roles).includes(permission);
}
