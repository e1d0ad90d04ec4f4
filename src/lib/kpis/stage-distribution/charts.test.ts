import { describe, expect, it } from 'vitest';
import { resultWith } from '$lib/dashboard/test-results';
import { ctx } from '../chart-test-context';
import { charts } from './charts';

describe('stage distribution charts', () => {
	it('stage shares list count, share and share of open stages in pipeline order', () => {
		const r = resultWith({
			stageDistribution: {
				byStage: {
					won: { count: 2, share: 0.2 },
					lead: { count: 6, share: 0.6, openShare: 0.75 },
					proposal: { count: 2, share: 0.2, openShare: 0.25 }
				}
			}
		});
		const stages = charts(r.stageDistribution, ctx).find((c) => c.id === 'stages')!;
		expect(stages.rows).toEqual([
			['LEAD', '6', '60%', '75%'],
			['PROPOSAL', '2', '20%', '25%'],
			['WON', '2', '20%', '']
		]);
	});
});
