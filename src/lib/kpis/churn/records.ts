import { customerLeads } from '../../kpi/filters';
import type { RecordsContext } from '../../kpi/records-context';

/** Customer ids; part `atStart` (default) | `churned` | `new` | `activeAtEnd`. */
export function churnRecords(ctx: RecordsContext, part: string | undefined): string[] {
	const { ds, mask, leadMask, from, to } = ctx;
	const out: string[] = [];
	const customerLead = leadMask ? customerLeads(ds) : null;
	for (let c = 0; c < ds.customerIds.length; c++) {
		const owner = ds.customerOwner[c];
		if (mask && (owner < 0 || !mask[owner])) continue;
		if (customerLead && !(customerLead[c] >= 0 && leadMask![customerLead[c]])) continue;
		const since = ds.customerSince[c];
		const ch = ds.customerChurnedAt[c];
		const atStart = since < from && !(ch < from);
		let keep: boolean;
		if (part === 'churned') keep = atStart && ch >= from && ch < to;
		else if (part === 'new') keep = since >= from && since < to;
		else if (part === 'activeAtEnd') keep = since < to && !(ch < to);
		else keep = atStart;
		if (keep) out.push(ds.customerIds[c]);
	}
	return out;
}
