// Converts the Maven Analytics "CRM Sales Opportunities" pipeline (sales_pipeline.csv) to the
// shared file format, for end-to-end checks of the engine and the command line on real data.
//
// Mapping: one rep per sales_agent; one lead per opportunity, createdAt = engage_date, value =
// close_value (absent when empty), origin `sales`; stage events into `qualified` at engage_date
// and into `won` / `lost` at close_date. Prospecting rows have no engage date: they get
// createdAt = PROSPECTING_CREATED_AT (the day the data set ends) and one event into `lead`.
import Papa from 'papaparse';
import { defaultStages } from '../../src/lib/domain/default-pipeline';
import type { Lead, Rep, SharedFile, StageEvent } from '../../src/lib/domain/types';

export const PROSPECTING_CREATED_AT = '2017-12-31';
const STAMP = '2024-01-01T00:00:00Z';

interface Row {
	opportunity_id: string;
	sales_agent: string;
	account: string;
	deal_stage: string;
	engage_date: string;
	close_date: string;
	close_value: string;
}

function slug(s: string): string {
	return s.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

export function convertMavenPipeline(csv: string): SharedFile {
	const parsed = Papa.parse<Row>(csv, { header: true, skipEmptyLines: true });
	const reps = new Map<string, Rep>();
	const leads: Lead[] = [];
	const events: StageEvent[] = [];
	for (const r of parsed.data) {
		const repId = 'rep-' + slug(r.sales_agent);
		if (!reps.has(repId))
			reps.set(repId, { id: repId, updatedAt: STAMP, name: r.sales_agent, active: true });
		const id = r.opportunity_id;
		const createdAt = r.engage_date || PROSPECTING_CREATED_AT;
		const ev = (stageId: string, at: string) =>
			events.push({ id: `${id}-${stageId}`, updatedAt: STAMP, leadId: id, stageId, at, repId });
		let stageId = 'lead';
		if (r.engage_date) {
			ev('qualified', r.engage_date);
			stageId = 'qualified';
		} else {
			ev('lead', createdAt);
		}
		if (r.deal_stage === 'Won' || r.deal_stage === 'Lost') {
			stageId = r.deal_stage === 'Won' ? 'won' : 'lost';
			ev(stageId, r.close_date);
		}
		const lead: Lead = {
			id,
			updatedAt: STAMP,
			name: r.account || id,
			ownerId: repId,
			origin: 'sales',
			createdAt,
			stageId
		};
		if (r.account) lead.company = r.account;
		if (r.close_value !== '' && r.close_value !== undefined) lead.value = Number(r.close_value);
		leads.push(lead);
	}
	return {
		format: 'tragt',
		version: 2,
		exportedAt: STAMP,
		workspace: { name: 'Maven CRM', currency: 'USD', timeZone: 'UTC' },
		reps: [...reps.values()],
		stages: defaultStages(STAMP),
		campaigns: [],
		leads,
		stageEvents: events,
		activities: [],
		customers: [],
		forecasts: [],
		targets: []
	};
}
