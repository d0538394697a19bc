// Health and the harness itself: a fresh service answers over inject and real HTTP on each backend.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceBackends, startTestService, type TestService } from '../../support/service';

describe.each(serviceBackends())('health on $name', (backend) => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService(backend);
  });
  afterAll(() => service.close());

  it('answers without sign-in, naming the database', async () => {
    const response = await service.request('GET', '/api/v1/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      status: 'ok',
      database: backend.name,
      version: expect.any(String),
    });
  });

  it('answers over real HTTP', async () => {
    const response = await fetch(`${service.url}/api/v1/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', database: backend.name });
  });

  it('signs in the bootstrap administrator', async () => {
    const session = await service.signIn();
    expect(session.administrator.email).toBe(service.admin.email);
    expect(session.passwordChangeRequired).toBe(false);
  });
});
