import { describe, expect, it } from 'vitest';
import { showsKpis, startKpiWorkerEarly } from './kpi-client';

describe('which routes start the KPI worker early', () => {
	it('the dashboard and the KPI pages do; other routes do not', () => {
		expect(showsKpis('/')).toBe(true);
		expect(showsKpis('/kpi')).toBe(true);
		expect(showsKpis('/kpi/win-loss')).toBe(true);
		expect(showsKpis('/leads')).toBe(false);
		expect(showsKpis('/leads/abc')).toBe(false);
		expect(showsKpis('/kpis')).toBe(false);
	});

	it('under a base path', () => {
		expect(showsKpis('/tragt', '/tragt')).toBe(true);
		expect(showsKpis('/tragt/', '/tragt')).toBe(true);
		expect(showsKpis('/tragt/kpi/churn', '/tragt')).toBe(true);
		expect(showsKpis('/tragt/board', '/tragt')).toBe(false);
	});

	it('without Worker support nothing starts (the page asks again when it mounts)', () => {
		expect(typeof Worker).toBe('undefined');
		expect(startKpiWorkerEarly('/kpi')).toBe(false);
	});
});
