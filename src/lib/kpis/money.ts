// Money as the tiles, formulas and charts write it: whole units, compact when large. Shared by
// the KPI modules' words (src/lib/kpis/<slug>/text.ts, formula.ts, charts.ts).
import { getLocale } from '$lib/paraglide/runtime.js';
import { EMPTY, formatMoney } from '$lib/i18n/format';

const wholeMoney = new Map<string, Intl.NumberFormat>();

/**
 * Money in whole units; compact from 100,000 up (so it fits a tile at 360 px) unless `full`
 * (formulas, where a rounded operand would not add up).
 */
export function money(value: number | null, currency: string, full = false): string {
	if (value === null || !Number.isFinite(value)) return EMPTY;
	if (!full && Math.abs(value) >= 100_000) return formatMoney(value, currency, { compact: true });
	const locale = getLocale();
	const key = locale + currency;
	let f = wholeMoney.get(key);
	if (!f) {
		try {
			f = new Intl.NumberFormat(locale, {
				style: 'currency',
				currency,
				maximumFractionDigits: 0,
				minimumFractionDigits: 0
			});
		} catch {
			// An unknown currency code: the shared formatter knows how to fall back.
			return formatMoney(value, currency);
		}
		wholeMoney.set(key, f);
	}
	return f.format(value);
}
