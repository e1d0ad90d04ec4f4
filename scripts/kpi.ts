// `npm run kpi -- FILE.json [...] --from DATE --to DATE [...]`: the KPI report as JSON on
// stdout. Argument rules live in src/lib/kpi/cli-args.ts; file checks and merging in src/lib/io.
import { readFileSync } from 'node:fs';
import type { SharedFile } from '../src/lib/domain/types';
import { formatProblem, mergeSharedFiles, parseSharedFile } from '../src/lib/io/shared-file';
import { KPI_USAGE, parseKpiArgs } from '../src/lib/kpi/cli-args';
import { computeKpis, datasetFromRecords } from '../src/lib/kpi/index';

function fail(message: string): never {
	process.stderr.write(message.endsWith('\n') ? message : message + '\n');
	process.exit(1);
}

const parsed = parseKpiArgs(process.argv.slice(2), Date.now());
if (parsed.ok === 'help') {
	process.stdout.write(KPI_USAGE + '\n');
	process.exit(0);
}
if (parsed.ok === false) fail(`kpi: ${parsed.message}\n\n${KPI_USAGE}`);
const args = parsed.args;

const files: SharedFile[] = [];
const problems: string[] = [];
for (const name of args.files) {
	let text: string;
	try {
		text = readFileSync(name, 'utf8');
	} catch (e) {
		problems.push(`${name}: cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
		continue;
	}
	const r = parseSharedFile(text, name);
	if (r.ok) {
		files.push(r.file);
		for (const w of r.warnings) process.stderr.write(`warning: ${w}\n`); // w names the file
	} else {
		for (const p of r.problems) problems.push(formatProblem(p));
	}
}
if (problems.length > 0) fail(problems.join('\n'));

const merged = files.length === 1 ? files[0] : mergeSharedFiles(files);
// The command line reads date-only values and cuts buckets in --tz (default UTC), per the spec.
const dataset = datasetFromRecords(merged, args.timeZone);
const result = computeKpis(dataset, {
	from: args.from,
	to: args.to,
	now: args.now,
	timeZone: args.timeZone,
	reps: args.reps,
	campaigns: args.campaigns,
	origins: args.origins,
	granularity: args.granularity,
	pipelineMode: args.pipelineMode
});
process.stdout.write(JSON.stringify(result, null, 2) + '\n');
