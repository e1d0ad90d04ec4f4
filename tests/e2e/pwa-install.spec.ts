// Installable: Chromium itself reports no installability errors for the built app (manifest,
// icons, service worker), and the manifest's shortcuts open real sections.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { SHARE_TARGET_PATH } from '../../src/lib/pwa/share-inbox';
import { collectErrors, expect, loadDemo, test } from './fixtures';
import { reportCspViolations, serviceWorkerReady, SHARED_PORT } from './pwa-helpers';

test.use({ serviceWorkers: 'allow' });

interface Manifest {
	name: string;
	short_name: string;
	description: string;
	display: string;
	start_url: string;
	scope: string;
	theme_color: string;
	background_color: string;
	icons: { src: string; sizes: string; purpose?: string }[];
	shortcuts: { name: string; url: string }[];
	file_handlers: { action: string; accept: Record<string, string[]> }[];
	share_target: {
		action: string;
		method: string;
		enctype: string;
		params: { files: { name: string; accept: string[] }[] };
	};
}

const manifest = JSON.parse(readFileSync('static/manifest.webmanifest', 'utf8')) as Manifest;

test('Chromium reports the app installable', async () => {
	test.setTimeout(60_000);
	// Installability is only reported for a persistent profile (a plain context is "incognito").
	const dir = mkdtempSync(path.join(tmpdir(), 'tragt-install-'));
	const context = await chromium.launchPersistentContext(dir, {
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: CHROMIUM_ARGS,
		serviceWorkers: 'allow'
	});
	try {
		const pageErrors = await collectErrors(context);
		const page = context.pages()[0] ?? (await context.newPage());
		await page.goto(`http://127.0.0.1:${SHARED_PORT}/`);
		await serviceWorkerReady(page);
		const cdp = await context.newCDPSession(page);
		const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
			installabilityErrors: { errorId: string }[];
		};
		expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);
		const { url, errors } = (await cdp.send('Page.getAppManifest')) as {
			url: string;
			errors: { message: string }[];
		};
		expect(url).toBe(`http://127.0.0.1:${SHARED_PORT}/manifest.webmanifest`);
		expect(errors).toEqual([]);
		expect(pageErrors, 'console errors or CSP violations').toEqual([]);
	} finally {
		await context.close();
		rmSync(dir, { recursive: true, force: true });
	}
});

test('the manifest has what stores and launchers need, and its icons exist', async ({
	request
}) => {
	expect(manifest.name).toMatch(/Tragt/);
	expect(manifest.short_name).toBe('Tragt');
	expect(manifest.description.length).toBeGreaterThan(20);
	expect(manifest.display).toBe('standalone');
	expect(manifest.start_url).toBe('/');
	expect(manifest.scope).toBe('/');
	expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
	expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
	const sizes = manifest.icons.map((i) => `${i.sizes} ${i.purpose ?? 'any'}`);
	expect(sizes).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
	for (const icon of manifest.icons) {
		const res = await request.get(icon.src);
		expect(res.status(), icon.src).toBe(200);
		expect(res.headers()['content-type']).toBe('image/png');
	}
	expect(manifest.shortcuts.map((s) => s.name)).toEqual(['Log activity', 'New lead']);
	// Tragt files open with the installed app, and other apps can share them to it: both lead
	// to the import page's merge preview (tests/e2e/team.spec.ts), where the worker answers.
	expect(manifest.file_handlers).toEqual([
		expect.objectContaining({ action: '/import-export', accept: { 'application/json': ['.json'] } })
	]);
	expect(manifest.share_target).toMatchObject({
		action: SHARE_TARGET_PATH,
		method: 'POST',
		enctype: 'multipart/form-data'
	});
	expect(manifest.share_target.params.files[0].name).toBe('files');
	expect(manifest.share_target.params.files[0].accept).toContain('.json');
});

test('the shortcuts open the sections they name', async ({ page }) => {
	await reportCspViolations(page);
	await loadDemo(page);
	const byName = Object.fromEntries(manifest.shortcuts.map((s) => [s.name, s.url]));
	// "Log activity" opens the quick log with the first recent lead's Call focused: one tap away.
	await page.goto(byName['Log activity']);
	await expect(page.getByRole('heading', { level: 1, name: 'Quick log' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Log call' }).first()).toBeFocused();
	// "New lead" opens the leads list with the name field focused.
	await page.goto(byName['New lead']);
	await expect(page.getByRole('heading', { level: 1, name: 'Leads' })).toBeVisible();
	await expect(page.getByLabel('Name of the new lead')).toBeFocused();
});
