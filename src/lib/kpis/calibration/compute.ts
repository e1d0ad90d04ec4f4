// `calibration` (spec/targets-and-forecast.md): each open stage's configured probability against
// the share of the leads that reached it and closed before asOf that were won, with a 90 %
// Wilson interval; and the Brier score of the configured probabilities over the leads closed in
// P. Both finished from the lead pass (its per-stage closed counts and its Brier sum).
import type { PassContext, Passes } from '../../kpi/passes';
import type { CalibrationResult, CalibrationStage } from './types';

/** z of a two-sided 90 % interval. */
export const Z_WILSON_90 = 1.6449;

export function computeCalibration({ leads: p }: Passes, { ds }: PassContext): CalibrationResult {
	const byStage: Record<string, CalibrationStage> = {};
	const nOpen = ds.openStages.length;
	for (let s = 0; s < nOpen; s++) {
		const st = ds.openStages[s];
		const won = p.histWon[s];
		const n = won + p.histLost[s];
		const configured = ds.stageProbability[st];
		const interval = wilson(won, n, Z_WILSON_90);
		byStage[ds.stageIds[st]] = {
			configured,
			n,
			won,
			historical: n === 0 ? null : won / n,
			lower: interval && interval[0],
			upper: interval && interval[1],
			fits: interval && configured >= interval[0] && configured <= interval[1]
		};
	}
	return {
		n: nOpen === 0 ? 0 : p.histWon[0] + p.histLost[0],
		brier: p.brierCount === 0 ? null : p.brierSum / p.brierCount,
		brierCount: p.brierCount,
		byStage
	};
}

/** The Wilson score interval of `won` successes in `n` trials; null when n is 0. */
export function wilson(won: number, n: number, z: number): [number, number] | null {
	if (n === 0) return null;
	const h = won / n;
	const z2 = z * z;
	const denominator = 1 + z2 / n;
	const centre = (h + z2 / (2 * n)) / denominator;
	const half = (z * Math.sqrt((h * (1 - h)) / n + z2 / (4 * n * n))) / denominator;
	return [centre - half, centre + half];
}
