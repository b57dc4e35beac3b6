import { describe, expect, it } from 'vitest';
import { ROUTES } from './routes.ts';

/**
 * The route table is the single source of access rules. This structural check fails the build when a route is
 * added without a rule, or with a jurisdiction it cannot resolve. (The full role × jurisdiction matrix grows with
 * the routes: issue "Trust".)
 */
describe('route table', () => {
  it('has unique method + path pairs', () => {
    const keys = ROUTES.map((r) => `${r.method} ${r.url}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(ROUTES.map((r) => [`${r.method} ${r.url}`, r] as const))(
    '%s declares its access',
    (_key, route) => {
      expect(['public', 'staff']).toContain(route.access.kind);
      expect(route.summary.length).toBeGreaterThan(5);
      if (route.access.kind === 'staff') {
        expect(route.access.roles.length).toBeGreaterThan(0);
        if (route.access.jurisdiction !== 'none') expect(route.region).toBeTypeOf('function');
      }
      if (route.url.startsWith('/api/public/')) expect(route.access.kind).toBe('public');
    },
  );

  it('keeps state-changing routes other than login behind a session', () => {
    for (const r of ROUTES) {
      if (r.method !== 'GET' && r.url !== '/api/auth/login')
        expect(r.access.kind, `${r.method} ${r.url}`).toBe('staff');
    }
  });
});
