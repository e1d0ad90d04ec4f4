/** One open stage's probability against what happened (spec/targets-and-forecast.md). */
export interface CalibrationStage {
	configured: number;
	/** Leads closed before asOf that reached the stage. */
	n: number;
	/** Of those, the ones closed won. */
	won: number;
	/** won / n; null when n is 0. */
	historical: number | null;
	/** The 90 % Wilson score interval of `historical`; null when n is 0. */
	lower: number | null;
	upper: number | null;
	/** configured lies in [lower, upper]; null when n is 0. */
	fits: boolean | null;
}

/** Are the stages' probabilities right? Per live open stage, and the Brier score of P. */
export interface CalibrationResult {
	/** Leads closed before asOf that reached the first open stage. */
	n: number;
	/** Mean squared error of the configured probabilities over the leads closed in P. */
	brier: number | null;
	brierCount: number;
	byStage: Record<string, CalibrationStage>;
}
