import { describe, expect, it } from 'vitest';
import { KPI_KEYS } from '../kpi/result-types';
import { resultWith, emptyResult } from './test-results';
import {
	emptyReason,
	headline,
	keyFromSlug,
	KPI_SLUGS,
	sparkline,
	TILE_SPECS,
	tileChange
} from './tiles';

describe('tiles', () => {
	it('there is one tile per KPI, and every slug leads back to its KPI', () => {
		expect(TILE_SPECS.map((s) => s.key).sort()).toEqual([...KPI_KEYS].sort());
		for (const k of KPI_KEYS) expect(keyFromSlug(KPI_SLUGS[k])).toBe(k);
		expect(keyFromSlug('nope')).toBeNull();
	});

	it('an empty workspace gives every tile a reason, never a figure of 0', () => {
		const r = emptyResult();
		for (const k of KPI_KEYS) expect(emptyReason(k, r), k).not.toBeNull();
		expect(emptyReason('salesCycle', r)).toBe('no-closed-deals');
		expect(emptyReason('responseTime', r)).toBe('no-contacts');
		expect(emptyReason('activities', r)).toBe('no-activities');
	});

	it('only neutral responses: no share to show', () => {
		const r = resultWith({ responses: { neutral: 3, positiveShare: null } });
		expect(emptyReason('responses', r)).toBe('no-decided-deals');
	});

	it('a higher win rate is good news, a longer response time bad news', () => {
		const now = resultWith({ winLoss: { won: 12, lost: 7, winRate: 12 / 19 } });
		const before = resultWith({ winLoss: { won: 5, lost: 5, winRate: 0.5 } });
		const c = tileChange('winLoss', now, before)!;
		expect(c.direction).toBe('up');
		expect(c.sentiment).toBe('good');
		expect(c.delta).toBeCloseTo(12 / 19 - 0.5, 12);

		const slow = resultWith({ responseTime: { count: 4, meanHours: 10, medianHours: 8 } });
		const fast = resultWith({ responseTime: { count: 2, meanHours: 4, medianHours: 4 } });
		expect(tileChange('responseTime', slow, fast)).toEqual({
			delta: 6,
			direction: 'up',
			sentiment: 'bad'
		});
		expect(tileChange('responseTime', fast, slow)?.sentiment).toBe('good');
	});

	it('equal figures are flat; a missing previous figure gives no change at all', () => {
		const a = resultWith({ activities: { total: 5 } });
		expect(tileChange('activities', a, resultWith({ activities: { total: 5 } }))?.direction).toBe(
			'flat'
		);
		expect(tileChange('activities', a, null)).toBeNull();
		expect(tileChange('activities', a, emptyResult())).toBeNull();
	});

	it('neutral KPIs show a direction but no verdict', () => {
		const a = resultWith({ leadOrigin: { cohort: 4, marketing: 3, marketingShare: 0.75 } });
		const b = resultWith({ leadOrigin: { cohort: 2, marketing: 1, marketingShare: 0.5 } });
		expect(tileChange('leadOrigin', a, b)).toMatchObject({ direction: 'up', sentiment: 'neutral' });
	});

	it('sparklines follow the buckets in date order', () => {
		const r = resultWith({
			activities: { total: 6, series: { '2026-10-12': 5, '2026-10-05': 1, '2026-10-19': 0 } }
		});
		expect(sparkline('activities', r)).toEqual([1, 5, 0]);
		expect(sparkline('winLoss', r)).toBeNull();
		expect(headline('activities', r)).toBe(6);
	});
});
