// Renders build/icon.svg into the PNG icons electron-builder and the window use (it derives
// .icns/.ico from the 1024 px PNG). Uses the Chromium Playwright drives; no image library needed.
import { mkdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const at = (relative) => fileURLToPath(new URL(`../${relative}`, import.meta.url));
const svg = await readFile(at('build/icon.svg'), 'utf8');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const [size, file] of [
    [1024, 'build/icon.png'],
    [512, 'resources/icon.png'],
  ]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const scaled = svg.replace('width="1024" height="1024"', `width="${size}" height="${size}"`);
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${scaled}</body></html>`,
    );
    await mkdir(at(file.split('/').slice(0, -1).join('/')), { recursive: true });
    await page.screenshot({
      path: at(file),
      omitBackground: true,
      clip: { x: 0, y: 0, width: size, height: size },
    });
    await page.close();
    console.log(`wrote ${file} (${size}×${size})`);
  }
} finally {
  await browser.close();
}
