import fs from 'node:fs';
import path from 'node:path';
import type { DocumentStore } from '../../../src/application/shared/ports/document-store.port';
import { TENANTS } from '../../../src/application/tenancy/tenants.read-model';
import type { VendorCredentialsVault } from '../../../src/application/tenancy/vendor-credentials';
import { TOKENS } from '../../../src/main/tokens';
import { startTestApp, type TestApp } from '../../support/test-app';
import { bearer, expectProblem, invalidFields } from '../identity/problem.helpers';
import { createClient, newClient, readClient } from './tenancy.helpers';

/** Every byte the embedded store holds: the database file and its write-ahead log. */
const storeBytes = (dataDir: string): Buffer =>
  Buffer.concat(
    fs
      .readdirSync(dataDir)
      .filter((name) => name.startsWith('opsledger.sqlite'))
      .map((name) => fs.readFileSync(path.join(dataDir, name))),
  );

describe('client vendor credentials', () => {
  let app: TestApp;
  let admin: Record<string, string>;
  let vault: VendorCredentialsVault;
  const first = { username: 'stronpower-maji', password: 'Pl41nText-Vend0r-Secret!', apiKey: 'sp-api-key-0f9e8d7c6b5a' };
  const second = { username: 'stronpower-maji-2', password: 'An0ther-Pl41n-Secret?', region: 'coast' };

  beforeAll(async () => {
    app = await startTestApp();
    admin = bearer(app.adminToken);
    vault = app.opsledger.container.get<VendorCredentialsVault>(TOKENS.vendorCredentialsVault);
  });
  afterAll(() => app.close());

  it('seals credentials given at creation: the client says only that it has them, and when they were set', async () => {
    const created = await app.http.post('/api/clients').set(admin).send(newClient({ vendorCredentials: first })).expect(201);
    const shown = await readClient(app, admin, created.body.id, created.body.position).expect(200);

    expect(shown.body).toMatchObject({ hasVendorCredentials: true, vendorCredentialsUpdatedAt: shown.body.createdAt });
    for (const res of [created, shown]) {
      expect(res.text).not.toContain(first.password);
      expect(res.text).not.toContain(first.apiKey);
      expect(res.text).not.toMatch(/v1\.[0-9a-f]{8}\./);
    }
    await expect(vault.open(created.body.id)).resolves.toEqual(first);
  });

  it('replaces credentials (PUT) and opens the new ones for internal use', async () => {
    const { id } = await createClient(app, admin);
    await expect(vault.open(id)).resolves.toBeNull();

    const replaced = await app.http.put(`/api/clients/${id}/vendor-credentials`).set(admin).send(second).expect(200);
    expect(replaced.body).toEqual({ position: expect.any(Number) });
    const shown = await readClient(app, admin, id, replaced.body.position).expect(200);
    expect(shown.body).toMatchObject({ hasVendorCredentials: true, vendorCredentialsUpdatedAt: shown.body.updatedAt });
    expect(shown.text).not.toContain(second.password);
    await expect(vault.open(id)).resolves.toEqual(second);
  });

  it('refuses credentials without a username and password, or with non-string fields (400)', async () => {
    const { id } = await createClient(app, admin);
    const put = (body: unknown) => app.http.put(`/api/clients/${id}/vendor-credentials`).set(admin).send(body as object);

    expect(invalidFields(await put({ username: 'only-user' }))).toEqual(['body:password']);
    expect(invalidFields(await put({ username: 'u', password: '' }))).toEqual(['body:password']);
    expect(invalidFields(await put({ username: 'u', password: 'p', port: 8080 }))).toEqual(['body:port']);
  });

  it('answers 404 tenant.not_found when opening the credentials of an unknown client', async () => {
    await expect(vault.open('no-such-client')).rejects.toMatchObject({ code: 'tenant.not_found' });
  });

  it('never lists credentials, and never stores them in clear in the SQLite file (events hold only the sealed text)', async () => {
    const { id } = await createClient(app, admin, newClient({ vendorCredentials: first }));
    const replaced = await app.http.put(`/api/clients/${id}/vendor-credentials`).set(admin).send(second).expect(200);
    const list = await app.http.get('/api/clients').set(admin).set('Opsledger-Min-Position', String(replaced.body.position)).expect(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    for (const secret of [first.password, first.apiKey, second.password]) expect(list.text).not.toContain(secret);
    expect(list.text).not.toMatch(/sealed/i);
    const stored = await app.opsledger.container.get<DocumentStore>(TOKENS.documentStore).get(TENANTS, id);
    expect(stored).toMatchObject({ id, hasVendorCredentials: true });
    expect(JSON.stringify(stored)).not.toMatch(/sealed|v1\.[0-9a-f]{8}\./i);

    const bytes = storeBytes(app.dataDir);
    expect(bytes.length).toBeGreaterThan(0);
    for (const secret of [first.password, first.apiKey, second.password]) {
      expect(bytes.includes(Buffer.from(secret, 'utf8'))).toBe(false);
    }
    expect(bytes.includes(Buffer.from('sealedVendorCredentials', 'utf8'))).toBe(true);
  });

  it('keeps credentials out of the problem a refused request answers with', async () => {
    const { id } = await createClient(app, admin);
    await app.http.delete(`/api/clients/${id}`).set(admin).expect(200);
    const refused = await app.http.put(`/api/clients/${id}/vendor-credentials`).set(admin).send(first);
    expectProblem(refused, 409, 'tenant.deactivated');
    expect(refused.text).not.toContain(first.password);
  });
});
