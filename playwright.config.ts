import { defineConfig } from '@playwright/test';

// Browsers come from Debian (`apt-get install chromium`), never from Playwright's download.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];
const port = Number(process.env.E2E_PORT ?? 4317);
/** Where tests reach the harness page. */
export const HARNESS_URL = `http://127.0.0.1:${port}/__bench/index.html`;

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	forbidOnly: true,
	timeout: 60_000,
	reporter: [['list']],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		launchOptions: { executablePath, args: CHROMIUM_ARGS },
		serviceWorkers: 'block'
	},
	webServer: [
		{
			command: `node scripts/serve.mjs --host 127.0.0.1 --port ${port}`,
			url: `http://127.0.0.1:${port}`,
			reuseExistingServer: false,
			timeout: 30_000
		}
	]
});
