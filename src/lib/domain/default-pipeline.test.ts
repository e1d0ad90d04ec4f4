import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGE_IDS, defaultStages } from './default-pipeline';

describe('default pipeline', () => {
	it('has the fixed stage ids of the data format, in order', () => {
		const stages = defaultStages('2026-01-01T00:00:00Z');
		expect(stages.map((s) => s.id)).toEqual([...DEFAULT_STAGE_IDS]);
		expect(stages.map((s) => s.order)).toEqual([1, 2, 3, 4, 5, 6, 7]);
	});

	it('gives won probability 1 and lost probability 0', () => {
		const stages = defaultStages('2026-01-01T00:00:00Z');
		expect(stages.find((s) => s.kind === 'won')?.probability).toBe(1);
		expect(stages.find((s) => s.kind === 'lost')?.probability).toBe(0);
	});
});
