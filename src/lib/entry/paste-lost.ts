// Which rows of a planned lead paste move a lead into a lost stage without a reason of their
// own: the grid asks one question for all of them (a single-cell move asks for one reason too).
// A row already in that stage is not a move; a reason pasted in the row's own cell is kept.

export function rowsBecomingLost(
	rows: readonly Record<string, unknown>[],
	currentStage: ReadonlyMap<string, unknown>,
	stageKinds: ReadonlyMap<string, string>
): Record<string, unknown>[] {
	return rows.filter(
		(r) =>
			typeof r.stageId === 'string' &&
			stageKinds.get(r.stageId) === 'lost' &&
			(r.id === undefined || currentStage.get(r.id as string) !== r.stageId) &&
			!r.lostReason
	);
}
