import { describe, expect, it } from 'vitest';
import { KPI_KEYS } from './registry';
import { TILE_ORDER, TILES } from './tile-registry';
import { TEAM, TEAM_ORDER } from './team-registry';
import { TEXTS } from './text-registry';
import { PAGES } from './page-registry';

// The Record<KpiKey, ...> types make the compiler refuse a missing module; the order lists are
// plain lists, so they are checked here: every KPI once, none twice.
describe('KPI registries', () => {
	it('the tile and team orders hold every KPI exactly once', () => {
		expect([...TILE_ORDER].sort()).toEqual([...KPI_KEYS].sort());
		expect([...TEAM_ORDER].sort()).toEqual([...KPI_KEYS].sort());
	});

	it('every registry has exactly the KPI keys', () => {
		for (const registry of [TILES, TEXTS, TEAM, PAGES]) {
			expect(Object.keys(registry).sort()).toEqual([...KPI_KEYS].sort());
		}
	});

	it('every KPI has a title and at least one team column, with unique column keys', () => {
		for (const k of KPI_KEYS) {
			expect(TEXTS[k].title(), k).not.toBe('');
			expect(TEAM[k].length, k).toBeGreaterThan(0);
		}
		const keys = TEAM_ORDER.flatMap((k) => TEAM[k].map((c) => c.key));
		expect(new Set(keys).size).toBe(keys.length);
	});
});
