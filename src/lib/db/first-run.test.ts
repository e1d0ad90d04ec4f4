import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_STAGE_IDS } from '../domain/default-pipeline';
import { currencyForLocale, deviceDefaults, initializeWorkspace, isInitialized } from './first-run';
import { ValidationError } from './validation';
import { getWorkspaceSettings, readAllRecords } from './repositories';
import { closeAll, freshDb } from './test-util';

afterEach(() => {
	vi.unstubAllGlobals();
	return closeAll();
});

describe('initializeWorkspace', () => {
	it('creates the default pipeline, my rep and the settings', async () => {
		const db = freshDb();
		expect(await isInitialized(db)).toBe(false);
		const s = await initializeWorkspace(db, {
			repName: ' Mette ',
			currency: 'DKK',
			timeZone: 'Europe/Copenhagen',
			workspaceName: 'Nordic team'
		});
		expect(await isInitialized(db)).toBe(true);
		const all = await readAllRecords(db);
		expect(all.stages.map((st) => st.id).sort()).toEqual([...DEFAULT_STAGE_IDS].sort());
		expect(all.reps).toEqual([
			expect.objectContaining({ id: s.meRepId, name: 'Mette', active: true })
		]);
		expect(await getWorkspaceSettings(db)).toMatchObject({
			name: 'Nordic team',
			currency: 'DKK',
			timeZone: 'Europe/Copenhagen',
			meRepId: s.meRepId
		});
	});

	it('refuses bad input and a second run, writing nothing', async () => {
		const db = freshDb();
		const base = { repName: 'A', currency: 'DKK', timeZone: 'UTC' };
		for (const [bad, field] of [
			[{ ...base, repName: '' }, 'repName'],
			[{ ...base, currency: 'kr' }, 'currency'],
			[{ ...base, timeZone: 'Mars/Base' }, 'timeZone']
		] as const) {
			const e = await initializeWorkspace(db, bad).catch((x: unknown) => x);
			expect(e).toBeInstanceOf(ValidationError);
			expect((e as ValidationError).field).toBe(field);
		}
		expect((await readAllRecords(db)).stages).toEqual([]);
		await initializeWorkspace(db, base);
		await expect(initializeWorkspace(db, base)).rejects.toBeInstanceOf(ValidationError);
		expect((await readAllRecords(db)).reps).toHaveLength(1);
	});
});

describe('deviceDefaults', () => {
	it('guesses the currency from the language region', () => {
		expect(currencyForLocale('da-DK')).toBe('DKK');
		expect(currencyForLocale('da')).toBe('DKK');
		expect(currencyForLocale('sv-SE')).toBe('SEK');
		expect(currencyForLocale('nb-NO')).toBe('NOK');
		expect(currencyForLocale('en-GB')).toBe('GBP');
		expect(currencyForLocale('en-US')).toBe('USD');
		expect(currencyForLocale('de-DE')).toBe('EUR');
		expect(currencyForLocale('fi')).toBe('EUR');
		expect(currencyForLocale('ja-JP')).toBe('EUR');
		expect(currencyForLocale(undefined)).toBe('EUR');
		expect(currencyForLocale('not a tag!')).toBe('EUR');
	});

	it('reads navigator.language and the Intl zone', () => {
		vi.stubGlobal('navigator', { language: 'sv-SE' });
		const d = deviceDefaults();
		expect(d.currency).toBe('SEK');
		expect(d.timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
	});
});
