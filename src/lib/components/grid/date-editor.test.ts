import { describe, expect, it } from 'vitest';
import { pickerValue } from './date-editor';

describe('pickerValue', () => {
	it('starts the picker at the stored value as wall time in the workspace zone', () => {
		// November: Copenhagen is UTC+1; July: UTC+2 (and the day turns over).
		expect(pickerValue('instant', '2026-11-03T09:15:00Z', 'Europe/Copenhagen')).toBe(
			'2026-11-03T10:15'
		);
		expect(pickerValue('instant', '2026-07-01T22:30:00.000Z', 'Europe/Copenhagen')).toBe(
			'2026-07-02T00:30'
		);
		expect(pickerValue('date', '2026-07-01T22:30:00.000Z', 'Europe/Copenhagen')).toBe('2026-07-02');
		// A date-only value is that day (as an instant: its start).
		expect(pickerValue('date', '2026-11-03', 'America/New_York')).toBe('2026-11-03');
		expect(pickerValue('instant', '2026-11-03', 'America/New_York')).toBe('2026-11-03T00:00');
	});

	it('is empty for an empty cell or a value that is not a date', () => {
		expect(pickerValue('date', undefined, 'UTC')).toBe('');
		expect(pickerValue('date', '', 'UTC')).toBe('');
		expect(pickerValue('instant', 'soon', 'UTC')).toBe('');
	});
});
