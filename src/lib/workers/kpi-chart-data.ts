// Extra worker calls for the KPI pages' charts that need per-record figures the KPI result does
// not carry (the distribution of first-response times). They run beside the dataset, in the
// worker, and only the small answer crosses postMessage.
import { responseHistogram, responseHours } from '../dashboard/response-histogram';
import type { KpiDataset } from '../kpi/index';
import type { KpiOptions } from '../kpi/result-types';
import type { KpiEngineHost } from './kpi-engine-host';
import type { KpiRequest } from './kpi-protocol';

export interface ChartDataService {
	/**
	 * Leads behind the response-time figure per bin of RESPONSE_BIN_EDGES (< 1 h, 1-4 h, ...);
	 * the counts add up to the figure's `count` for the same request.
	 */
	responseHistogram(request: KpiRequest): Promise<number[]>;
}

export function chartDataService(current: () => KpiEngineHost): ChartDataService {
	return {
		async responseHistogram(request) {
			const host = current();
			await host.refresh();
			// The host keeps its dataset and its request-to-options mapping private; reading them
			// here (TypeScript allows it by index) keeps the host untouched and the filters exactly
			// those of compute() and records(). A public host method would be the tidier home.
			const ds = host['dataset'] as KpiDataset;
			const options = host['options'](request) as KpiOptions;
			return responseHistogram(responseHours(ds, options));
		}
	};
}
