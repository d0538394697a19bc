// The service's published contract (GET /api/v1/openapi.json), built in-process on a throwaway
// SQLite folder so scripts and tests can check it without a running service.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defaultConfig } from '../server/config';
import { startService } from '../server/start-service';

/** The OpenAPI document exactly as the service answers it. */
export async function buildOpenApiDocument(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'linedesk-openapi-'));
  const { app } = await startService(
    defaultConfig({ dataDir, adminEmail: 'openapi@example.test', adminPassword: 'x'.repeat(24) }),
    { logger: false },
  );
  try {
    const response = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    if (response.statusCode !== 200) {
      throw new Error(`GET /api/v1/openapi.json answered ${response.statusCode}.`);
    }
    return response.json<Record<string, unknown>>();
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
