// Steps the cross-engine specs share: a workspace started by name or with the demo data, the
// dashboard's tiles read and compared with the KPI engine run in Node on the same records, and the
// app's own export of the shared file.
import { customRange, formatIsoDate } from '../../src/lib/dashboard/periods';
import { emptyReason, headline, TILE_SPECS } from '../../src/lib/dashboard/tiles';
import { parseSharedFile } from '../../src/lib/io/shared-file';
import { computeKpis, datasetFromRecords } from '../../src/lib/kpi/index';
import type { KpiResult } from '../../src/lib/kpi/result-types';
import type { SharedFile } from '../../src/lib/domain/types';
import type { EnginePage } from './engine-page';
import { expect } from './fixtures';

/** First run with a name: resolves on the (empty) dashboard. */
export async function startWorkspace(app: EnginePage, name = 'Mette Holm', currency?: string) {
	await app.goto('/');
	await app.waitFor({ role: 'heading', level: 1, name: 'Welcome to Tragt' });
	await app.fill({ label: 'Your name' }, name);
	if (currency) await app.fill({ label: 'Currency' }, currency);
	await app.click({ role: 'button', name: 'Start' });
	await app.waitFor({ role: 'heading', level: 1, name: 'Dashboard' });
	await figuresDone(app);
}

/**
 * Waits until the dashboard's figures are computed, as a person waits to see them before moving
 * on. A full page load in that moment can leave WebKit's database stuck (its KPI worker is
 * reading; see src/lib/db/transaction-guard.ts): that is tested on purpose in storage.spec.ts,
 * and kept out of the other specs.
 */
export async function figuresDone(app: EnginePage) {
	await expect
		.poll(
			() => app.attribute({ css: '[role=status][data-updating]', hidden: true }, 'data-updating'),
			{ timeout: 30_000 }
		)
		.toBe('false');
}

/** First run with the demo data: resolves when the dashboard's 13 tiles are filled. */
export async function loadDemo(app: EnginePage) {
	await app.goto('/');
	await app.click({ role: 'button', name: 'Try with demo data' });
	await app.waitFor({ role: 'heading', level: 1, name: 'Dashboard' }, { timeout: 30_000 });
	await app.waitFor({ text: /Demo: Nordic team \(S\)/ }, { timeout: 30_000 });
	await settled(app);
}

/** Waits until the tiles show fresh figures (not the cache, not a computation under way). */
export async function settled(app: EnginePage, tiles = 13) {
	await figuresDone(app);
	await expect
		.poll(() => app.count('article[data-filled="true"]'), { timeout: 30_000 })
		.toBe(tiles);
}

/** Each tile's raw figure (its data-value) by KPI key. */
export async function tileValues(app: EnginePage): Promise<Record<string, string>> {
	return app.evaluate(() =>
		Object.fromEntries(
			Array.from(document.querySelectorAll('article[data-kpi]')).map((t) => [
				t.getAttribute('data-kpi'),
				t.getAttribute('data-value')
			])
		)
	);
}

/** Every tile shows the engine's headline figure, or nothing where the engine has none. */
export function expectTiles(shown: Record<string, string>, r: KpiResult) {
	for (const { key } of TILE_SPECS) {
		if (emptyReason(key, r)) {
			expect(shown[key], key).toBe('');
			continue;
		}
		const want = headline(key, r)!;
		// Sums of money may add the same values in another order in the worker: equal up to
		// floating-point rounding, not bit for bit.
		expect(Math.abs(Number(shown[key]) - want), key).toBeLessThanOrEqual(
			1e-9 * Math.max(1, Math.abs(want))
		);
		expect(shown[key], key).not.toBe('');
	}
}

/** A custom dashboard range of whole days, `daysAgo` days back from today (in `timeZone`). */
export function pastDays(fromDaysAgo: number, toDaysAgo: number, timeZone: string) {
	const day = (ago: number) => {
		const parts = new Intl.DateTimeFormat('en-CA', {
			timeZone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit'
		}).formatToParts(new Date(Date.now() - ago * 86_400_000));
		const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
		return formatIsoDate({ year: get('year'), month: get('month'), day: get('day') });
	};
	const start = day(fromDaysAgo);
	const end = day(toDaysAgo);
	const range = customRange(start, end, timeZone)!;
	return { start, end, range, query: `period=custom&from=${start}&to=${end}` };
}

/** The engine's result in Node for `file`, a custom range that has ended, weekly. */
export function engineKpis(file: SharedFile, range: { from: number; to: number }): KpiResult {
	const tz = file.workspace.timeZone;
	return computeKpis(datasetFromRecords(file, tz), {
		...range,
		now: Date.now(),
		timeZone: tz,
		granularity: 'week',
		pipelineMode: 'configured'
	});
}

/** Exports the shared file through the Import/export page; returns its name and parsed content. */
export async function exportSharedFile(app: EnginePage, n = 0) {
	await app.recordDownloads();
	await app.click({ role: 'link', name: 'Import/export' });
	await app.waitFor({ role: 'heading', level: 1, name: 'Import/export' });
	await app.click({ role: 'button', name: 'Export Tragt file' });
	const { name, text } = await app.download(n);
	const parsed = parseSharedFile(text, name);
	if (!parsed.ok)
		throw new Error(`the exported file does not parse: ${JSON.stringify(parsed.problems)}`);
	return { name, text, file: parsed.file };
}
