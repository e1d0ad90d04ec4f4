import { afterEach, describe, expect, it, vi } from 'vitest';
import { kpiWorker, showsKpis, startKpiWorkerEarly } from './kpi-client';

afterEach(() => vi.unstubAllGlobals());

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

describe('the worker per database', () => {
	it('one worker per database name, opened on it; asking again reuses it', () => {
		const opened: { url: string; messages: unknown[] }[] = [];
		class FakeWorker {
			messages: unknown[] = [];
			constructor(url: URL) {
				opened.push({ url: String(url), messages: this.messages });
			}
			postMessage(message: unknown) {
				this.messages.push(message);
			}
			addEventListener() {}
			removeEventListener() {}
			start() {}
		}
		vi.stubGlobal('Worker', FakeWorker);
		const main = kpiWorker('dash-a');
		expect(kpiWorker('dash-a')).toBe(main);
		const team = kpiWorker('dash-b');
		expect(team).not.toBe(main);
		expect(opened).toHaveLength(2);
		expect(opened[0].url).toContain('kpi.worker');
		// Each worker was told to open its own database.
		expect(JSON.stringify(opened[0].messages)).toContain('dash-a');
		expect(JSON.stringify(opened[1].messages)).toContain('dash-b');
	});
});
