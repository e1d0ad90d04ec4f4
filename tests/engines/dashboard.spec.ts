// The dashboard in Firefox and WebKit: the demo data stored through the engine's IndexedDB, the
// KPI worker computing there, and every tile equal to what the KPI engine computes in Node from
// the records the app itself exports, and the "On track?" strip's cards equal to its targets.
import { expect, test } from './fixtures';
import {
	engineKpis,
	expectTiles,
	exportSharedFile,
	loadDemo,
	pastDays,
	settled,
	tileValues
} from './support';

test('the 13 tiles equal the engine for the exported records; a reload keeps the view', async ({
	app
}) => {
	await loadDemo(app);
	const { name, file } = await exportSharedFile(app);
	expect(name).toMatch(/^demo-nordic-team-s-\d{4}-\d{2}-\d{2}\.json$/);
	expect(file.leads.length).toBeGreaterThan(500);

	// A range that has ended (so the figures do not depend on the moment they are computed).
	const tz = file.workspace.timeZone;
	const { range, query } = pastDays(150, 30, tz);
	await app.goto(`/?${query}`);
	await settled(app);
	const want = engineKpis(file, range);
	expectTiles(await tileValues(app), want);
	// The "On track?" strip: the demo's targets of this month and quarter that overlap the range,
	// each card with the engine's actual and status (the worker's targets, in this engine).
	expect(file.version).toBe(2);
	expect(want.targets.rows.length).toBeGreaterThan(0);
	await app.waitFor('[data-testid=target-card]');
	const cards = await app.evaluate(() =>
		Array.from(document.querySelectorAll('[data-testid=target-card]')).map((c) => ({
			id: c.getAttribute('data-target'),
			actual: Number(c.getAttribute('data-actual')),
			status: c.getAttribute('data-status')
		}))
	);
	expect(cards.map((c) => c.id)).toEqual(want.targets.rows.map((r) => r.id));
	for (const [k, row] of want.targets.rows.entries()) {
		expect(Math.abs(cards[k].actual - row.actual), row.id).toBeLessThanOrEqual(
			1e-9 * Math.max(1, row.actual)
		);
		expect(cards[k].status, row.id).toBe(row.status);
	}
	// The formatted figure is there for people too.
	await expect
		.poll(() => app.text('article[data-kpi="winLoss"]'))
		.toContain(`${want.winLoss.won} won · ${want.winLoss.lost} lost`);

	// Another range: other figures, again the engine's.
	const earlier = pastDays(400, 200, tz);
	await app.goto(`/?${earlier.query}`);
	await settled(app);
	const second = await tileValues(app);
	expectTiles(second, engineKpis(file, earlier.range));

	// The view lives in the URL: a reload keeps it and its figures.
	await app.reload();
	await settled(app);
	expect(await tileValues(app)).toEqual(second);
});
