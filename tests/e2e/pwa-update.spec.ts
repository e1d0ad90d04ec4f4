// A new deploy while a tab is open: the tab offers "Update available — Reload", never reloads
// by itself (what is being typed stays), keeps loading its own version's chunks (the old
// worker serves them from its cache although the server no longer has them), and after
// "Reload" runs the new version with only the new cache left.
//
// The first version is the usual build (build/); the second is a real second build
// (VITE_TRAGT_BUILD=next, into tmp/pwa-e2e/, not touching build/ or .svelte-kit/).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { expect, startWorkspace, test } from './fixtures';
import {
	cacheNames,
	controlled,
	ownPort,
	reportCspViolations,
	serviceWorkerReady,
	startServer,
	type OwnServer
} from './pwa-helpers';

const PORT = ownPort(2);
const WORK = path.resolve('tmp/pwa-e2e');
const FIRST = path.join(WORK, 'first');
const NEXT = path.join(WORK, 'next');
const LIVE = path.join(WORK, 'live');

let server: OwnServer | undefined;

test.use({ serviceWorkers: 'allow', baseURL: `http://127.0.0.1:${PORT}` });

test.beforeAll(() => {
	test.setTimeout(300_000);
	rmSync(WORK, { recursive: true, force: true });
	cpSync(process.env.TRAGT_BUILD_DIR || 'build', FIRST, { recursive: true });
	const out = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
		env: {
			...process.env,
			TRAGT_BUILD_DIR: path.relative(process.cwd(), NEXT),
			TRAGT_KIT_DIR: path.relative(process.cwd(), path.join(WORK, 'kit')),
			VITE_TRAGT_BUILD: 'next'
		},
		encoding: 'utf8',
		timeout: 280_000
	});
	if (out.status !== 0 || !existsSync(path.join(NEXT, 'service-worker.js')))
		throw new Error(`second build failed:\n${out.stdout}\n${out.stderr}`);
});

test.afterAll(async () => {
	await server?.stop();
	rmSync(WORK, { recursive: true, force: true });
});

function deploy(dir: string) {
	rmSync(LIVE, { recursive: true, force: true });
	cpSync(dir, LIVE, { recursive: true });
}

/** Chunk files of the first build that the second one no longer has. */
function chunksGoneInNext(): string[] {
	const list = (root: string, sub: string) =>
		existsSync(path.join(root, sub))
			? readdirSync(path.join(root, sub)).map((f) => `/${sub}/${f}`)
			: [];
	const dirs = ['_app/immutable/nodes', '_app/immutable/chunks', '_app/immutable/entry'];
	const next = new Set(dirs.flatMap((d) => list(NEXT, d)));
	return dirs.flatMap((d) => list(FIRST, d)).filter((f) => f.endsWith('.js') && !next.has(f));
}

test('a deploy while a tab is open: prompt, no reload by itself, no missing chunks, then the new version', async ({
	page,
	request
}) => {
	test.setTimeout(120_000);
	const failed: string[] = [];
	page.on('response', (r) => {
		if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
	});
	await reportCspViolations(page);
	deploy(FIRST);
	server = await startServer(PORT, LIVE);

	await startWorkspace(page);
	await serviceWorkerReady(page);
	await page.reload();
	await controlled(page);
	await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
	const [oldCache] = await cacheNames(page);
	expect(await page.locator('html').getAttribute('data-build')).toBeNull();

	// The deploy: the old chunks are gone from the server.
	deploy(NEXT);
	const gone = chunksGoneInNext();
	expect(gone.length, 'the second build renamed some chunks').toBeGreaterThan(0);
	expect((await request.get(gone[0])).status()).toBe(404);

	// A navigation checks for the new worker; it installs and waits, and the tab says so.
	await page.getByRole('link', { name: 'Activities' }).first().click();
	await expect(page.getByText('Update available')).toBeVisible({ timeout: 30_000 });

	// Someone is typing: nothing reloads the page under them.
	await page.getByRole('link', { name: 'Leads' }).first().click();
	const input = page.getByLabel('Name of the new lead');
	await input.fill('Half-typed lead');
	await page.waitForTimeout(2000);
	await expect(input).toHaveValue('Half-typed lead');
	expect(await page.locator('html').getAttribute('data-build')).toBeNull();

	// This tab still runs the first version: its chunks come from the old worker's cache, even
	// those the server no longer has, and routes never opened before still load.
	const viaWorker = await page.evaluate((url) => fetch(url).then((r) => r.status), gone[0]);
	expect(viaWorker).toBe(200);
	for (const name of ['Board', 'Campaigns', 'Settings']) {
		await page.getByRole('link', { name }).first().click();
		await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	}
	expect(failed.filter((f) => !f.includes('/_app/version.json'))).toEqual([]);

	// "Reload": the new version takes over and runs; the old cache is gone.
	await page.getByRole('button', { name: 'Reload' }).click();
	await expect(page.locator('html')).toHaveAttribute('data-build', 'next', { timeout: 30_000 });
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.getByText('Update available')).toBeHidden();
	const caches = await cacheNames(page);
	expect(caches).toHaveLength(1);
	expect(caches[0]).not.toBe(oldCache);
});
