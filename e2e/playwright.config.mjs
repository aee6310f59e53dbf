// End-to-end tests against the release build in ../dist, in Debian's Chromium (never a
// downloaded browser). Run from the repository root after `trunk build --release`:
//   npx playwright test -c e2e/playwright.config.mjs
import { defineConfig } from '@playwright/test';

// E2E_PORT lets a second checkout run its tests beside this one's.
const PORT = Number(process.env.E2E_PORT ?? 8089);

export default defineConfig({
  testDir: './tests',
  outputDir: './.artifacts/test-results',
  workers: 1,
  retries: 0,
  reporter: 'list',
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    acceptDownloads: true,
    actionTimeout: 10_000,
    viewport: { width: 1366, height: 768 },
    locale: 'vi-VN',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // The machine has no network: keep Chromium from calling home.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    // cwd is this file's directory, so ../dist is the Trunk output at the repository root.
    command: `python3 -m http.server ${PORT} --bind 127.0.0.1 --directory ../dist`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
