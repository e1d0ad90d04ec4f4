// @vitest-environment node
// `npm run kpi` prints the same JSON, byte for byte, on the S, M and L demo files as the engine
// did before it became one module per KPI (tests/unit/kpi-output-cases.ts says how the golden
// hashes were made).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CASES, DEMO_NOW, outputHashes, SIZES } from './kpi-output-cases';

const golden = JSON.parse(
	readFileSync(new URL('../fixtures/kpi-output/golden.json', import.meta.url), 'utf8')
) as Record<string, Record<string, string>>;

describe('npm run kpi on the demo files', () => {
	for (const size of SIZES) {
		it(`prints the pinned JSON for every case on ${size}`, { timeout: 180_000 }, () => {
			expect(outputHashes(size)).toEqual(golden[size]);
		});
	}

	const dir = mkdtempSync(join(tmpdir(), 'tragt-kpi-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('the command line itself prints those bytes (S)', { timeout: 120_000 }, () => {
		const file = join(dir, 'demo-S.json');
		const tsx = join(process.cwd(), 'node_modules/.bin/tsx');
		execFileSync(tsx, ['scripts/demo.ts', '--size', 'S', '--now', DEMO_NOW, '--out', file], {
			stdio: 'pipe'
		});
		const printed = execFileSync(tsx, [
			'scripts/kpi.ts',
			file,
			...CASES[0].split(' '),
			'--now',
			DEMO_NOW
		]);
		expect(createHash('sha256').update(printed).digest('hex')).toBe(golden.S[CASES[0]]);
	});
});
