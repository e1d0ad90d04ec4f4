// First run in Firefox and WebKit: the welcome screen, then the demo data filling all 13 tiles.
import { expect, test } from './fixtures';

test('first run: the welcome screen, then demo data fills the 13 tiles', async ({ app }) => {
	await app.goto('/');
	await app.waitFor({ role: 'heading', level: 1, name: 'Welcome to Tragt' });
	await app.click({ role: 'button', name: 'Try with demo data' });
	await app.waitFor({ role: 'heading', level: 1, name: 'Dashboard' }, { timeout: 30_000 });
	await app.waitFor({ text: 'Demo: Nordic team (S)' }, { timeout: 30_000 });
	await expect.poll(() => app.count('article[data-filled="true"]'), { timeout: 30_000 }).toBe(13);
});
