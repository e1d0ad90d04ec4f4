import { defineConfig } from '@playwright/test';
import type { EngineOptions } from './tests/engines/fixtures';

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

export default defineConfig<EngineOptions>({
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
	// Chromium runs the whole suite (tests/e2e); Firefox ESR and WebKitGTK run the cross-engine
	// suite (tests/engines) through their own drivers (see tests/engines/README.md).
	projects: [
		{ name: 'chromium', testDir: 'tests/e2e' },
		{ name: 'firefox', testDir: 'tests/engines', use: { engine: 'firefox' } },
		{ name: 'webkit', testDir: 'tests/engines', use: { engine: 'webkit' } }
	],
	webServer: [
		{
			command: `node scripts/serve.mjs --host 127.0.0.1 --port ${port}`,
			url: `http://127.0.0.1:${port}`,
			reuseExistingServer: false,
			timeout: 30_000
		}
	]
});
