// Checks of the fields that set up a workspace (first run and settings). Messages are returned
// already translated so that forms can show them beside the field.
import { m } from '$lib/paraglide/messages.js';
import { isValidTimeZone } from '../domain/time';

export interface WorkspaceFields {
	name: string;
	currency: string;
	timeZone: string;
}

export type WorkspaceErrors = Partial<Record<keyof WorkspaceFields, string>>;

/** A currency the Intl API can format (ISO 4217 shape; Intl accepts any three letters). */
export function isCurrencyCode(code: string): boolean {
	if (!/^[A-Z]{3}$/.test(code)) return false;
	try {
		new Intl.NumberFormat('en', { style: 'currency', currency: code });
		return true;
	} catch {
		return false;
	}
}

export function validateWorkspaceFields(fields: WorkspaceFields): WorkspaceErrors {
	const errors: WorkspaceErrors = {};
	if (!fields.name.trim()) errors.name = m.error_name_required();
	if (!isCurrencyCode(fields.currency.trim().toUpperCase())) errors.currency = m.error_currency();
	const zone = fields.timeZone.trim();
	if (!zone || !isValidTimeZone(zone)) errors.timeZone = m.error_time_zone();
	return errors;
}

/** Every zone the runtime knows, for a datalist; empty where Intl cannot list them. */
export function knownTimeZones(): string[] {
	const intl = Intl as typeof Intl & { supportedValuesOf?: (key: string) => string[] };
	try {
		return intl.supportedValuesOf?.('timeZone') ?? [];
	} catch {
		return [];
	}
}
