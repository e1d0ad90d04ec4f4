import { customerFilter } from '../../kpi/filters';
import type { RecordsContext } from '../../kpi/records-context';

/** Customer ids; part `atStart` (default) | `churned` | `new` | `activeAtEnd`. */
export function churnRecords(ctx: RecordsContext, part: string | undefined): string[] {
	const { ds, mask, leadMask, from, to } = ctx;
	const out: string[] = [];
	const counts = customerFilter(ds, mask, leadMask);
	for (let c = 0; c < ds.customerIds.length; c++) {
		if (counts && !counts(c)) continue;
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
