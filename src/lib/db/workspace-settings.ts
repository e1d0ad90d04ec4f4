// The workspace settings row: its key and shape. Apart from settings.ts because the write path
// (write-context.ts) stamps the row on every commit and settings.ts saves through that path.

export const WORKSPACE_KEY = 'workspace';

export interface WorkspaceSettings {
	name: string;
	/** ISO 4217 code. */
	currency: string;
	/** IANA zone: date-only values mean the start of that day here. */
	timeZone: string;
	/** The rep who uses this device: default owner of new leads and activities. */
	meRepId: string;
	lastExportAt?: string;
	/** Stamped by every committed write. */
	lastChangeAt?: string;
}
