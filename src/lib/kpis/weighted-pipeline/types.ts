import type { PipelineMode } from '../../kpi/options';

export interface PipelineFigures {
	count: number;
	total: number;
	weighted: number;
}

export interface PipelineStageFigures extends PipelineFigures {
	/** extra: the probability used for the stage (configured or historical). */
	probability: number;
}

/** KPI 12 (spec/kpis.md): open leads at asOf, valued and weighted by their stage's probability. */
export interface WeightedPipelineResult extends PipelineFigures {
	mode: PipelineMode;
	/** extra: the value used for leads without one (mean won value before asOf), 0 if none. */
	meanWonValue: number;
	/** extra: mean cycle days of won leads closed before asOf, null if none. */
	meanCycleDays: number | null;
	byStage: Record<string, PipelineStageFigures>;
	byRep: Record<string, PipelineFigures>;
	projection: Record<string, number>;
	/** The spread of `weighted` (spec/targets-and-forecast.md, `weightedPipeline.range`). */
	range: PipelineRange;
}

/** A weighted sum's spread: the deals taken as independent, a normal approximation. */
export interface PipelineSpread {
	/** sqrt(sum p_i (1 - p_i) value_i^2). */
	sd: number;
	/** max(0, weighted - 1.2816 sd): the 10 % point. */
	low: number;
	/** weighted + 1.2816 sd: the 90 % point. */
	high: number;
}

export interface PipelineRange extends PipelineSpread {
	/** Keyed like `projection` (YYYY-MM). */
	projectionRange: Record<string, PipelineSpread & { expected: number }>;
}
