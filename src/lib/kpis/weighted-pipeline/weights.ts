// The value and probability KPI 12 gives an open lead, and its expected close instant, at a
// reference instant: asOf for the weighted pipeline and the targets' projection, `from` for the
// pipeline forecast (spec/targets-and-forecast.md). Shared so that the three agree to the digit.
import { instantParser } from '../../kpi/fast-instant';
import type { KpiDataset } from '../../kpi/dataset-types';
import type { PipelineMode } from '../../kpi/options';

/** The z of a normal distribution's 90 % point: low/high are the 10 % and 90 % points. */
export const Z_90 = 1.2816;

export interface PipelineWeights {
	/** Per stage index: the probability used (configured, or historical with a fallback). */
	prob: Float64Array;
	/** The value of a lead without one: the mean value of won leads (value > 0) closed before. */
	meanWonValue: number;
	/** Mean clamped cycle (ms) of the won leads closed before; 0 when none. */
	meanCycleMs: number;
}

/** The reference figures, from the folds over the leads closed before the reference instant. */
export interface WeightFolds {
	wonCount: number;
	wonCycleSum: number;
	valuedCount: number;
	valuedSum: number;
	/** Per open stage in pipeline order (read in historical mode). */
	histWon: Int32Array;
	histLost: Int32Array;
}

export function pipelineWeights(
	ds: KpiDataset,
	mode: PipelineMode,
	f: WeightFolds
): PipelineWeights {
	const prob = Float64Array.from(ds.stageProbability);
	if (mode === 'historical') {
		for (let s = 0; s < ds.openStages.length; s++) {
			const d = f.histWon[s] + f.histLost[s];
			if (d > 0) prob[ds.openStages[s]] = f.histWon[s] / d;
		}
	}
	return {
		prob,
		meanWonValue: f.valuedCount === 0 ? 0 : f.valuedSum / f.valuedCount,
		meanCycleMs: f.wonCount === 0 ? 0 : f.wonCycleSum / f.wonCount
	};
}

/** value_i: the lead's value when > 0, else the mean won value. */
export function leadWeightValue(ds: KpiDataset, w: PipelineWeights, i: number): number {
	return ds.leadValue[i] > 0 ? ds.leadValue[i] : w.meanWonValue;
}

/**
 * Lead i's expected close instant: the start of its expectedCloseDate in `tz`, else cycle start
 * + the mean cycle; an instant before `floor` counts as `floor`.
 */
export function expectedCloseAt(
	ds: KpiDataset,
	w: PipelineWeights,
	i: number,
	tz: string,
	floor: number
): number {
	let t = ds.leadExpectedAt[i];
	// A date-only value in another zone than the dataset's (the command line's --tz).
	if (tz !== ds.timeZone && !Number.isNaN(t)) {
		t = instantParser(tz)(ds.leadRecords[i].expectedCloseDate);
	}
	if (Number.isNaN(t)) t = ds.cycleStart[i] + w.meanCycleMs;
	return t < floor ? floor : t;
}
