import { defineConfig } from '@playwright/test'

// Debian's Chromium by default (no browser downloads on our machines); set CHROMIUM_PATH to use another.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
// Not 4173, where `npm start` serves the app: the tests can run while the app is open. Another port
// lets a second run go on beside this one (the app's origin in tests/e2e/helpers.ts follows it).
const port = Number(process.env.E2E_PORT ?? 4180)

export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    serviceWorkers: 'allow',
    launchOptions: {
      executablePath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    // Serves the production build (npm test builds it first), as a person would get it.
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    // Always a fresh server: its headers (the policy carries the inline stylesheet's hash) are read from the build at start.
    reuseExistingServer: false,
  },
})
