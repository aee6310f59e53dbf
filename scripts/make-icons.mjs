// Renders the app icons of the web app manifest (public/manifest.webmanifest) from
// public/favicon.svg, in Debian's Chromium (never a downloaded browser):
//
//   node scripts/make-icons.mjs          (from the repository root; CHROMIUM_PATH overrides)
//
// Writes, into public/icons/ (committed, so a build needs no browser):
//   icon-192.png, icon-512.png   purpose "any": the favicon on a transparent square
//   maskable-512.png             purpose "maskable": the favicon at 60 % on a full white square,
//                                so that any mask (circle, squircle) keeps it whole
//                                (the safe zone is the centred circle of 80 % diameter).
// Rerun it after changing favicon.svg, and commit the PNGs.
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const svg = fs.readFileSync(path.join(ROOT, 'public', 'favicon.svg'));
const src = `data:image/svg+xml;base64,${svg.toString('base64')}`;
const out = path.join(ROOT, 'public', 'icons');
fs.mkdirSync(out, { recursive: true });

const ICONS = [
  { file: 'icon-192.png', size: 192, scale: 1, background: null },
  { file: 'icon-512.png', size: 512, scale: 1, background: null },
  { file: 'maskable-512.png', size: 512, scale: 0.6, background: '#ffffff' },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const icon of ICONS) {
    const inner = Math.round(icon.size * icon.scale);
    await page.setViewportSize({ width: icon.size, height: icon.size });
    await page.setContent(
      `<html><body style="margin:0;background:${icon.background ?? 'transparent'}">` +
        `<div style="width:${icon.size}px;height:${icon.size}px;display:grid;place-items:center">` +
        `<img src="${src}" width="${inner}" height="${inner}" alt=""></div></body></html>`,
    );
    await page.locator('img').evaluate((img) => img.decode());
    const file = path.join(out, icon.file);
    await page.screenshot({ path: file, omitBackground: icon.background === null });
    console.log(`[make-icons] ${path.relative(ROOT, file)} ${icon.size}×${icon.size}, ${fs.statSync(file).size} B`);
  }
} finally {
  await browser.close();
}
