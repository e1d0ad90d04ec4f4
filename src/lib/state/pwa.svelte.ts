// The app as an installed, offline, updatable program: the service worker's update state (with
// workbox-window), the install prompt, the iOS install hint, persistent storage, and tabs left
// behind by a schema upgrade in another tab.
//
// Updates never reload by themselves: a new version waits until the person clicks "Reload",
// so nothing they are typing is lost and an open tab keeps being served its own version's
// chunks by the worker that is still active.
import { getContext, setContext } from 'svelte';
import { dev } from '$app/environment';
import { base } from '$app/paths';
import type { Dexie } from 'dexie';
import type { Workbox } from 'workbox-window';
import { shouldShowIosHint } from '$lib/pwa/platform';
import { SKIP_WAITING } from '$lib/pwa/precache';

/** Chromium's install prompt event (not in the DOM typings). */
export interface BeforeInstallPromptEvent extends Event {
	prompt(): Promise<void>;
	readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

export interface StorageInfo {
	/** undefined: the browser cannot say (no StorageManager). */
	persisted: boolean | undefined;
	usage: number | undefined;
	quota: number | undefined;
}

const IOS_HINT_KEY = 'tragt.iosHintDismissed';
/** A label for this build (set by the update test's second build), shown as <html data-build>. */
const BUILD_LABEL: string | undefined = import.meta.env.VITE_TRAGT_BUILD;
const HOUR_MS = 60 * 60 * 1000;
/** Navigations come in bursts; one check per this many ms is plenty. */
const MIN_CHECK_INTERVAL_MS = 10_000;

export class PwaState {
	/** A new version is installed and waiting (or another tab already switched to it). */
	updateReady = $state(false);
	/** The person chose "Later" for this update. */
	updateDismissed = $state(false);
	/** Another tab opened a newer schema: this tab's connection is closed; it must reload. */
	schemaOutdated = $state(false);
	/** The browser offered installation (beforeinstallprompt) and it has not been used yet. */
	canInstall = $state(false);
	installed = $state(false);
	showIosHint = $state(false);
	storage = $state<StorageInfo>({ persisted: undefined, usage: undefined, quota: undefined });

	#wb: Workbox | undefined;
	#installEvent: BeforeInstallPromptEvent | undefined;
	#reloadRequested = false;
	#lastCheck = 0;
	#persistAsked = false;
	#cleanup: (() => void)[] = [];

	get showUpdate(): boolean {
		return this.updateReady && !this.updateDismissed;
	}

	/** Registers the service worker and listens for install prompts. Call once, in the browser. */
	start(): () => void {
		if (typeof window === 'undefined') return () => {};
		if (BUILD_LABEL) document.documentElement.dataset.build = BUILD_LABEL;
		const onPrompt = (event: Event) => {
			// Keep the browser's own mini-infobar away; our button offers it instead.
			event.preventDefault();
			this.#installEvent = event as BeforeInstallPromptEvent;
			this.canInstall = true;
		};
		const onInstalled = () => {
			this.installed = true;
			this.canInstall = false;
			this.#installEvent = undefined;
		};
		window.addEventListener('beforeinstallprompt', onPrompt);
		window.addEventListener('appinstalled', onInstalled);
		this.#cleanup.push(() => {
			window.removeEventListener('beforeinstallprompt', onPrompt);
			window.removeEventListener('appinstalled', onInstalled);
		});

		this.showIosHint = shouldShowIosHint(
			navigator as Navigator & { standalone?: boolean },
			window.matchMedia?.('(display-mode: standalone)').matches ?? false,
			readFlag(IOS_HINT_KEY)
		);

		if (!dev && 'serviceWorker' in navigator) void this.#register();
		return () => this.stop();
	}

	stop(): void {
		for (const fn of this.#cleanup.splice(0)) fn();
	}

	async #register(): Promise<void> {
		const { Workbox } = await import('workbox-window');
		const wb = new Workbox(`${base}/service-worker.js`, { scope: `${base}/` });
		wb.addEventListener('waiting', () => {
			this.updateReady = true;
		});
		// controllerchange rather than workbox's 'controlling': it also fires when the worker was
		// found by another tab (workbox calls that one "external").
		// A first install takes over an uncontrolled page (clients.claim): that is not an update.
		let hadController = !!navigator.serviceWorker.controller;
		const onControllerChange = () => {
			if (!hadController) {
				hadController = true;
				return;
			}
			// Our own "Reload": the new worker is in charge, load the page it serves.
			if (this.#reloadRequested) window.location.reload();
			// Another tab chose "Reload": this page still runs the old code; say so, but let the
			// person finish first.
			else this.updateReady = true;
		};
		navigator.serviceWorker.addEventListener('controllerchange', onControllerChange);
		this.#cleanup.push(() =>
			navigator.serviceWorker.removeEventListener('controllerchange', onControllerChange)
		);
		this.#wb = wb;
		try {
			await wb.register();
		} catch {
			// No service worker (private mode, blocked): the app still runs online.
			return;
		}
		const timer = setInterval(() => void this.checkForUpdate(true), HOUR_MS);
		this.#cleanup.push(() => clearInterval(timer));
	}

	/** Asks the server for a newer service worker (on navigation, hourly). Offline: no-op. */
	async checkForUpdate(force = false): Promise<void> {
		if (!this.#wb) return;
		const now = Date.now();
		if (!force && now - this.#lastCheck < MIN_CHECK_INTERVAL_MS) return;
		this.#lastCheck = now;
		try {
			await this.#wb.update();
		} catch {
			// Offline or the server is down: try again at the next navigation.
		}
	}

	/** "Reload": let the waiting version take over, then reload into it. */
	async applyUpdate(): Promise<void> {
		this.#reloadRequested = true;
		const registration = await navigator.serviceWorker?.getRegistration(`${base}/`);
		const waiting = registration?.waiting;
		if (!waiting) {
			// Another tab already switched workers: only this page is old.
			window.location.reload();
			return;
		}
		// The controllerchange listener reloads once the new worker has taken over; should that
		// never come (the new worker failed), reload anyway rather than leave the button dead.
		waiting.postMessage({ type: SKIP_WAITING });
		setTimeout(() => window.location.reload(), 5000);
	}

	dismissUpdate(): void {
		this.updateDismissed = true;
	}

	/** Shows the browser's install dialog; true when the person accepted. */
	async install(): Promise<boolean> {
		const event = this.#installEvent;
		if (!event) return false;
		this.#installEvent = undefined;
		this.canInstall = false;
		await event.prompt();
		const choice = await event.userChoice;
		if (choice.outcome === 'accepted') this.installed = true;
		return choice.outcome === 'accepted';
	}

	dismissIosHint(): void {
		this.showIosHint = false;
		writeFlag(IOS_HINT_KEY);
	}

	/**
	 * Follows the app's database connection: when another tab opens a newer schema, close ours
	 * (so that tab's upgrade is not blocked) and ask the person to reload. Returns the unsubscribe.
	 */
	watchDatabase(db: Dexie): () => void {
		const onVersionChange = () => {
			this.schemaOutdated = true;
			// Closed for good: Dexie's own handler would let the next query reopen the newer
			// database with this tab's older code. Returning false skips that handler (Dexie runs
			// the newest subscriber first and stops at false).
			db.close({ disableAutoOpen: true });
			return false;
		};
		db.on('versionchange', onVersionChange);
		return () => db.on('versionchange').unsubscribe(onVersionChange);
	}

	/** Reads whether storage is persistent, and the usage and quota. */
	async refreshStorage(): Promise<StorageInfo> {
		const manager = typeof navigator === 'undefined' ? undefined : navigator.storage;
		const next: StorageInfo = { persisted: undefined, usage: undefined, quota: undefined };
		if (manager?.persisted) next.persisted = await manager.persisted().catch(() => undefined);
		if (manager?.estimate) {
			const estimate = await manager.estimate().catch(() => undefined);
			next.usage = estimate?.usage;
			next.quota = estimate?.quota;
		}
		this.storage = next;
		return next;
	}

	/** Asks the browser to keep the data even when space runs low; returns whether it will. */
	async requestPersistence(): Promise<boolean> {
		const manager = typeof navigator === 'undefined' ? undefined : navigator.storage;
		if (!manager?.persist) return false;
		const granted = (await manager.persisted?.().catch(() => false)) || (await manager.persist());
		this.storage = { ...this.storage, persisted: granted };
		return granted;
	}

	/**
	 * Once there is real data (a workspace exists), ask for persistent storage, once per page
	 * load: Chromium decides silently; Firefox asks the person, so never before they have data.
	 */
	async persistWhenReady(hasData: boolean): Promise<void> {
		if (!hasData || this.#persistAsked) return;
		this.#persistAsked = true;
		await this.requestPersistence().catch(() => false);
	}
}

function readFlag(key: string): boolean {
	try {
		return localStorage.getItem(key) === '1';
	} catch {
		return false;
	}
}

function writeFlag(key: string): void {
	try {
		localStorage.setItem(key, '1');
	} catch {
		// Storage blocked: the hint comes back next time, which is harmless.
	}
}

const KEY = Symbol('pwa');

export function setPwaState(state: PwaState): PwaState {
	return setContext(KEY, state);
}

export function getPwaState(): PwaState {
	return getContext<PwaState>(KEY);
}
