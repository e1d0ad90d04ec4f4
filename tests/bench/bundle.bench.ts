// Bundle sizes from the production build (scripts/bundle-budget.mjs): the JavaScript of the
// first screen (main thread), the KPI worker script the dashboard starts at once, and the lazy
// ECharts chunk, all gzip. Builds first when there is no build.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { report } from './bench-util';

if (
	!existsSync('.svelte-kit/output/client/.vite/manifest.json') ||
	!existsSync('build/index.html')
) {
	const b = spawnSync('npm', ['run', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
	if (b.status !== 0) throw new Error('build failed');
}

interface Budget {
	route: string;
	firstScreenKiB: number;
	firstScreenFiles: number;
	echartsKiB: number;
	kpiWorkerKiB: number;
	budgets: { firstScreenKiB: number; echartsKiB: number; kpiWorkerKiB: number };
}

function measure(route: string): Budget {
	// Exit status 1 only means "over budget": the figures are printed either way.
	const r = spawnSync(process.execPath, ['scripts/bundle-budget.mjs', '--json', '--route', route], {
		encoding: 'utf8'
	});
	const line = r.stdout.trim().split('\n').pop() ?? '';
	return JSON.parse(line) as Budget;
}

for (const route of ['/', '/kpi']) {
	const b = measure(route);
	report({
		figure: `First-screen JavaScript, gzip (${route}, main thread)`,
		median: b.firstScreenKiB,
		unit: 'KiB',
		target: b.budgets.firstScreenKiB,
		note: `${b.firstScreenFiles} files`
	});
}
const b = measure('/');
report({
	figure: 'KPI worker script, gzip (started by the dashboard)',
	median: b.kpiWorkerKiB,
	unit: 'KiB',
	target: b.budgets.kpiWorkerKiB
});
report({
	figure: 'ECharts chunk, gzip (lazy, KPI pages only)',
	median: b.echartsKiB,
	unit: 'KiB',
	target: b.budgets.echartsKiB
});
