// When to remind the person to export: there are changes since the last export, and the last
// export (or, if there never was one, the first time this device saw the workspace) is at
// least 7 days old. "Later" hides the reminder for a day.
import { MS_PER_DAY } from '$lib/domain/time';

export const NUDGE_AFTER_DAYS = 7;
export const SNOOZE_MS = MS_PER_DAY;

export interface NudgeInput {
	lastExportAt?: string;
	lastChangeAt?: string;
	/** Epoch ms this device first saw the workspace without an export. */
	firstSeenAt?: number;
	snoozedUntil?: number;
	now: number;
}

/** Days since the last export (or first sighting) when a reminder is due, else null. */
export function nudgeDays(i: NudgeInput): number | null {
	if (!i.lastChangeAt) return null;
	const changed = Date.parse(i.lastChangeAt);
	if (!Number.isFinite(changed)) return null;
	const exported = i.lastExportAt ? Date.parse(i.lastExportAt) : NaN;
	if (Number.isFinite(exported) && changed <= exported) return null;
	const since = Number.isFinite(exported) ? exported : i.firstSeenAt;
	if (since === undefined) return null;
	const days = Math.floor((i.now - since) / MS_PER_DAY);
	if (days < NUDGE_AFTER_DAYS) return null;
	if (i.snoozedUntil !== undefined && i.now < i.snoozedUntil) return null;
	return days;
}
