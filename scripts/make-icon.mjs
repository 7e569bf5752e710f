// Renders media/icon.png (the marketplace icon, 128×128) from media/foundry.svg with headless Chromium.
// Run by hand after changing the SVG: node scripts/make-icon.mjs
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const root = new URL('..', import.meta.url).pathname;
const svg = readFileSync(`${root}media/foundry.svg`, 'utf8').replace('stroke="currentColor"', 'stroke="#ffffff"');
const html = `<html><body style="margin:0"><div style="width:128px;height:128px;border-radius:24px;
  background:linear-gradient(135deg,#0f6cbd,#5b2ab5);display:flex;align-items:center;justify-content:center">
  <div style="width:96px;height:96px">${svg.replace('width="24" height="24"', 'width="96" height="96"')}</div></div></body></html>`;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
await page.setContent(html);
await page.screenshot({ path: `${root}media/icon.png`, omitBackground: true });
await browser.close();
