// Test helper: the KPI page's context for the modules' chart tests (names made visible).
import type { ChartContext } from './chart-kit';

export const ctx: ChartContext = {
	currency: 'DKK',
	locale: 'en',
	stageName: (id) => id.toUpperCase(),
	stageOrder: (id) => ['lead', 'proposal', 'won'].indexOf(id),
	repName: (id) => `Rep ${id}`,
	campaignName: (id) => `Campaign ${id}`
};
