// Suggestions for value mapping: source stage names to our stages, owner names to reps,
// campaign names to campaigns, activity types. The person sees and can change every one.
import type { ActivityType, Campaign, Rep, Stage } from '../../domain/types';

/** Stage names of common CRMs, lower-case, to the default pipeline's stage ids. */
const STAGE_SYNONYMS: Record<string, string> = {
	prospecting: 'lead',
	new: 'lead',
	open: 'lead',
	lead: 'lead',
	'lead in': 'lead',
	ny: 'lead',
	engaging: 'qualified',
	working: 'contacted',
	contacted: 'contacted',
	'contact made': 'contacted',
	appointmentscheduled: 'contacted',
	'appointment scheduled': 'contacted',
	kontaktet: 'contacted',
	discovery: 'contacted',
	qualification: 'qualified',
	qualified: 'qualified',
	qualifiedtobuy: 'qualified',
	'qualified to buy': 'qualified',
	kvalificeret: 'qualified',
	'needs analysis': 'qualified',
	'needs defined': 'qualified',
	'demo scheduled': 'qualified',
	'meeting scheduled': 'qualified',
	'meeting arranged': 'qualified',
	'proposal/quote': 'proposal',
	'proposal/price quote': 'proposal',
	proposal: 'proposal',
	'proposal made': 'proposal',
	presentationscheduled: 'proposal',
	'presentation scheduled': 'proposal',
	'value proposition': 'proposal',
	tilbud: 'proposal',
	negotiation: 'negotiation',
	'negotiation/review': 'negotiation',
	'negotiations started': 'negotiation',
	decisionmakerboughtin: 'negotiation',
	'decision maker bought-in': 'negotiation',
	contractsent: 'negotiation',
	'contract sent': 'negotiation',
	forhandling: 'negotiation',
	won: 'won',
	'closed won': 'won',
	closedwon: 'won',
	vundet: 'won',
	lost: 'lost',
	'closed lost': 'lost',
	closedlost: 'lost',
	tabt: 'lost',
	unqualified: 'lost'
};

/** The stage a source value most likely means, or undefined. */
export function suggestStage(value: string, stages: readonly Stage[]): string | undefined {
	const v = value.trim().toLowerCase();
	if (!v) return undefined;
	const live = stages.filter((s) => !s.deletedAt);
	const direct = live.find((s) => s.id.toLowerCase() === v || s.name.trim().toLowerCase() === v);
	if (direct) return direct.id;
	const syn = STAGE_SYNONYMS[v];
	if (syn && live.some((s) => s.id === syn)) return syn;
	// A custom pipeline: fall back on the stage kind for closed values.
	if (syn === 'won' || /\bwon\b/.test(v)) return live.find((s) => s.kind === 'won')?.id;
	if (syn === 'lost' || /\blost\b/.test(v)) return live.find((s) => s.kind === 'lost')?.id;
	return undefined;
}

/**
 * Words in stage names and what they suggest, in order of precedence: a closed outcome first,
 * then the later open stages (an "Initial contract review" is negotiation, not contact).
 */
const STAGE_WORDS: [RegExp, string][] = [
	[/\b(won|win|signed|vundet|gewonnen)\b/, 'won'],
	[/\b(lost|dead|lose|tabt|verloren|disqualified|unqualified|rejected)\b/, 'lost'],
	[/negotiat|contract|commit|forhandl|verhandl|closing/, 'negotiation'],
	[/propos|quote|offer|pricing|tilbud|angebot/, 'proposal'],
	[/qualif|need|discover|demo|evaluat|analys|presentation/, 'qualified'],
	[/contact|meeting|appointment|call|kontakt|møde|follow|engag/, 'contacted'],
	[/\b(new|lead|leads|prospect\w*|inbound|idea|open|cold)\b/, 'lead']
];

export interface StageGuess {
	stageId: string;
	/** `known`: the name is a stage or a common CRM's name for one; `guess`: from its words. */
	certainty: 'known' | 'guess';
}

/**
 * A stage for any source value: a known name (suggestStage), else a guess from the words in it,
 * else the first open stage. The wizard shows guesses as such, for the person to confirm.
 */
export function guessStage(value: string, stages: readonly Stage[]): StageGuess | undefined {
	const known = suggestStage(value, stages);
	if (known) return { stageId: known, certainty: 'known' };
	const live = stages.filter((s) => !s.deletedAt).sort((a, b) => a.order - b.order);
	const v = value.trim().toLowerCase();
	for (const [words, id] of STAGE_WORDS) {
		if (!words.test(v)) continue;
		const byId = live.find((s) => s.id === id);
		if (byId) return { stageId: byId.id, certainty: 'guess' };
		// A pipeline of its own: closed outcomes by kind, open ones by name.
		const byKind =
			id === 'won' || id === 'lost'
				? live.find((s) => s.kind === id)
				: live.find((s) => s.kind === 'open' && words.test(s.name.toLowerCase()));
		if (byKind) return { stageId: byKind.id, certainty: 'guess' };
	}
	const first = live.find((s) => s.kind === 'open');
	return first ? { stageId: first.id, certainty: 'guess' } : undefined;
}

/** An existing rep whose id or name (case-insensitive) is the value. */
export function suggestRep(value: string, reps: readonly Rep[]): string | undefined {
	const v = value.trim().toLowerCase();
	if (!v) return undefined;
	return reps.find(
		(r) => !r.deletedAt && (r.id.toLowerCase() === v || r.name.trim().toLowerCase() === v)
	)?.id;
}

export function suggestCampaign(value: string, campaigns: readonly Campaign[]): string | undefined {
	const v = value.trim().toLowerCase();
	if (!v) return undefined;
	return campaigns.find(
		(c) => !c.deletedAt && (c.id.toLowerCase() === v || c.name.trim().toLowerCase() === v)
	)?.id;
}

export function suggestType(value: string): ActivityType {
	const v = value.trim().toLowerCase();
	if (/call|phone|opkald|ring/.test(v)) return 'call';
	if (/mail/.test(v)) return 'email';
	if (/meet|møde|visit|demo|lunch/.test(v)) return 'meeting';
	return 'other';
}

/**
 * A stable id from text (two 32-bit FNV-1a hashes): the same source row gets the same id on
 * every import, which is what makes a re-import update instead of duplicate.
 */
export function stableId(prefix: string, key: string): string {
	let h1 = 0x811c9dc5;
	let h2 = 0x01000193 ^ 0x5bd1e995;
	for (let i = 0; i < key.length; i++) {
		const c = key.charCodeAt(i);
		h1 = Math.imul(h1 ^ c, 0x01000193);
		h2 = Math.imul(h2 ^ c, 0x5bd1e995);
		h2 ^= h2 >>> 15;
	}
	return (
		prefix + (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0')
	);
}
