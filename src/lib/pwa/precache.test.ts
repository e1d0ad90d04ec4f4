import { describe, expect, it } from 'vitest';
import { cacheNameFor, isOwnCache, precacheList } from './precache';

describe('precache list', () => {
	const lists = {
		build: [
			'/_app/immutable/entry/start.abc.js',
			'/_app/immutable/nodes/3.def.js',
			'/_app/immutable/workers/kpi.worker-x1.js',
			'/_app/version.json'
		],
		files: ['/favicon.svg', '/manifest.webmanifest', '/icons/icon-192.png', '/icons/.DS_Store'],
		prerendered: [] as string[],
		shell: '/'
	};

	it('holds the shell, every chunk (lazy and workers) and every static file', () => {
		const list = precacheList(lists);
		expect(list).toContain('/');
		expect(list).toContain('/_app/immutable/nodes/3.def.js');
		expect(list).toContain('/_app/immutable/workers/kpi.worker-x1.js');
		expect(list).toContain('/manifest.webmanifest');
		expect(list).toContain('/icons/icon-192.png');
	});

	it('leaves out version.json (fetched live to notice a deploy) and OS litter', () => {
		const list = precacheList(lists);
		expect(list).not.toContain('/_app/version.json');
		expect(list).not.toContain('/icons/.DS_Store');
		// The shell, three chunks and three static files.
		expect(list).toHaveLength(7);
	});

	it('lists a URL once even if two lists hold it (cache.addAll rejects duplicates)', () => {
		const list = precacheList({ ...lists, prerendered: ['/', '/favicon.svg'] });
		expect(list.filter((u) => u === '/')).toHaveLength(1);
		expect(list.filter((u) => u === '/favicon.svg')).toHaveLength(1);
	});
});

describe('cache names', () => {
	it('are per version and recognisable as ours, so activation deletes only our old ones', () => {
		expect(cacheNameFor('1700000000000')).not.toBe(cacheNameFor('1700000000001'));
		expect(isOwnCache(cacheNameFor('1'))).toBe(true);
		expect(isOwnCache('workbox-precache-v2')).toBe(false);
	});
});
