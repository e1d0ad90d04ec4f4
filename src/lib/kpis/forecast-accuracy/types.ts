export interface ForecastRow {
	id: string;
	period: string;
	repId: string | null;
	amount: number;
	actual: number;
	error: number;
	accuracy: number;
}

/** KPI 11 (spec/kpis.md): forecasts of periods inside P and ended by asOf, against won value. */
export interface ForecastAccuracyResult {
	count: number;
	accuracy: number | null;
	bias: number | null;
	/** extra: sums over the rows. */
	amount: number;
	actual: number;
	rows: ForecastRow[];
	/**
	 * extra: the filters given but not applied, present only when a campaign or origin filter
	 * was given: forecasts name neither, so these figures keep only the rep filter.
	 */
	unfilteredBy?: ('campaigns' | 'origins')[];
}
