// The service's options from argv and environment (api.md "Running it").
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { desktopAppOrigins, loadConfig } from '../../../server/config';

describe('loadConfig', () => {
  it('defaults to 127.0.0.1:8787, ./.linedesk, SQLite and the desktop app’s origins', () => {
    const config = loadConfig([], {});
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 8787,
      dataDir: path.resolve('.linedesk'),
      demo: false,
      databaseUrl: undefined,
      allowedOrigins: desktopAppOrigins,
      trustProxy: false,
    });
    expect(config.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('reads the options and the environment', () => {
    const config = loadConfig(
      ['--host', '0.0.0.0', '--port', '0', '--data-dir', '/tmp/x', '--demo'],
      {
        DATABASE_URL: 'postgres://u:p@h/db',
        LINEDESK_ADMIN_EMAIL: 'Boss@Example.com',
        LINEDESK_ADMIN_PASSWORD: ' spaces kept ',
        LINEDESK_ALLOWED_ORIGINS: 'https://a.example, https://b.example ,',
        LINEDESK_SECRET: 's3cret',
        LINEDESK_SMTP_URL: 'smtp://h:25',
        LINEDESK_TRUST_PROXY: '10.0.0.1, 10.0.0.2',
      },
    );
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 0,
      dataDir: '/tmp/x',
      demo: true,
      databaseUrl: 'postgres://u:p@h/db',
      adminEmail: 'boss@example.com',
      adminPassword: ' spaces kept ',
      allowedOrigins: ['https://a.example', 'https://b.example'],
      secret: 's3cret',
      smtpUrl: 'smtp://h:25',
      trustProxy: ['10.0.0.1', '10.0.0.2'],
    });
  });

  it('refuses bad ports and unknown options with a readable message', () => {
    for (const port of ['-1', '65536', 'eighty', '1.5']) {
      expect(() => loadConfig(['--port', port], {})).toThrow(/--port/);
    }
    expect(() => loadConfig(['--colour'], {})).toThrow();
  });
});
