import { test } from './support/fixtures';
test('debug', async ({ page, signIn }) => {
  page.on('console', (m) => console.log('CONSOLE', m.type(), m.text()));
  page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
  await signIn().catch((e) => console.log('failed', String(e).slice(0, 200)));
});
