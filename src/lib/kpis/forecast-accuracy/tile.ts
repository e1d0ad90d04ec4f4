// Forecast accuracy's tile: how close the forecasts came to what was won.
import type { KpiResult } from '../../kpi/result-types';
import { drillPart as p, type KpiTile } from '../tile-kit';

export const tile: KpiTile<KpiResult['forecastAccuracy']> = {
	unit: 'percent',
	better: 'higher',
	group: 'outcomes',
	headline: (r) => r.accuracy,
	emptyReason: (r) => {
		if (r.count === 0) return 'no-forecasts';
		return r.accuracy === null ? 'no-actuals' : null;
	},
	drillParts: (r) => [p(undefined, 'forecasts', r.count)],
	// The whole set is the forecasts; a part (none today) would name the leads behind them.
	drillKind: (part) => (part === undefined ? 'forecast' : 'lead')
};
