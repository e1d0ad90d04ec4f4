// Firefox ESR from Debian, driven by Puppeteer over WebDriver BiDi (no geckodriver, no download).
// Each test gets its own browser and profile, so IndexedDB, caches and service workers start
// empty, as on a new person's machine.
import puppeteer, {
	type Browser,
	type ElementHandle,
	type KeyInput,
	type Page
} from 'puppeteer-core';
import type { Backend } from './engine-page';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export interface LaunchOptions {
	timeZone: string;
	locale: string;
	width: number;
	height: number;
}

export async function launchFirefox(options: LaunchOptions): Promise<Backend> {
	const browser = await puppeteer.launch({
		browser: 'firefox',
		executablePath: FIREFOX_PATH,
		headless: true,
		defaultViewport: { width: options.width, height: options.height },
		env: { ...process.env, TZ: options.timeZone },
		extraPrefsFirefox: {
			'intl.locale.requested': options.locale,
			'intl.accept_languages': options.locale,
			// No downloads dialog: a download is saved to the profile's folder.
			'browser.download.useDownloadDir': true,
			'browser.download.always_ask_before_handling_new_types': false
		}
	});
	const page = (await browser.pages())[0] ?? (await browser.newPage());
	await page.setViewport({ width: options.width, height: options.height });
	return new FirefoxBackend(browser, page);
}

class FirefoxBackend implements Backend<ElementHandle> {
	readonly engine = 'firefox' as const;
	private readonly seen: string[] = [];
	private readonly pending: Promise<void>[] = [];

	constructor(
		private readonly browser: Browser,
		private readonly page: Page
	) {
		page.on('console', (msg) => {
			if (msg.type() !== 'error') return;
			// Over BiDi an object argument's text is "JSHandle@..."; read its values instead.
			this.pending.push(
				Promise.all(
					msg
						.args()
						.map((a) =>
							a
								.evaluate((v: unknown) =>
									v instanceof Error
										? `${v.name}: ${v.message}`
										: typeof v === 'object'
											? JSON.stringify(v)
											: String(v)
								)
								.catch(() => a.toString())
						)
				).then(
					(parts) => void this.seen.push(parts.join(' ') || msg.text()),
					() => void this.seen.push(msg.text())
				)
			);
		});
		page.on('pageerror', (err) => this.seen.push(`pageerror: ${String(err)}`));
		void page.evaluateOnNewDocument(() => {
			document.addEventListener('securitypolicyviolation', (e) => {
				console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
			});
		});
	}

	// Loaded and quiet: Firefox fetches the tab icons after the load event, and a navigation that
	// cancels such a fetch makes it report "A ServiceWorker intercepted the request and
	// encountered an unexpected error" for the page being left.
	async goto(url: string) {
		await this.page.goto(url, { waitUntil: ['load', 'networkidle0'] });
	}

	async reload() {
		await this.page.reload({ waitUntil: ['load', 'networkidle0'] });
	}

	async url() {
		return this.page.url();
	}

	async evaluate(expression: string) {
		return this.page.evaluate(expression);
	}

	async element(expression: string) {
		const h = await this.page.evaluateHandle(expression);
		const el = h.asElement() as ElementHandle | null;
		if (!el) await h.dispose();
		return el;
	}

	async click(handle: ElementHandle) {
		await handle.click();
	}

	async type(text: string, delay = 0) {
		await this.page.keyboard.type(text, { delay });
	}

	async press(chord: string) {
		const keys = chord.split('+') as KeyInput[];
		const key = keys.pop()!;
		for (const m of keys) await this.page.keyboard.down(m);
		await this.page.keyboard.press(key);
		for (const m of keys.reverse()) await this.page.keyboard.up(m);
	}

	async upload(handle: ElementHandle, filePath: string) {
		await (handle as ElementHandle<HTMLInputElement>).uploadFile(filePath);
	}

	async setViewport(width: number, height: number) {
		await this.page.setViewport({ width, height });
	}

	async errors() {
		await Promise.all(this.pending);
		return this.seen;
	}

	async close() {
		await this.browser.close();
	}
}
