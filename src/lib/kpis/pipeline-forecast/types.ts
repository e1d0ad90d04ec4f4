/**
 * What the pipeline said when P began, rebuilt from the stage history with today's values
 * (spec/targets-and-forecast.md). Every figure but `reconstructed` is null unless from < asOf.
 */
export interface PipelineForecastResult {
	/** Always true: today's value, expected close date and cycle start are used. */
	reconstructed: true;
	/** Leads open at `from` expected to close in P. */
	count: number | null;
	forecast: number | null;
	sd: number | null;
	low: number | null;
	high: number | null;
	/** winLoss.wonValue of P. */
	actual: number | null;
	/** The part of `actual` from leads open at `from`. */
	fromPipeline: number | null;
	fromNew: number | null;
	accuracy: number | null;
	bias: number | null;
}
