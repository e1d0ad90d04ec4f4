import { describe, expect, it } from 'vitest';
import { resultWith } from '$lib/dashboard/test-results';
import { ctx } from '$lib/kpis/chart-test-context';
import { chartsFor } from './kpi-charts';

// Each KPI's charts are tested beside its module (src/lib/kpis/<slug>/charts.test.ts); here the
// page's entry point, which asks the module by key.
describe('KPI page charts', () => {
	it('without the buckets yet, churn has only its period chart', () => {
		expect(chartsFor('churn', resultWith({}), ctx).map((c) => c.id)).toEqual(['customers']);
	});
});
