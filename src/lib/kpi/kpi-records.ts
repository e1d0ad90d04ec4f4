export function kpiRecords(): string[] {
	return [];
}
