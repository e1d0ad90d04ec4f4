// The KPI engine's public surface (relative imports only: the worker and the CLI load it too).
export { buildDataset, datasetFromRecords, type DatasetInput, type KpiDataset } from './dataset';
export { computeKpis } from './compute';
export { kpiRecords } from './kpi-records';
export { updateDataset, type DatasetChange } from './update';
export * from './result-types';
