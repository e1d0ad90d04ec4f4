// What the service worker caches, and under which name. Pure so it can be tested in Node; the
// worker (src/service-worker.ts) feeds it SvelteKit's lists for the build.

/** Every cache this app makes starts with this, so activation never deletes others' caches. */
export const CACHE_PREFIX = 'tragt-';

/** The message the page posts to a waiting worker when the person clicks "Reload". */
export const SKIP_WAITING = 'SKIP_WAITING';

export function cacheNameFor(version: string): string {
	return CACHE_PREFIX + version;
}

export function isOwnCache(name: string): boolean {
	return name.startsWith(CACHE_PREFIX);
}

/**
 * The exact list of URLs to precache. `cache.addAll` fails the whole install if one URL fails,
 * so the list holds only files that exist in the build: SvelteKit's `build` (every chunk, lazy
 * ones too), `files` (static/) and `prerendered`, plus the SPA shell, which none of those lists
 * hold. `version.json` stays out: SvelteKit fetches it to notice a deploy, so it must never be a
 * cached copy. Duplicates are dropped (addAll rejects duplicate requests).
 */
export function precacheList(lists: {
	build: readonly string[];
	files: readonly string[];
	prerendered: readonly string[];
	shell: string;
}): string[] {
	const out = new Set<string>([lists.shell]);
	for (const url of [...lists.build, ...lists.files, ...lists.prerendered]) {
		if (url.endsWith('/_app/version.json')) continue;
		// Editor and OS litter that may sit in static/ (never requested by the app).
		if (/\/(\.DS_Store|Thumbs\.db)$/.test(url)) continue;
		out.add(url);
	}
	return [...out];
}
