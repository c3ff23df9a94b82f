import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import type { Permission } from '@efficacy/api-contract';
import { SessionService } from './session.service';

/** Sends a user without the permission to the "no access" page instead of a blank or broken one. */
export function requirePermission(permission: Permission): CanActivateFn {
  return async () => {
    const session = inject(SessionService);
    const router = inject(Router);
    const me = session.me() ?? (await session.load());
    if (me?.permissions.includes(permission)) return true;
    return router.createUrlTree(['/no-access']);
  };
}
