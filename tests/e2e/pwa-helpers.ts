// Helpers for the PWA, offline and security tests: a server of our own that a test can stop and
// restart (the shared one from playwright.config.ts must stay up for the other tests), CSP
// violations turned into console errors (which the shared fixture fails on), and waiting for
// the service worker.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Page } from '@playwright/test';

export const SHARED_PORT = Number(process.env.E2E_PORT ?? 4317);

/** A port for a test's own server, clear of the shared one. */
export function ownPort(offset: number): number {
	return SHARED_PORT + 100 + offset;
}

export interface OwnServer {
	url: string;
	stop(): Promise<void>;
}

/** Starts `scripts/serve.mjs` for `dir` on `port`; resolves once it is listening. */
export async function startServer(port: number, dir = process.env.TRAGT_BUILD_DIR || 'build'): Promise<OwnServer> {
	const child: ChildProcess = spawn(
		process.execPath,
		[
			'scripts/serve.mjs',
			'--host',
			'127.0.0.1',
			'--port',
			String(port),
			'--dir',
			path.resolve(dir)
		],
		{ stdio: ['ignore', 'pipe', 'pipe'] }
	);
	await new Promise<void>((resolve, reject) => {
		let err = '';
		const timer = setTimeout(
			() => reject(new Error(`server on ${port} did not start: ${err}`)),
			15_000
		);
		child.stdout?.on('data', (d: Buffer) => {
			if (d.toString().includes('running at')) {
				clearTimeout(timer);
				resolve();
			}
		});
		child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
		child.on('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`server on ${port} exited with ${code}: ${err}`));
		});
	});
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	return {
		url: `http://127.0.0.1:${port}`,
		stop: async () => {
			// A killed process has a signalCode, not an exitCode; either means it is gone.
			if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
			await exited;
		}
	};
}

/**
 * Reports every Content-Security-Policy violation as a console error, so the shared fixture
 * (which fails a test on any console error) fails on violations too, whatever Chromium itself
 * logs for them.
 */
export async function reportCspViolations(page: Page): Promise<void> {
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) => {
			console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
		});
	});
}

/** Waits until the service worker is active and has precached the app (install finished). */
export async function serviceWorkerReady(page: Page): Promise<void> {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
}

/** Waits until the page is controlled by a service worker (true after a reload). */
export async function controlled(page: Page): Promise<void> {
	await page.waitForFunction(() => !!navigator.serviceWorker.controller);
}

/** Names of the caches this origin holds. */
export function cacheNames(page: Page): Promise<string[]> {
	return page.evaluate(() => caches.keys());
}
