import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '$lib/paraglide/runtime.js';
import type { TargetRow } from './types';
import {
	actualOfAmount,
	barPositions,
	cardLabel,
	ownerLabel,
	paceText,
	projectionText,
	statusLabel,
	targetFigure
} from './strip';

afterEach(() => setLocale('en', { reload: false }));

const row = (patch: Partial<TargetRow> = {}): TargetRow => ({
	id: 't1',
	metric: 'wonValue',
	repId: 'r1',
	from: '2026-01-01',
	to: '2026-03-31',
	amount: 250000,
	actual: 100000,
	elapsed: 0.5,
	expectedByNow: 125000,
	attainment: 0.4,
	pace: 0.8,
	projected: 200000,
	projectedSd: 20000,
	projectedLow: 174368,
	projectedHigh: 225632,
	status: 'behind',
	...patch
});

describe('target strip words', () => {
	it('names the status in words in both languages', () => {
		expect(statusLabel('met')).toBe('Met');
		expect(statusLabel('behind')).toBe('Behind');
		setLocale('da', { reload: false });
		expect(statusLabel('ahead')).toBe('Foran');
		expect(statusLabel('upcoming')).toBe('Kommende');
	});

	it('names the owner: the rep, or the team', () => {
		expect(ownerLabel(row(), (id) => `Rep ${id}`)).toBe('Rep r1');
		expect(ownerLabel(row({ repId: null }), (id) => id)).toBe('Team');
		expect(cardLabel(row({ repId: null, status: 'met' }), (id) => id)).toBe('Won value, Team: Met');
	});

	it('money for won value as the dashboard writes it, counts otherwise', () => {
		expect(actualOfAmount(row(), 'DKK')).toBe('DKK 100.0K of DKK 250.0K');
		expect(targetFigure(12, 'won', 'DKK')).toBe('12');
		expect(targetFigure(12.345, 'newLeads', 'DKK')).toBe('12.3');
		expect(paceText(row({ metric: 'activities', expectedByNow: 40 }), 'DKK')).toBe(
			'Expected by now: 40'
		);
	});

	it('the projection with its range, without a range of one point, or none', () => {
		expect(projectionText(row(), 'DKK')).toMatch(
			/^Projected finish: DKK\s200\.0K \(10–90 %: DKK\s174\.4K–DKK\s225\.6K\)$/
		);
		expect(
			projectionText(row({ metric: 'won', projected: 8, projectedLow: 8, projectedHigh: 8 }), 'DKK')
		).toBe('Projected finish: 8');
		expect(projectionText(row({ projected: null, projectedLow: null }), 'DKK')).toBe(
			'No projection yet'
		);
	});

	it('the bar: actual and pace in percent of the amount, cut at 100', () => {
		expect(barPositions(row())).toEqual({ actual: 40, pace: 50 });
		expect(barPositions(row({ actual: 300000, elapsed: 1 }))).toEqual({ actual: 100, pace: 100 });
		expect(barPositions(row({ amount: 0, actual: 0 }))).toEqual({ actual: 100, pace: 100 });
	});
});
