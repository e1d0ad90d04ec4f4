// Import and export in Node (the same code the import worker runs): parse and validate a
// 100k-row deals CSV; serialize the L demo workspace to the shared file; merge two L files.
import { defaultStages } from '../../src/lib/domain/default-pipeline';
import { generateDemo } from '../../src/lib/demo/generate-demo';
import {
	BUILT_IN_PRESETS,
	convertTable,
	presetMappingFor,
	readCsv
} from '../../src/lib/io/csv-import';
import {
	mergeSharedFiles,
	parseSharedFile,
	serializeSharedFile
} from '../../src/lib/io/shared-file';
import { planMerge } from '../../src/lib/io/merge-plan';
import { sharedFileBytes } from '../../src/lib/io/shared-file-bytes';
import { activityBlockFromRows, bucketOf, stageEventBlockFromRows } from '../../src/lib/db/blocks';
import { activitiesToColumns, stageEventsToColumns } from '../../src/lib/domain/columns';
import { report, timeMedian } from './bench-util';

/** Median wall ms of `fn`, and the process CPU ms per run over the same runs (less swayed by a
 * busy machine than the wall time). */
async function timed(fn: () => unknown, runs: number, warmup = 1) {
	const c = process.cpuUsage();
	const wall = await timeMedian(fn, runs, warmup);
	const u = process.cpuUsage(c);
	return { wall, cpu: (u.user + u.system) / 1000 / (runs + warmup) };
}

const NOW = '2026-11-27T10:00:00.000Z';

/** A deals CSV in the Maven layout: 30 reps, every stage, dates over 2016-2017. */
function dealsCsv(rows: number): string {
	const stages = ['Won', 'Lost', 'Engaging', 'Prospecting'];
	const lines = [
		'opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value'
	];
	for (let i = 0; i < rows; i++) {
		const stage = stages[i % 4];
		const month = String((i % 12) + 1).padStart(2, '0');
		const day = String((i % 28) + 1).padStart(2, '0');
		const engaged = stage === 'Prospecting' ? '' : `2016-${month}-${day}`;
		const closed = stage === 'Won' || stage === 'Lost' ? `2017-${month}-${day}` : '';
		const value = stage === 'Won' ? String(100 + (i % 5000)) : stage === 'Lost' ? '0' : '';
		lines.push(
			`D${i.toString(36).padStart(7, '0')},Rep ${i % 30},GTX Basic,Account ${i % 85},${stage},${engaged},${closed},${value}`
		);
	}
	return lines.join('\n') + '\n';
}

const ROWS = 100_000;
const csv = dealsCsv(ROWS);
const bytes = new TextEncoder().encode(csv);
const maven = BUILT_IN_PRESETS.find((p) => p.id === 'maven-crm')!;
const ctx = {
	timeZone: 'UTC',
	now: NOW,
	stages: defaultStages(NOW),
	reps: [],
	campaigns: [],
	meRepId: 'me'
};
let problems = -1;
const { wall: parseMs, cpu: parseCpu } = await timed(() => {
	const read = readCsv(bytes);
	const r = convertTable(
		read.table,
		{
			kind: 'leads',
			dateOrder: read.summary.dateOrder,
			decimalComma: read.summary.decimalComma,
			mapping: presetMappingFor(maven, read.table.headers),
			stageMap: maven.stageMap,
			closedFromStageId: maven.closedFromStageId
		},
		ctx
	);
	problems = r.problemCount;
}, 5);
if (problems !== 0) throw new Error(`the generated CSV has ${problems} problems`);
report({
	figure: 'Parse + detect + validate + convert a 100k-row deals CSV (Node)',
	median: Math.round(ROWS / (parseMs / 1000)),
	unit: 'rows/s',
	target: 100_000,
	better: 'higher',
	runs: 5,
	note: `${Math.round(parseMs)} ms for ${(bytes.length / 1e6).toFixed(1)} MB; CPU ${Math.round(parseCpu)} ms a run (${Math.round(ROWS / (parseCpu / 1000)).toLocaleString('en-US')} rows per CPU second)`
});

const a = generateDemo({ size: 'L', seed: 1, now: NOW, timeZone: 'Europe/Copenhagen' });
let text = '';
const { wall: exportMs, cpu: exportCpu } = await timed(() => {
	text = serializeSharedFile(a);
}, 3);
report({
	figure: 'Export the L demo workspace to the shared file (serialize, Node)',
	median: Math.round(exportMs),
	unit: 'ms',
	target: 3000,
	runs: 3,
	note: `${(text.length / 1e6).toFixed(0)} MB; CPU ${Math.round(exportCpu)} ms a run`
});

// What the export worker does: the logs written from their stored blocks, into UTF-8 bytes
// handed to a Blob one megabyte at a time.
function blocksOf<T extends { leadId?: string | null }, B>(
	rows: readonly T[],
	make: (bucket: number, rows: T[], tz: string) => B
): B[] {
	const m = new Map<number, T[]>();
	for (const r of rows) {
		const k = bucketOf(r.leadId);
		if (!m.has(k)) m.set(k, []);
		m.get(k)!.push(r);
	}
	return [...m.entries()]
		.sort((x, y) => x[0] - y[0])
		.map(([k, r]) => make(k, r, a.workspace.timeZone));
}
const stored = {
	...a,
	activities: { blocks: blocksOf(a.activities, activityBlockFromRows) },
	stageEvents: { blocks: blocksOf(a.stageEvents, stageEventBlockFromRows) }
};
let fileBytes = 0;
const { wall: bytesMs, cpu: bytesCpu } = await timed(() => {
	const blobs: Blob[] = [];
	sharedFileBytes({ version: 1, exportedAt: NOW, workspace: a.workspace, lists: stored }, (x) =>
		blobs.push(new Blob([x as Uint8Array<ArrayBuffer>]))
	);
	fileBytes = new Blob(blobs).size;
}, 3);
report({
	figure:
		'Export the L demo workspace to shared-file bytes from stored blocks, as the worker does (Node)',
	median: Math.round(bytesMs),
	unit: 'ms',
	target: 3000,
	runs: 3,
	note: `${(fileBytes / 1e6).toFixed(0)} MB in 1 MB Blobs; CPU ${Math.round(bytesCpu)} ms a run`
});

const b = generateDemo({ size: 'L', seed: 2, now: NOW, timeZone: 'Europe/Copenhagen' });
const textB = serializeSharedFile(b);
const { wall: mergeMs, cpu: mergeCpu } = await timed(() => mergeSharedFiles([a, b]), 3);
report({
	figure: 'Merge two L files (records in memory, Node)',
	median: Math.round(mergeMs),
	unit: 'ms',
	target: 10_000,
	runs: 3,
	note: `CPU ${Math.round(mergeCpu)} ms a run`
});
// What the import page does with a teammate's file: parse and check it, then plan the merge
// against the held data (entity rows, logs as stored columns).
const held = {
	...a,
	activities: activitiesToColumns(a.activities, a.workspace.timeZone),
	stageEvents: stageEventsToColumns(a.stageEvents, a.workspace.timeZone)
};
const { wall: planMs, cpu: planCpu } = await timed(
	() => {
		const pb = parseSharedFile(textB, 'b.json');
		if (!pb.ok) throw new Error('L file refused');
		planMerge(held, pb.file, a.workspace.timeZone, { uniqueIds: true });
	},
	1,
	0
);
report({
	figure: 'Parse, check and plan the merge of an L file into held L data (Node)',
	median: Math.round(planMs),
	unit: 'ms',
	target: 10_000,
	runs: 1,
	note: `CPU ${Math.round(planCpu)} ms`
});
const fullMs = await timeMedian(
	() => {
		const pa = parseSharedFile(text, 'a.json');
		const pb = parseSharedFile(textB, 'b.json');
		if (!pa.ok || !pb.ok) throw new Error('L file refused');
		mergeSharedFiles([pa.file, pb.file]);
	},
	1,
	0
);
report({
	figure: 'Parse, check and merge two L files (Node)',
	median: Math.round(fullMs),
	unit: 'ms',
	target: 10_000,
	runs: 1
});
