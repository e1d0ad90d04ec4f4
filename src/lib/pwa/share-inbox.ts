// Files shared to Tragt from another app (the manifest's share_target: "Share → Tragt" on a
// phone) arrive as a POST the service worker answers, offline too: it keeps the files in an
// inbox cache and sends the page to the import, which takes them from there. Nothing is written
// to the data until the person confirms the merge preview, as for any chosen file.

/** Where the share target posts (manifest share_target.action). */
export const SHARE_TARGET_PATH = '/share-target';
/** The cache that holds shared files until the import page takes them (not a version cache). */
export const INBOX_CACHE = 'tragt-share-inbox';
/** The page a share lands on. */
export const INBOX_LANDING = '/import-export?shared=1';

const NAME_HEADER = 'x-tragt-file-name';

/** Service worker side: keeps the posted files in the inbox; the answer sends to the import. */
export async function receiveShared(request: Request, base = ''): Promise<Response> {
	try {
		const form = await request.formData();
		const cache = await caches.open(INBOX_CACHE);
		let n = 0;
		for (const value of form.getAll('files')) {
			if (typeof value === 'string') continue;
			const file = value as File;
			await cache.put(
				`${base}/__inbox/${Date.now()}-${n++}`,
				new Response(file, {
					headers: {
						'content-type': file.type || 'application/octet-stream',
						[NAME_HEADER]: encodeURIComponent(file.name || 'shared.json')
					}
				})
			);
		}
	} catch {
		// An unreadable post still lands on the import page, which then shows no file.
	}
	return Response.redirect(`${base}${INBOX_LANDING}`, 303);
}

/** Page side: takes (and removes) every file waiting in the inbox, oldest first. */
export async function takeInbox(): Promise<File[]> {
	if (typeof caches === 'undefined') return [];
	if (!(await caches.has(INBOX_CACHE))) return [];
	const cache = await caches.open(INBOX_CACHE);
	const requests = [...(await cache.keys())].sort((a, b) => a.url.localeCompare(b.url));
	const files: File[] = [];
	for (const req of requests) {
		const res = await cache.match(req);
		await cache.delete(req);
		if (!res) continue;
		const name = decodeURIComponent(res.headers.get(NAME_HEADER) ?? 'shared.json');
		files.push(new File([await res.blob()], name, { type: res.headers.get('content-type') ?? '' }));
	}
	return files;
}
