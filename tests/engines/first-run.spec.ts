// First run in Firefox and WebKit: the welcome screen (painted by the static shell before the
// app's modules are requested, then taken over by the app), then the demo data filling all 13
// tiles.
import { expect, test } from './fixtures';

test('first run: the welcome screen, then demo data fills the 13 tiles', async ({ app }) => {
	await app.goto('/');
	await app.waitFor({ role: 'heading', level: 1, name: 'Welcome to Tragt' });
	// The app's own form has replaced the shell's (the boot script started it in this engine).
	await expect.poll(() => app.count('#first-run-name'), { timeout: 30_000 }).toBe(1);
	expect(await app.count('#tragt-shell')).toBe(0);
	const timing = (await app.evaluate(() => {
		const paint = performance.getEntriesByName('first-contentful-paint')[0];
		const modules = performance
			.getEntriesByType('resource')
			.filter((r) => r.name.includes('/_app/immutable/'))
			.map((r) => r.startTime);
		return { paint: paint ? paint.startTime : null, firstModule: Math.min(...modules) };
	})) as { paint: number | null; firstModule: number };
	// Both engines report the first contentful paint: it came before any module was requested.
	expect(timing.paint).not.toBeNull();
	expect(timing.paint as number).toBeLessThan(timing.firstModule);
	await app.click({ role: 'button', name: 'Try with demo data' });
	await app.waitFor({ role: 'heading', level: 1, name: 'Dashboard' }, { timeout: 30_000 });
	await app.waitFor({ text: 'Demo: Nordic team (S)' }, { timeout: 30_000 });
	await expect.poll(() => app.count('article[data-filled="true"]'), { timeout: 30_000 }).toBe(13);
});
