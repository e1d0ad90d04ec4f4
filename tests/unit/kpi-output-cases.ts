// The `npm run kpi` output pinned on the demo files: the cases, and the SHA-256 of the JSON the
// command line prints for each (the same code path as scripts/kpi.ts, in process). The golden
// hashes in tests/fixtures/kpi-output/golden.json were written by `npx tsx
// scripts/kpi-golden.ts` on the engine before it was split into one module per KPI; a change
// that is meant to change the figures rewrites them, with its reason in the commit.
import { createHash } from 'node:crypto';
import { generateDemo, type DemoSize } from '../../src/lib/demo/generate-demo';
import { parseKpiArgs } from '../../src/lib/kpi/cli-args';
import { computeKpis, datasetFromRecords } from '../../src/lib/kpi/index';

export const DEMO_NOW = '2026-11-27T12:00:00Z';
export const SIZES: DemoSize[] = ['S', 'M', 'L'];

/** Command lines (after the file name) covering periods, zones, filters and both modes. */
export const CASES: string[] = [
	'--from 2026-01-01 --to 2027-01-01',
	'--from 2026-10-01 --to 2026-11-01 --granularity week --tz Europe/Copenhagen',
	'--from 2025-01-01 --to 2026-12-01 --pipeline-mode historical --granularity day',
	'--from 2026-06-01 --to 2026-12-01 --origin marketing --campaign -',
	'--from 2026-01-01 --to 2026-12-01 --rep REP1 --pipeline-mode historical'
];

/** SHA-256 of what `npm run kpi -- demo-<size>.json <args> --now DEMO_NOW` prints, per case. */
export function outputHashes(size: DemoSize): Record<string, string> {
	const file = generateDemo({ size, now: DEMO_NOW });
	// The second rep of the file (the first in S): a rep filter that keeps some, not all.
	const rep = file.reps[Math.min(1, file.reps.length - 1)].id;
	const out: Record<string, string> = {};
	const datasets = new Map<string, ReturnType<typeof datasetFromRecords>>();
	for (const line of CASES) {
		const argv = ['demo.json', ...line.replace('REP1', rep).split(' '), '--now', DEMO_NOW];
		const parsed = parseKpiArgs(argv, Date.now());
		if (parsed.ok !== true) throw new Error(`bad case ${line}`);
		const a = parsed.args;
		let ds = datasets.get(a.timeZone);
		if (!ds) datasets.set(a.timeZone, (ds = datasetFromRecords(file, a.timeZone)));
		const result = computeKpis(ds, {
			from: a.from,
			to: a.to,
			now: a.now,
			timeZone: a.timeZone,
			reps: a.reps,
			campaigns: a.campaigns,
			origins: a.origins,
			granularity: a.granularity,
			pipelineMode: a.pipelineMode
		});
		const text = JSON.stringify(result, null, 2) + '\n';
		out[line] = createHash('sha256').update(text).digest('hex');
	}
	return out;
}
