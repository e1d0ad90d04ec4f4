// The cross-engine fixture: `app` is a fresh Firefox or WebKit page (the project picks the
// engine) on the production build. A test fails if the page logged a console error, threw, or
// broke the Content-Security-Policy, as the Chromium suite's fixture does.
import { test as base, expect } from '@playwright/test';
import { EnginePage, type EngineName } from './engine-page';
import { launchFirefox, type LaunchOptions } from './firefox-backend';
import { launchWebKit } from './webkit-backend';

export interface EngineOptions {
	engine: EngineName;
	/** Launch options of this test's browser (zone, language, window). */
	launch: Partial<LaunchOptions>;
}

export const DEFAULT_LAUNCH: LaunchOptions = {
	timeZone: 'Europe/Copenhagen',
	locale: 'en-US',
	width: 1280,
	height: 800
};

export async function openEngine(
	engine: EngineName,
	baseUrl: string,
	launch: Partial<LaunchOptions> = {}
): Promise<EnginePage> {
	const options = { ...DEFAULT_LAUNCH, ...launch };
	const backend = engine === 'firefox' ? await launchFirefox(options) : await launchWebKit(options);
	return new EnginePage(backend, baseUrl);
}

/** Opens another browser of the test's engine (a teammate's, or one on a server of its own). */
export type OpenBrowser = (
	baseUrl?: string,
	launch?: Partial<LaunchOptions>
) => Promise<EnginePage>;

export const test = base.extend<EngineOptions & { app: EnginePage; openBrowser: OpenBrowser }>({
	engine: ['firefox', { option: true }],
	launch: [{}, { option: true }],
	openBrowser: async ({ engine, launch, baseURL }, use) => {
		const opened: EnginePage[] = [];
		try {
			await use(async (baseUrl = baseURL!, more = {}) => {
				const page = await openEngine(engine, baseUrl, { ...launch, ...more });
				opened.push(page);
				return page;
			});
			for (const page of opened) {
				expect(
					await page.errors(),
					'console errors, uncaught exceptions or CSP violations'
				).toEqual([]);
			}
		} finally {
			for (const page of opened) await page.close().catch(() => {});
		}
	},
	app: async ({ openBrowser }, use) => {
		await use(await openBrowser());
	}
});

export { expect };
