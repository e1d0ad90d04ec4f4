import { describe, expect, it } from 'vitest';
import { forecastResult } from '$lib/dashboard/test-forecast';
import { actualKind, hasOpenDeals, openPart, targetFigures } from './page';

const [t1, t2, t3] = forecastResult().targets.rows;

describe('target page figures', () => {
	it('lists the figures in reading order, in the metric’s unit', () => {
		const figures = Object.fromEntries(targetFigures(t2, 'DKK'));
		expect(figures).toMatchObject({
			Target: '2',
			Actual: '3',
			'Time gone': '50%',
			'Expected by now': '1',
			Attainment: '150%',
			Pace: '300%',
			'Projected finish': '6',
			'10–90 % range': '6 – 6',
			Status: '✓ Met'
		});
		expect(Object.fromEntries(targetFigures(t3, 'DKK'))['10–90 % range']).toBe('–');
	});

	it('which records: activities or leads behind the actual, open deals only when projected from them', () => {
		expect(actualKind(t1)).toBe('lead');
		expect(actualKind(t3)).toBe('activity');
		expect(hasOpenDeals(t1)).toBe(true);
		expect(hasOpenDeals(t2)).toBe(false);
		expect(openPart(t1)).toBe('t1/open');
	});
});
