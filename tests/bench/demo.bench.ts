// Demo-data generation in Node (the same code runs in the page for "Try with demo data").
import { generateDemo } from '../../src/lib/demo/generate-demo';
import { report, timeMedian } from './bench-util';

for (const [size, runs] of [
	['S', 7],
	['M', 5],
	['L', 3]
] as const) {
	let records = 0;
	const ms = await timeMedian(() => {
		const f = generateDemo({ size });
		records = f.leads.length + f.activities.length + f.stageEvents.length + f.customers.length;
	}, runs);
	report({
		figure: `demo data: generate ${size}`,
		median: ms,
		unit: 'ms',
		runs,
		note: `${records.toLocaleString('en')} records`
	});
}
