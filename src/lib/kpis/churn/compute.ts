// KPI 13: a walk over the customers; it needs nothing of the lead pass.
import { customerFilter } from '../../kpi/filters';
import type { PassContext } from '../../kpi/passes';
import { ratio } from '../../kpi/stats';
import type { ChurnResult } from './types';

export function computeChurn({ ds, from, to, mask, leadMask }: PassContext): ChurnResult {
	let atStart = 0;
	let churned = 0;
	let fresh = 0;
	let activeAtEnd = 0;
	const keep = customerFilter(ds, mask, leadMask);
	for (let c = 0; c < ds.customerIds.length; c++) {
		if (keep && !keep(c)) continue;
		const since = ds.customerSince[c];
		const ch = ds.customerChurnedAt[c];
		if (since < from && !(ch < from)) {
			atStart++;
			if (ch >= from && ch < to) churned++;
		}
		if (since >= from && since < to) fresh++;
		if (since < to && !(ch < to)) activeAtEnd++;
	}
	return { atStart, churned, rate: ratio(churned, atStart), new: fresh, activeAtEnd };
}
