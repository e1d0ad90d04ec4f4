// WebKitGTK (Safari's engine) from Debian: WebKitWebDriver (W3C WebDriver) starts MiniBrowser in
// automation mode under a virtual X display (Xvfb). Each test gets its own display, driver and
// browser process, so storage starts empty.
//
// Two limits of WebKitGTK 2.50's automation mode, and what is done about them:
// - No WebDriver BiDi and no console log endpoint, and MiniBrowser ignores its own settings
//   (such as writing console messages to stdout) for the window a WebDriver session opens. So
//   console errors, uncaught exceptions, unhandled rejections and CSP violations are collected by
//   a listener installed in the page after each navigation: what happens before the page's load
//   event is not seen here (Chromium and Firefox see it, on the same build).
// - MiniBrowser's toolbar keeps its window at least 447 px wide. A GTK style sheet of our own
//   (XDG_CONFIG_HOME) shrinks the toolbar to nothing, so the window can be a phone's 360 px.
//   (Scaling the UI instead, with GDK_DPI_SCALE, zooms the page, and WebDriver's clicks then
//   land off their targets.)
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer } from 'node:net';
import { Builder, Key, type WebDriver, type WebElement } from 'selenium-webdriver';
import type { Backend } from './engine-page';
import type { LaunchOptions } from './firefox-backend';

export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER ?? '/usr/bin/WebKitWebDriver';
export const MINIBROWSER =
	process.env.MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
export const XVFB = process.env.XVFB ?? '/usr/bin/Xvfb';

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const s = createServer();
		s.once('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const { port } = s.address() as { port: number };
			s.close(() => resolve(port));
		});
	});
}

/** Starts Xvfb on a display it chooses itself (-displayfd), so parallel runs never collide. */
async function startXvfb(): Promise<{ display: string; proc: ChildProcess }> {
	const proc = spawn(
		XVFB,
		['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'],
		{
			stdio: ['ignore', 'ignore', 'pipe', 'pipe']
		}
	);
	const display = await new Promise<string>((resolve, reject) => {
		let out = '';
		const timer = setTimeout(() => reject(new Error('Xvfb did not report its display')), 10_000);
		proc.stdio[3]!.on('data', (d: Buffer) => {
			out += d.toString();
			if (out.includes('\n')) {
				clearTimeout(timer);
				resolve(`:${out.trim()}`);
			}
		});
		proc.once('exit', (code) => reject(new Error(`Xvfb exited (${code})`)));
	});
	return { display, proc };
}

// Keys by KeyboardEvent.key name, as the specs write them.
const KEYS: Record<string, string> = {
	Enter: Key.ENTER,
	Escape: Key.ESCAPE,
	Tab: Key.TAB,
	Backspace: Key.BACK_SPACE,
	Delete: Key.DELETE,
	Home: Key.HOME,
	End: Key.END,
	ArrowUp: Key.ARROW_UP,
	ArrowDown: Key.ARROW_DOWN,
	ArrowLeft: Key.ARROW_LEFT,
	ArrowRight: Key.ARROW_RIGHT,
	PageUp: Key.PAGE_UP,
	PageDown: Key.PAGE_DOWN,
	Control: Key.CONTROL,
	Shift: Key.SHIFT,
	Alt: Key.ALT,
	Meta: Key.META,
	' ': ' '
};

function keyOf(name: string): string {
	return KEYS[name] ?? (name.length === 1 ? name : failKey(name));
}
function failKey(name: string): never {
	throw new Error(`no WebDriver key for "${name}"`);
}

/** GTK settings that shrink MiniBrowser's toolbar (the page is not affected). */
const GTK_CSS =
	'* { font-size: 1px; min-width: 0; min-height: 0; padding: 0; margin: 0; border-width: 0; }\n';

function gtkConfig(): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'tragt-webkit-gtk-'));
	mkdirSync(path.join(dir, 'gtk-3.0'));
	writeFileSync(path.join(dir, 'gtk-3.0', 'gtk.css'), GTK_CSS);
	return dir;
}

/** Installed in the page after each navigation: keeps what a console would show as errors. */
const COLLECTOR = `(() => {
	if (window.__engineErrors) return;
	const list = (window.__engineErrors = []);
	const error = console.error.bind(console);
	console.error = (...args) => { list.push(args.map(String).join(' ')); error(...args); };
	addEventListener('error', (e) => list.push('pageerror: ' + (e.error ? String(e.error) : e.message)));
	addEventListener('unhandledrejection', (e) => list.push('unhandled rejection: ' + String(e.reason)));
	document.addEventListener('securitypolicyviolation', (e) =>
		list.push('CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline')));
})()`;

export async function launchWebKit(options: LaunchOptions): Promise<Backend> {
	const x = await startXvfb();
	const port = await freePort();
	const config = gtkConfig();
	const driverProc = spawn(WEBKIT_DRIVER, [`--port=${port}`, '--host=127.0.0.1'], {
		env: { ...process.env, DISPLAY: x.display, TZ: options.timeZone, XDG_CONFIG_HOME: config },
		stdio: 'ignore'
	});
	const stop = () => {
		driverProc.kill('SIGTERM');
		x.proc.kill('SIGTERM');
		rmSync(config, { recursive: true, force: true });
	};
	try {
		const driver = await connect(port, options);
		const backend = new WebKitBackend(driver, stop);
		await backend.setViewport(options.width, options.height);
		return backend;
	} catch (e) {
		stop();
		throw e;
	}
}

async function connect(port: number, options: LaunchOptions): Promise<WebDriver> {
	let last: unknown;
	for (let i = 0; i < 50; i++) {
		try {
			const driver = await new Builder()
				.usingServer(`http://127.0.0.1:${port}`)
				.withCapabilities({
					browserName: 'MiniBrowser',
					'webkitgtk:browserOptions': {
						binary: MINIBROWSER,
						args: [
							'--automation',
							'--enable-write-console-messages-to-stdout=true',
							`--time-zone=${options.timeZone}`
						]
					}
				})
				.build();
			return driver;
		} catch (e) {
			last = e;
			await new Promise((r) => setTimeout(r, 100));
		}
	}
	throw new Error(`WebKitWebDriver did not start a session: ${String(last)}`);
}

class WebKitBackend implements Backend<WebElement> {
	readonly engine = 'webkit' as const;
	private readonly seen: string[] = [];

	constructor(
		private readonly driver: WebDriver,
		private readonly stop: () => void
	) {}

	/** Moves what the page collected into `seen` (before the page goes away). */
	private async harvest() {
		try {
			const list = (await this.driver.executeScript(
				'const l = window.__engineErrors; return l ? l.splice(0, l.length) : [];'
			)) as string[];
			this.seen.push(...list);
		} catch {
			// No page (yet) or one that is gone: nothing to collect.
		}
	}

	private async collect() {
		await this.driver.executeScript(COLLECTOR);
	}

	async goto(url: string) {
		await this.harvest();
		await this.driver.get(url);
		await this.collect();
	}

	async reload() {
		await this.harvest();
		await this.driver.navigate().refresh();
		await this.collect();
	}

	async url() {
		return this.driver.getCurrentUrl();
	}

	async evaluate(expression: string) {
		// Execute Script awaits a returned promise (W3C WebDriver).
		return this.driver.executeScript(`return ${expression};`);
	}

	async element(expression: string) {
		const el = (await this.driver.executeScript(`return ${expression};`)) as WebElement | null;
		return el ?? null;
	}

	async click(handle: WebElement) {
		await handle.click();
	}

	async type(text: string, delay = 0) {
		if (!delay) {
			await this.driver.actions({ async: true }).sendKeys(text).perform();
			return;
		}
		let a = this.driver.actions({ async: true });
		for (const c of text) a = a.sendKeys(c).pause(delay);
		await a.perform();
	}

	async press(chord: string) {
		const keys = chord.split('+').map(keyOf);
		const key = keys.pop()!;
		let a = this.driver.actions({ async: true });
		for (const m of keys) a = a.keyDown(m);
		a = a.keyDown(key).keyUp(key);
		for (const m of keys.reverse()) a = a.keyUp(m);
		await a.perform();
	}

	async upload(handle: WebElement, filePath: string) {
		await handle.sendKeys(filePath);
	}

	async setViewport(width: number, height: number) {
		// The window's outer size: set it, then correct by what the toolbar takes.
		await this.driver.manage().window().setRect({ width, height });
		const inner = (await this.driver.executeScript(
			'return [window.innerWidth, window.innerHeight]'
		)) as [number, number];
		if (inner[0] !== width || inner[1] !== height) {
			const rect = await this.driver.manage().window().getRect();
			await this.driver
				.manage()
				.window()
				.setRect({
					width: rect.width + (width - inner[0]),
					height: rect.height + (height - inner[1])
				});
		}
	}

	async errors() {
		await this.harvest();
		return this.seen;
	}

	async close() {
		try {
			await this.driver.quit();
		} finally {
			this.stop();
		}
	}
}
