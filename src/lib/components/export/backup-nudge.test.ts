import { describe, expect, it } from 'vitest';
import { nudgeDays } from './backup-nudge';

const day = 86_400_000;
const t0 = Date.UTC(2026, 10, 1);

describe('nudgeDays', () => {
	it('reminds after changes and 7 days without an export', () => {
		const base = {
			lastExportAt: new Date(t0).toISOString(),
			lastChangeAt: new Date(t0 + day).toISOString()
		};
		expect(nudgeDays({ ...base, now: t0 + 6 * day })).toBeNull();
		expect(nudgeDays({ ...base, now: t0 + 7 * day })).toBe(7);
	});

	it('stays quiet when nothing changed since the export, or when snoozed', () => {
		const exported = new Date(t0 + day).toISOString();
		expect(
			nudgeDays({
				lastExportAt: exported,
				lastChangeAt: new Date(t0).toISOString(),
				now: t0 + 30 * day
			})
		).toBeNull();
		expect(
			nudgeDays({
				lastExportAt: new Date(t0).toISOString(),
				lastChangeAt: new Date(t0 + day).toISOString(),
				snoozedUntil: t0 + 11 * day,
				now: t0 + 10 * day
			})
		).toBeNull();
	});

	it('counts from the first sighting when there never was an export', () => {
		const changed = new Date(t0).toISOString();
		expect(nudgeDays({ lastChangeAt: changed, now: t0 + 30 * day })).toBeNull();
		expect(nudgeDays({ lastChangeAt: changed, firstSeenAt: t0, now: t0 + 8 * day })).toBe(8);
	});
});
