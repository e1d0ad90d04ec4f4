// Targets end to end in Chromium: a monthly won-value target for a rep typed into the targets
// grid shows on the dashboard's "On track?" strip with the actual, pace and status that
// `npm run kpi` prints for the app's own export of the same data.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { KpiResult, TargetRow } from '../../src/lib/kpi/result-types';
import { demoFile, NOW, settled, TZ } from './dashboard-support';
import { expect, loadDemo, test } from './fixtures';

test.use({ timezoneId: TZ, locale: 'en-GB' });

// The S demo has one rep, who already has a won-value target this month: ours is told apart by
// its amount.
const rep = demoFile.reps[0];
const AMOUNT = 250_000;

/** Types like a person: the grid opens its editor on the first key, so keys need a moment. */
async function typeCell(page: Page, text: string, then: 'Tab' | 'Enter') {
	await page.keyboard.type(text, { delay: 30 });
	await page.keyboard.press(then);
	await page.waitForTimeout(150);
}

// The dashboard's clock while the strip is compared: fixed, so the command line can be given the
// same `now`. The grid needs a clock that runs (RevoGrid renders on timers that measure time),
// so until then the page's time flows from NOW.
const AT = new Date(Date.parse(NOW) + 10 * 60_000).toISOString();

/** `npm run kpi` on a file, for November 2026 in the demo's zone, at AT. */
function commandLine(file: string): KpiResult {
	const r = spawnSync(
		process.execPath,
		[
			'node_modules/tsx/dist/cli.mjs',
			'scripts/kpi.ts',
			file,
			'--from',
			'2026-11-01',
			'--to',
			'2026-12-01',
			'--now',
			AT,
			'--tz',
			TZ
		],
		{ encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }
	);
	expect(r.stderr).toBe('');
	expect(r.status).toBe(0);
	return JSON.parse(r.stdout) as KpiResult;
}

test("a rep's monthly won-value target typed into the grid shows on the strip as npm run kpi computes it", async ({
	page
}) => {
	await page.clock.install({ time: new Date(NOW) });
	await loadDemo(page);
	await page.goto('/targets');
	await expect(page.locator('revo-grid [role=gridcell]').first()).toBeVisible({ timeout: 15_000 });
	await expect(page.getByRole('radio', { name: 'This month' })).toBeChecked();

	// Keyboard only: Add row, then metric, rep, the preset's window (kept), amount.
	await page.getByRole('button', { name: 'Add row' }).focus();
	await page.keyboard.press('Enter');
	await page.waitForTimeout(200);
	await typeCell(page, 'Won v', 'Tab');
	await typeCell(page, rep.name, 'Tab');
	await page.keyboard.press('Tab');
	await page.waitForTimeout(150);
	await page.keyboard.press('Tab');
	await page.waitForTimeout(150);
	await typeCell(page, String(AMOUNT), 'Enter');
	const row = page.locator('revo-grid .rgRow', { hasText: String(AMOUNT) });
	await expect(row).toContainText('Won value');
	await expect(row).toContainText(rep.name);
	await expect(row).toContainText('11/01/2026');
	await expect(row).toContainText('11/30/2026');

	// The app's own export of everything it holds.
	await page.goto('/import-export');
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export Tragt file' }).click();
	const text = Buffer.concat(await (await (await download).createReadStream()).toArray()).toString(
		'utf8'
	);
	const exported = JSON.parse(text);
	expect(exported.version).toBe(2);
	const mine = exported.targets.filter(
		(t: { amount: number; repId?: string }) => t.amount === AMOUNT && t.repId === rep.id
	);
	expect(mine).toHaveLength(1);
	expect(mine[0]).toMatchObject({ metric: 'wonValue', from: '2026-11-01', to: '2026-11-30' });

	const dir = mkdtempSync(path.join(os.tmpdir(), 'tragt-targets-'));
	let want: TargetRow;
	try {
		const file = path.join(dir, 'export.tragt.json');
		writeFileSync(file, text);
		want = commandLine(file).targets.rows.find((r) => r.id === mine[0].id)!;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
	expect(want).toBeDefined();
	expect(want.actual).toBeGreaterThan(0);

	// The strip, above the tiles, for this month.
	await page.clock.setFixedTime(new Date(AT));
	await page.goto('/?period=this-month');
	await settled(page);
	const card = page.locator(`[data-testid=target-card][data-target="${mine[0].id}"]`);
	await expect(card).toBeVisible();
	await expect(card).toHaveAttribute('data-status', want.status);
	const close = (shown: string | null, value: number) =>
		expect(Math.abs(Number(shown) - value)).toBeLessThanOrEqual(1e-9 * Math.max(1, value));
	close(await card.getAttribute('data-actual'), want.actual);
	close(await card.getAttribute('data-expected'), want.expectedByNow);
	close(await card.getAttribute('data-pace'), want.pace!);
	const status = { met: 'Met', ahead: 'Ahead', behind: 'Behind', upcoming: 'Upcoming' }[
		want.status
	];
	await expect(card.getByTestId('target-status')).toContainText(status);
	await expect(card).toContainText(rep.name);

	// The card opens the target's page: the won deals behind the actual.
	await card.click();
	await expect(page).toHaveURL(new RegExp(`/targets/${mine[0].id}`));
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
