// The colour theme: follows the system unless the person picks Light or Dark. The choice is kept
// in localStorage (a per-device preference, not workspace data) and applied as
// <html data-theme="light|dark"> so that CSS has one switch to read.

export type ThemeMode = 'system' | 'light' | 'dark';
export type ResolvedTheme = 'light' | 'dark';

export const THEME_STORAGE_KEY = 'tragt.theme';
export const THEME_MODES: readonly ThemeMode[] = ['system', 'light', 'dark'];

function isThemeMode(value: unknown): value is ThemeMode {
	return value === 'system' || value === 'light' || value === 'dark';
}

function readStored(storage: Storage | undefined): ThemeMode {
	try {
		const v = storage?.getItem(THEME_STORAGE_KEY);
		return isThemeMode(v) ? v : 'system';
	} catch {
		// Storage can throw in locked-down browsers; the system theme is a fine fallback.
		return 'system';
	}
}

export class ThemeState {
	mode = $state<ThemeMode>('system');
	systemDark = $state(false);
	resolved: ResolvedTheme = $derived(
		this.mode === 'system' ? (this.systemDark ? 'dark' : 'light') : this.mode
	);

	#root: HTMLElement | undefined;
	#storage: Storage | undefined;
	#media: MediaQueryList | undefined;
	#onMediaChange = (e: MediaQueryListEvent) => {
		this.systemDark = e.matches;
		this.#apply();
	};

	constructor(
		options: {
			root?: HTMLElement;
			storage?: Storage;
			matchMedia?: (q: string) => MediaQueryList;
		} = {}
	) {
		const hasWindow = typeof window !== 'undefined';
		this.#root = options.root ?? (hasWindow ? document.documentElement : undefined);
		this.#storage = options.storage ?? (hasWindow ? window.localStorage : undefined);
		const mm =
			options.matchMedia ??
			(hasWindow && window.matchMedia ? window.matchMedia.bind(window) : undefined);
		this.#media = mm?.('(prefers-color-scheme: dark)');
		this.systemDark = this.#media?.matches ?? false;
		this.#media?.addEventListener?.('change', this.#onMediaChange);
		this.mode = readStored(this.#storage);
		this.#apply();
	}

	set(mode: ThemeMode): void {
		this.mode = mode;
		try {
			if (mode === 'system') this.#storage?.removeItem(THEME_STORAGE_KEY);
			else this.#storage?.setItem(THEME_STORAGE_KEY, mode);
		} catch {
			// Not being able to remember the choice must not stop it from applying now.
		}
		this.#apply();
	}

	#apply(): void {
		if (!this.#root) return;
		this.#root.dataset.theme = this.resolved;
		this.#root.style.colorScheme = this.resolved;
	}

	destroy(): void {
		this.#media?.removeEventListener?.('change', this.#onMediaChange);
	}
}
