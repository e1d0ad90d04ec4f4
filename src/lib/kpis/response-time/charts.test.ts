import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '$lib/paraglide/runtime.js';
import { resultWith } from '$lib/dashboard/test-results';
import { ctx } from '../chart-test-context';
import { charts } from './charts';

afterEach(() => setLocale('en', { reload: false }));

describe('response time charts', () => {
	it('the response-time histogram lists six bins and their total, in Danish too', () => {
		const r = resultWith({ responseTime: { count: 15 } });
		const extras = { histogram: [3, 4, 0, 5, 2, 1] };
		const [hist] = charts(r.responseTime, { ...ctx, extras });
		expect(hist.id).toBe('distribution');
		expect(hist.rows).toEqual([
			['< 1 h', '3'],
			['1–4 h', '4'],
			['4–24 h', '0'],
			['1–3 days', '5'],
			['3–7 days', '2'],
			['> 7 days', '1'],
			['Total', '15']
		]);
		setLocale('da', { reload: false });
		const [da] = charts(r.responseTime, { ...ctx, extras });
		expect(da.title).toBe('Tid til første kontakt');
		expect(da.rows.map((row) => row[0])).toEqual([
			'< 1 t',
			'1–4 t',
			'4–24 t',
			'1–3 dage',
			'3–7 dage',
			'> 7 dage',
			'I alt'
		]);
	});
});
