export type DatasetChange = never;
export function updateDataset(): void {}
