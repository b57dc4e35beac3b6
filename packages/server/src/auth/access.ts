import { isRegionWithin, ROLES } from '@ssj/core';
import type { Role, SessionUserDto } from '../api-types.ts';

/**
 * What a route needs, declared beside it and checked by one mechanism (http/route.ts).
 * - `public`: anyone, no login; must never return sealed data (risk classes, inspectors' personal data …).
 * - `staff`: a logged-in user with one of `roles`. When the route names a region (its `region` resolver),
 *   the user must hold it: `read` = own region or a subordinate; `write` = own region only (DOMAIN.md §6).
 */
export type AccessRule =
  | { readonly kind: 'public' }
  | {
      readonly kind: 'staff';
      readonly roles: readonly Role[];
      readonly jurisdiction: 'none' | 'read' | 'write';
    };

export const ALL_STAFF: readonly Role[] = ROLES;

export type AccessDecision = 'allow' | 'unauthenticated' | 'forbidden_role' | 'forbidden_region';

/** The one place where role and jurisdiction are decided. */
export function decideAccess(
  rule: AccessRule,
  user: SessionUserDto | null,
  targetRegionCode: string | null,
): AccessDecision {
  if (rule.kind === 'public') return 'allow';
  if (user === null) return 'unauthenticated';
  if (!rule.roles.includes(user.role)) return 'forbidden_role';
  if (rule.jurisdiction === 'none' || targetRegionCode === null) return 'allow';
  const allowed =
    rule.jurisdiction === 'read'
      ? isRegionWithin(user.regionCode, targetRegionCode)
      : user.regionCode === targetRegionCode;
  return allowed ? 'allow' : 'forbidden_region';
}
