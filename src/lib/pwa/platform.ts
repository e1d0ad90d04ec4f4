// Small facts about the browser the app runs in, as pure functions of what the browser reports,
// so they can be tested without one.

export interface NavigatorLike {
	userAgent: string;
	maxTouchPoints?: number;
	standalone?: boolean;
}

/** iPhone, iPad and iPod, including iPads that say they are a Mac (iPadOS 13+ desktop mode). */
export function isIos(nav: NavigatorLike): boolean {
	if (/iPad|iPhone|iPod/.test(nav.userAgent)) return true;
	return /Macintosh/.test(nav.userAgent) && (nav.maxTouchPoints ?? 0) > 1;
}

/** Running as an installed app (home screen or desktop window), not in a browser tab. */
export function isStandalone(nav: NavigatorLike, displayModeStandalone: boolean): boolean {
	return nav.standalone === true || displayModeStandalone;
}

/**
 * Whether to show the iOS "Share > Add to Home Screen" hint: only Safari on iOS has no install
 * prompt of its own, and an installed app is also exempt from Safari's 7-day data eviction.
 */
export function shouldShowIosHint(
	nav: NavigatorLike,
	displayModeStandalone: boolean,
	dismissed: boolean
): boolean {
	return isIos(nav) && !isStandalone(nav, displayModeStandalone) && !dismissed;
}

/** Bytes as a short figure in the person's language ("1.2 MB", "1,2 GB"), base 1000 like disks. */
export function formatBytes(bytes: number, locale?: string): string {
	const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
	let value = Math.max(0, bytes);
	let i = 0;
	while (value >= 1000 && i < units.length - 1) {
		value /= 1000;
		i++;
	}
	return new Intl.NumberFormat(locale, {
		style: 'unit',
		unit: units[i],
		unitDisplay: 'short',
		maximumFractionDigits: value < 10 && i > 0 ? 1 : 0
	}).format(value);
}
