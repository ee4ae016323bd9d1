import { PERMISSIONS, ROLE_PERMISSIONS } from '../../../src/application/identity/permission-table';
import { BUILT_IN_ROLES, type BuiltInRole } from '../../../src/domain/identity/roles';
import type { RouteSummary } from '../../../src/interfaces/http/shared';
import { startTestApp, type TestApp } from '../../support/test-app';
import { expectProblem } from '../identity/problem.helpers';

const ROLES = Object.keys(ROLE_PERMISSIONS) as BuiltInRole[];

/** A custom role defined by the admin in this test: reads across contexts, no changes. */
const CUSTOM_ROLE = { name: 'route_auditor', permissions: ['auth:self', 'tenants:read', 'inventory:read', 'warranty:read', 'ops:read'] };

const PERMISSIONS_OF: Readonly<Record<string, readonly string[]>> = { ...ROLE_PERMISSIONS, [CUSTOM_ROLE.name]: CUSTOM_ROLE.permissions };
const SUBJECTS = [...ROLES, CUSTOM_ROLE.name];

/** Fills every `:param` with a dummy value. */
const concretePath = (path: string): string => path.replace(/:[A-Za-z_][A-Za-z0-9_]*/g, 'x');

const holds = (role: string, permission: string): boolean => PERMISSIONS_OF[role]!.includes(permission);

/**
 * Let through: anything but 401/403 (and never a 5xx). A tenant's user asking for the dummy id `x` gets 404,
 * which is still "allowed": the route ran and found nothing the caller may see.
 */
const letThrough = (status: number): boolean => ![401, 403].includes(status) && status < 500;

describe('route permissions: every route against every built-in role, a custom role and anonymous', () => {
  let app: TestApp;
  let routes: RouteSummary[];
  const tokens: Record<string, string> = {};

  const call = (route: RouteSummary, token: string | null) => {
    const req = app.http[route.method](concretePath(route.path));
    if (token) req.set('Authorization', `Bearer ${token}`);
    return route.method === 'get' ? req : req.send({});
  };
  const label = (route: RouteSummary) => `${route.method.toUpperCase()} ${route.path} (${route.permission})`;
  const protectedRoutes = () => routes.filter((r) => r.permission !== 'public');
  const publicRoutes = () => routes.filter((r) => r.permission === 'public');

  beforeAll(async () => {
    app = await startTestApp();
    routes = app.opsledger.api.routes();
    await app.http
      .post('/api/roles')
      .set('Authorization', `Bearer ${app.adminToken}`)
      .send({ ...CUSTOM_ROLE, description: 'Reads for the route matrix' })
      .expect(201);
    for (const role of SUBJECTS) tokens[role] = (await app.userToken(role)).token;
  });
  afterAll(() => app.close());

  it('has routes, including public ones, and tests every built-in role', () => {
    expect(routes.length).toBeGreaterThan(10);
    expect(publicRoutes().length).toBeGreaterThan(0);
    expect([...ROLES].sort()).toEqual([...BUILT_IN_ROLES].sort());
    expect(ROLES).toHaveLength(11);
  });

  it('declares every non-public route permission in PERMISSIONS', () => {
    const undeclared = protectedRoutes().filter((r) => !(PERMISSIONS as readonly string[]).includes(r.permission));

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
    for (const route of protectedRoutes()) {
      const res = await call(route, null);
      if (res.status !== 401 || res.body.code !== 'auth.unauthenticated') failures.push(`${label(route)} -> ${res.status} ${res.body.code}`);
      else expectProblem(res, 401, 'auth.unauthenticated');
    }
    expect(failures).toEqual([]);
  });

  it('lets anonymous callers through public routes (no 401/403)', async () => {
    const failures: string[] = [];
    for (const route of publicRoutes()) {
      const res = await call(route, null);
      if (!letThrough(res.status)) failures.push(`${label(route)} -> ${res.status} ${res.body.code}`);
    }
    expect(failures).toEqual([]);
  });

  it.each(SUBJECTS)('lets %s through exactly the routes whose permission it holds (others: 403 auth.forbidden)', async (role) => {
    const failures: string[] = [];
    for (const route of protectedRoutes()) {
      const res = await call(route, tokens[role]!);
      if (holds(role, route.permission)) {
        if (!letThrough(res.status)) failures.push(`${label(route)} allowed but got ${res.status} ${res.body.code}`);
      } else if (res.status !== 403 || res.body.code !== 'auth.forbidden') {
        failures.push(`${label(route)} forbidden but got ${res.status} ${res.body.code}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('lets every role through public routes with its token (no 401/403)', async () => {
    const failures: string[] = [];
    for (const role of SUBJECTS) {
      for (const route of publicRoutes()) {
        const res = await call(route, tokens[role]!);
        if (!letThrough(res.status)) failures.push(`${role} ${label(route)} -> ${res.status} ${res.body.code}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
