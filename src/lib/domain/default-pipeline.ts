import type { Stage } from './types';

/**
 * The default pipeline. Its stage ids are fixed by the data format so that teammates who start
 * from it line up when their files are merged.
 */
export const DEFAULT_STAGE_IDS = [
	'lead',
	'contacted',
	'qualified',
	'proposal',
	'negotiation',
	'won',
	'lost'
] as const;

export type DefaultStageId = (typeof DEFAULT_STAGE_IDS)[number];

type StageSeed = Omit<Stage, 'updatedAt'>;

const SEEDS: StageSeed[] = [
	{ id: 'lead', name: 'Lead', order: 1, kind: 'open', probability: 0.05, qualified: false },
	{
		id: 'contacted',
		name: 'Contacted',
		order: 2,
		kind: 'open',
		probability: 0.1,
		qualified: false
	},
	{
		id: 'qualified',
		name: 'Qualified',
		order: 3,
		kind: 'open',
		probability: 0.25,
		qualified: true
	},
	{ id: 'proposal', name: 'Proposal', order: 4, kind: 'open', probability: 0.5, qualified: true },
	{
		id: 'negotiation',
		name: 'Negotiation',
		order: 5,
		kind: 'open',
		probability: 0.75,
		qualified: true
	},
	{ id: 'won', name: 'Won', order: 6, kind: 'won', probability: 1, qualified: true },
	{ id: 'lost', name: 'Lost', order: 7, kind: 'lost', probability: 0, qualified: false }
];

/** The default stages, stamped with `updatedAt`. */
export function defaultStages(updatedAt: string): Stage[] {
	return SEEDS.map((s) => ({ ...s, updatedAt }));
}
