// One page in Firefox or WebKit, driven the way a person uses it: find by role, label or text,
// click, type, press keys, pick a file. Each engine has a small backend (Puppeteer over WebDriver
// BiDi for Firefox ESR, W3C WebDriver for WebKitGTK's MiniBrowser); everything that waits, finds
// and reads is written once here, so that a spec reads the same for both engines.
import { describe, findAll, toWire, type Query } from './query';

export type EngineName = 'firefox' | 'webkit';

/** What an engine's driver must do; handles are the driver's own element references. */
export interface Backend<Handle = unknown> {
	readonly engine: EngineName;
	goto(url: string): Promise<void>;
	reload(): Promise<void>;
	url(): Promise<string>;
	/** Evaluates a JavaScript expression in the page (a promise is awaited); JSON-able result. */
	evaluate(expression: string): Promise<unknown>;
	/** The element an expression yields, or null. */
	element(expression: string): Promise<Handle | null>;
	click(handle: Handle): Promise<void>;
	/** Types text into the focused element with real key events, `delay` ms apart. */
	type(text: string, delay?: number): Promise<void>;
	/** Presses a key or a chord such as "Control+z" (names as in KeyboardEvent.key). */
	press(chord: string): Promise<void>;
	upload(handle: Handle, filePath: string): Promise<void>;
	setViewport(width: number, height: number): Promise<void>;
	/** Console errors, uncaught exceptions and CSP violations seen so far. */
	errors(): Promise<string[]>;
	close(): Promise<void>;
}

export interface WaitOptions {
	timeout?: number;
	message?: string;
}

const DEFAULT_TIMEOUT = 20_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns something other than undefined/false/null. */
export async function waitUntil<T>(
	probe: () => Promise<T | undefined | null | false>,
	{ timeout = DEFAULT_TIMEOUT, message = 'condition' }: WaitOptions = {}
): Promise<T> {
	const end = Date.now() + timeout;
	let last: unknown;
	for (;;) {
		try {
			const v = await probe();
			if (v !== undefined && v !== null && v !== false) return v as T;
		} catch (e) {
			last = e;
		}
		if (Date.now() > end) {
			throw new Error(
				`Timed out after ${timeout} ms waiting for ${message}${last ? ` (last error: ${String(last)})` : ''}`
			);
		}
		await sleep(100);
	}
}

/** A call of a page-side function with JSON arguments, as an expression. */
function call(fn: (...args: never[]) => unknown, ...args: unknown[]): string {
	return `(${fn.toString()}).apply(null, ${JSON.stringify(args)})`;
}

function selectExpression(q: Query | string): string {
	const wire = toWire(q);
	const nth = typeof q === 'string' ? 0 : (q.nth ?? 0);
	return `((${findAll.toString()})(${JSON.stringify(wire)})[${nth}] ?? null)`;
}

export class EnginePage {
	constructor(
		readonly backend: Backend,
		readonly baseUrl: string
	) {}

	get engine(): EngineName {
		return this.backend.engine;
	}

	errors(): Promise<string[]> {
		return this.backend.errors();
	}

	async goto(path: string): Promise<void> {
		await this.backend.goto(new URL(path, this.baseUrl).href);
	}

	async reload(): Promise<void> {
		await this.backend.reload();
	}

	/** The current URL's path and query (`/kpi?period=...`). */
	async path(): Promise<string> {
		const u = new URL(await this.backend.url());
		return u.pathname + u.search;
	}

	/** Runs `fn` in the page with JSON arguments; its (awaited) result comes back as JSON. */
	async evaluate<A extends unknown[], R>(fn: (...args: A) => R, ...args: A): Promise<Awaited<R>> {
		return (await this.backend.evaluate(call(fn as never, ...args))) as Awaited<R>;
	}

	async count(q: Query | string): Promise<number> {
		return (await this.backend.evaluate(
			`(${findAll.toString()})(${JSON.stringify(toWire(q))}).length`
		)) as number;
	}

	/** Waits until `q` matches a visible element (or, with `{ gone: true }`, none). */
	async waitFor(q: Query | string, options: WaitOptions & { gone?: boolean } = {}): Promise<void> {
		await waitUntil(
			async () => {
				const n = await this.count(q);
				return options.gone ? n === 0 : n > (typeof q === 'string' ? 0 : (q.nth ?? 0));
			},
			{ ...options, message: options.message ?? `${options.gone ? 'no ' : ''}${describe(q)}` }
		);
	}

	/** The element's text content, white space collapsed (null when absent). */
	async text(q: Query | string): Promise<string | null> {
		return (await this.backend.evaluate(
			`(() => { const el = ${selectExpression(q)}; return el ? (el.textContent ?? '').replace(/\\s+/g, ' ').trim() : null; })()`
		)) as string | null;
	}

	async attribute(q: Query | string, name: string): Promise<string | null> {
		return (await this.backend.evaluate(
			`(() => { const el = ${selectExpression(q)}; return el ? el.getAttribute(${JSON.stringify(name)}) : null; })()`
		)) as string | null;
	}

	/** A form control's current value (checked state for checkboxes as "true"/"false"). */
	async value(q: Query | string): Promise<string | null> {
		return (await this.backend.evaluate(
			`(() => { const el = ${selectExpression(q)}; if (!el) return null; return el.type === 'checkbox' || el.type === 'radio' ? String(el.checked) : el.value; })()`
		)) as string | null;
	}

	private async handle(q: Query | string, options: WaitOptions = {}): Promise<unknown> {
		return waitUntil(() => this.backend.element(selectExpression(q)), {
			...options,
			message: options.message ?? describe(q)
		});
	}

	/** Scrolls the element into view and clicks it with the engine's own pointer input. */
	async click(q: Query | string, options: WaitOptions = {}): Promise<void> {
		const h = await this.handle(q, options);
		await this.backend.evaluate(
			`(() => { const el = ${selectExpression(q)}; el?.scrollIntoView({ block: 'center', inline: 'center' }); })()`
		);
		await this.backend.click(h);
	}

	/**
	 * Replaces a control's value as a person would. Text is typed with real key events after
	 * selecting what is there; date, time and range controls (whose typing differs per engine and
	 * locale) get their value set and the input and change events a picker fires.
	 */
	async fill(q: Query | string, text: string, options: WaitOptions = {}): Promise<void> {
		const h = await this.handle(q, options);
		const typed = (await this.backend.evaluate(
			`(() => {
				const el = ${selectExpression(q)};
				const picker = ['date', 'datetime-local', 'time', 'month', 'week', 'range', 'color'];
				if (el instanceof HTMLInputElement && picker.includes(el.type)) {
					el.focus();
					el.value = ${JSON.stringify(text)};
					el.dispatchEvent(new Event('input', { bubbles: true }));
					el.dispatchEvent(new Event('change', { bubbles: true }));
					return false;
				}
				return true;
			})()`
		)) as boolean;
		if (!typed) return;
		await this.backend.click(h);
		await this.backend.evaluate(
			`(() => { const el = ${selectExpression(q)}; el.focus(); if (typeof el.select === 'function') el.select(); })()`
		);
		if (text === '') await this.backend.press('Backspace');
		else await this.backend.type(text);
	}

	/** Chooses an option of a native select by its value (as the picker does: input + change). */
	async select(q: Query | string, value: string, options: WaitOptions = {}): Promise<void> {
		await this.handle(q, options);
		const ok = await this.backend.evaluate(
			`(() => {
				const el = ${selectExpression(q)};
				if (!(el instanceof HTMLSelectElement)) return 'not a select';
				if (![...el.options].some((o) => o.value === ${JSON.stringify(value)})) return 'no option ' + ${JSON.stringify(value)};
				el.focus();
				el.value = ${JSON.stringify(value)};
				el.dispatchEvent(new Event('input', { bubbles: true }));
				el.dispatchEvent(new Event('change', { bubbles: true }));
				return 'ok';
			})()`
		);
		if (ok !== 'ok') throw new Error(`select ${describe(q)}: ${String(ok)}`);
	}

	/** Presses keys on the focused element: "Enter", "Control+z", "Shift+Tab". */
	async press(chord: string): Promise<void> {
		await this.backend.press(chord);
	}

	/** Types with real key events; `delay` ms between keys, as a person types. */
	async type(text: string, delay = 0): Promise<void> {
		await this.backend.type(text, delay);
	}

	/** Picks a file in a file input, as the system file dialog would. */
	async upload(q: Query | string, filePath: string): Promise<void> {
		const h = await this.handle({ ...(typeof q === 'string' ? { css: q } : q), hidden: true });
		await this.backend.upload(h, filePath);
	}

	async setViewport(width: number, height: number): Promise<void> {
		await this.backend.setViewport(width, height);
	}

	/**
	 * Keeps every Blob the page turns into a download link, so that a test can read what a
	 * download holds: the download itself still happens as the app asks for it.
	 */
	async recordDownloads(): Promise<void> {
		await this.backend.evaluate(`(() => {
			const w = window;
			if (w.__downloads) return;
			w.__downloads = [];
			const create = URL.createObjectURL.bind(URL);
			const blobs = new Map();
			URL.createObjectURL = (b) => { const url = create(b); blobs.set(url, b); return url; };
			const click = HTMLAnchorElement.prototype.click;
			HTMLAnchorElement.prototype.click = function () {
				if (this.download && blobs.has(this.href)) w.__downloads.push({ name: this.download, blob: blobs.get(this.href) });
				return click.call(this);
			};
		})()`);
	}

	/** Waits for the `n`th recorded download (0-based) and returns its name and text. */
	async download(n = 0, options: WaitOptions = {}): Promise<{ name: string; text: string }> {
		return waitUntil(
			async () =>
				(await this.backend.evaluate(`(async () => {
					const d = (window.__downloads ?? [])[${n}];
					return d ? { name: d.name, text: await d.blob.text() } : null;
				})()`)) as { name: string; text: string } | null,
			{ timeout: 60_000, ...options, message: options.message ?? `download ${n}` }
		);
	}

	async close(): Promise<void> {
		await this.backend.close();
	}
}
