import { PERMISSIONS, ROLE_PERMISSIONS, roleHasPermission } from '../../../src/application/identity/permission-table';
import type { Role } from '../../../src/domain/identity/user.decider';
import type { RouteSummary } from '../../../src/interfaces/http/shared';
import { startTestApp, type TestApp } from '../../support/test-app';
import { expectProblem } from '../identity/problem.helpers';

const ROLES = Object.keys(ROLE_PERMISSIONS) as Role[];

/** Fills every `:param` with a dummy value. */
const concretePath = (path: string): string => path.replace(/:[A-Za-z_][A-Za-z0-9_]*/g, 'x');

describe('route permissions: every route against every role and anonymous', () => {
  let app: TestApp;
  let routes: RouteSummary[];
  const tokens = {} as Record<Role, string>;

  const call = (route: RouteSummary, token: string | null) => {
    const req = app.http[route.method](concretePath(route.path));
    if (token) req.set('Authorization', `Bearer ${token}`);
    return route.method === 'get' ? req : req.send({});
  };
  const label = (route: RouteSummary) => `${route.method.toUpperCase()} ${route.path} (${route.permission})`;

  beforeAll(async () => {
    app = await startTestApp();
    routes = app.opsledger.api.routes();
    for (const role of ROLES) tokens[role] = (await app.userToken(role)).token;
  });
  afterAll(() => app.close());

  it('has routes, including public ones, and roles to test', () => {
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.some((r) => r.permission === 'public')).toBe(true);
    expect([...ROLES].sort()).toEqual(['admin', 'consumer', 'wholesaler']);
  });

  it('declares every non-public route permission in PERMISSIONS', () => {
    const undeclared = routes.filter((r) => r.permission !== 'public' && !(PERMISSIONS as readonly string[]).includes(r.permission));

    expect(undeclared.map(label)).toEqual([]);
  });

  it('grants roles only declared permissions, and gives admin all of them', () => {
    for (const role of ROLES) {
      expect(ROLE_PERMISSIONS[role].filter((p) => !(PERMISSIONS as readonly string[]).includes(p))).toEqual([]);
    }
    expect([...ROLE_PERMISSIONS.admin].sort()).toEqual([...PERMISSIONS].sort());
  });

  it('answers anonymous callers 401 auth.unauthenticated on every non-public route', async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => r.permission !== 'public')) {
      const res = await call(route, null);
      if (res.status !== 401 || res.body.code !== 'auth.unauthenticated') failures.push(`${label(route)} -> ${res.status} ${res.body.code}`);
      else expectProblem(res, 401, 'auth.unauthenticated');
    }
    expect(failures).toEqual([]);
  });

  it('lets anonymous callers through public routes (no 401/403)', async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => r.permission === 'public')) {
      const res = await call(route, null);
      if ([401, 403].includes(res.status) || res.status >= 500) failures.push(`${label(route)} -> ${res.status} ${res.body.code}`);
    }
    expect(failures).toEqual([]);
  });

  it.each(ROLES)('answers %s 403 auth.forbidden exactly where the role lacks the permission', async (role) => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => r.permission !== 'public')) {
      const res = await call(route, tokens[role]);
      const allowed = roleHasPermission(role, route.permission);
      if (allowed && ([401, 403].includes(res.status) || res.status >= 500)) {
        failures.push(`${label(route)} allowed but got ${res.status} ${res.body.code}`);
      }
      if (!allowed && (res.status !== 403 || res.body.code !== 'auth.forbidden')) {
        failures.push(`${label(route)} forbidden but got ${res.status} ${res.body.code}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('lets every role through public routes with its token (no 401/403)', async () => {
    const failures: string[] = [];
    for (const role of ROLES) {
      for (const route of routes.filter((r) => r.permission === 'public')) {
        const res = await call(route, tokens[role]);
        if ([401, 403].includes(res.status) || res.status >= 500) failures.push(`${role} ${label(route)} -> ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
