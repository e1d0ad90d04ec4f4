// First run: the default pipeline, the user's own rep and the workspace settings, together.

import { defaultStages } from '../domain/default-pipeline';
import { nowIso } from '../domain/time';
import type { Rep } from '../domain/types';
import { allTables, type TragtDatabase } from './database';
import { WORKSPACE_KEY, type WorkspaceSettings } from './settings';
import { ValidationError } from './validation';
import { broadcastChange, recordChange } from './write-context';

export interface FirstRunInput {
	repName: string;
	currency: string;
	timeZone: string;
	workspaceName?: string;
}

export async function isInitialized(db: TragtDatabase): Promise<boolean> {
	return (await db.settings.get(WORKSPACE_KEY)) !== undefined;
}

/**
 * Creates the default pipeline (stages not already present), the user's rep and the settings in
 * one transaction, so a crash halfway leaves a database that still asks the first-run questions.
 * Not an undo step. Returns the settings written.
 */
export async function initializeWorkspace(
	db: TragtDatabase,
	input: FirstRunInput
): Promise<WorkspaceSettings> {
	const repName = input.repName?.trim();
	if (!repName) throw new ValidationError('repName', 'is required');
	if (!/^[A-Z]{3}$/.test(input.currency ?? ''))
		throw new ValidationError('currency', 'must be a three-letter ISO 4217 code');
	if (!isKnownZone(input.timeZone))
		throw new ValidationError('timeZone', 'is not a known time zone');
	const now = nowIso();
	const rep: Rep = { id: crypto.randomUUID(), name: repName, active: true, updatedAt: now };
	const settings: WorkspaceSettings = {
		name: input.workspaceName?.trim() || repName,
		currency: input.currency,
		timeZone: input.timeZone,
		meRepId: rep.id
	};
	const seq = await db.transaction('rw', allTables(db), async () => {
		if (await db.settings.get(WORKSPACE_KEY))
			throw new ValidationError('workspace', 'is already set up');
		const have = new Set((await db.stages.toCollection().primaryKeys()) as string[]);
		const stages = defaultStages(now).filter((s) => !have.has(s.id));
		await db.stages.bulkAdd(stages);
		await db.reps.add(rep);
		await db.settings.put({ key: WORKSPACE_KEY, value: settings });
		return recordChange(db, {
			at: Date.now(),
			full: false,
			entities: { stages: stages.map((s) => s.id), reps: [rep.id], settings: [WORKSPACE_KEY] },
			activityBuckets: [],
			stageEventBuckets: []
		});
	});
	broadcastChange(seq);
	return (await db.settings.get(WORKSPACE_KEY))?.value as WorkspaceSettings;
}

function isKnownZone(zone: string): boolean {
	try {
		new Intl.DateTimeFormat('en', { timeZone: zone });
		return !!zone;
	} catch {
		return false;
	}
}

const REGION_CURRENCY: Record<string, string> = {
	DK: 'DKK',
	SE: 'SEK',
	NO: 'NOK',
	GB: 'GBP',
	US: 'USD'
};

/** Currency for a BCP 47 language tag's region (the region guessed when the tag has none). */
export function currencyForLocale(locale: string | undefined): string {
	let region: string | undefined;
	try {
		region = locale ? new Intl.Locale(locale).maximize().region : undefined;
	} catch {
		region = undefined;
	}
	// Euro countries and every region we do not list get EUR (the brief's default).
	return (region && REGION_CURRENCY[region]) || 'EUR';
}

/** First-run defaults guessed from the device: currency from the language's region, zone from Intl. */
export function deviceDefaults(): { currency: string; timeZone: string } {
	const lang = typeof navigator !== 'undefined' ? navigator.language : undefined;
	let timeZone = 'UTC';
	try {
		timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
	} catch {
		timeZone = 'UTC';
	}
	return { currency: currencyForLocale(lang), timeZone };
}
