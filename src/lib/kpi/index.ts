// The KPI engine's public surface (relative imports only: the worker and the CLI load it too).
export {
	buildDataset,
	datasetFromRecords,
	updateDataset,
	workspaceSummary,
	type DatasetChange,
	type DatasetEntities,
	type DatasetInput,
	type KpiDataset,
	type WorkspaceSummary
} from './dataset';
export { computeKpis, computeTileKpis } from './compute';
export { kpiRecords } from './kpi-records';
export * from './result-types';
