// Team sharing in Firefox and WebKit: "Send to my team" gives my file (where the browser cannot
// share files it downloads, named for who and when), and the team folder, which needs
// Chromium's File System Access API, says what to do instead.
import { expect, test } from './fixtures';
import { loadDemo } from './support';

test('Send to my team gives my file; the team folder offers the way that works here', async ({
	app
}) => {
	await loadDemo(app);
	await app.recordDownloads();
	await app.click({ role: 'link', name: 'Import/export' });
	await app.waitFor({ role: 'heading', level: 1, name: 'Import/export' });
	await app.click({ role: 'button', name: 'Send to my team' });
	const { name, text } = await app.download();
	expect(name).toMatch(/^tragt-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.tragt\.json$/);
	const file = JSON.parse(text);
	expect(file.format).toBe('tragt');
	expect(file.leads.length).toBeGreaterThan(100);
	await expect
		.poll(() => app.text('[data-testid=folder-unsupported]'))
		.toContain('This browser cannot link a folder');
});
