// The "team" teammate file of the shared-file benches: my L data as a teammate holds it a week
// later (2% of the leads edited, 1% of the activities deleted, their own M-sized work added).
// One definition for the Node bench and the in-browser step profile (harness), so both time the
// same file. Relative imports: loaded by tsx and by the harness build alike.
import { generateDemo } from '../../src/lib/demo/generate-demo';
import type { SharedFile } from '../../src/lib/domain/types';

const LATER = '2026-12-04T09:00:00.000Z';

export function teamWorkspace(): SharedFile {
	const mine = generateDemo({ size: 'L', seed: 1 });
	const theirs = generateDemo({ size: 'M', seed: 3 });
	mine.leads = mine.leads.map((l, i) =>
		i % 50 === 0 ? { ...l, value: (l.value ?? 0) + 100, updatedAt: LATER } : l
	);
	mine.activities = mine.activities.map((a, i) =>
		i % 100 === 0 && !a.deletedAt ? { ...a, deletedAt: LATER, updatedAt: LATER } : a
	);
	for (const k of ['reps', 'campaigns', 'leads', 'stageEvents', 'activities', 'customers'] as const)
		(mine[k] as unknown[]).push(...theirs[k]);
	mine.exportedAt = LATER;
	return mine;
}
