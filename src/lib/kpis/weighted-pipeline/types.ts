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
}
