// `npm run demo` end to end: a real process writing a real file.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SharedFile } from '../domain/types';

const root = process.cwd();
const dir = mkdtempSync(path.join(os.tmpdir(), 'tragt-demo-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]) {
	return spawnSync(
		process.execPath,
		['node_modules/tsx/dist/cli.mjs', 'scripts/demo.ts', ...args],
		{
			cwd: root,
			encoding: 'utf8',
			timeout: 30_000,
			maxBuffer: 256 * 1024 * 1024
		}
	);
}

// Each spawn starts tsx (~0.5 s alone); under load on a shared machine a test can take seconds.
const SPAWN_TIMEOUT = 60_000;

describe('scripts/demo.ts', () => {
	it(
		'writes a parseable shared file of size S with the expected counts',
		() => {
			const out = path.join(dir, 'demo-s.json');
			const result = run(['--size', 'S', '--out', out, '--seed', '7']);
			expect(result.stderr).toContain('wrote');
			expect(result.status).toBe(0);
			const file = JSON.parse(readFileSync(out, 'utf8')) as SharedFile;
			expect(file.format).toBe('tragt');
			expect(file.version).toBe(2);
			expect(file.workspace.timeZone).toBe('Europe/Copenhagen');
			expect(file.reps).toHaveLength(1);
			expect(file.stages).toHaveLength(7);
			expect(file.leads).toHaveLength(1000);
			expect(file.activities.length).toBeGreaterThan(8_000);
			expect(file.stageEvents.length).toBeGreaterThan(2_500);
			expect(file.customers.length).toBeGreaterThan(0);
			expect(file.forecasts.length).toBeGreaterThan(0);
			expect(file.targets).toHaveLength(3);
			// Without --out the same bytes go to standard output (and a second process agrees).
			const piped = run(['--size', 'S', '--seed', '7']);
			expect(piped.status).toBe(0);
			expect(piped.stdout).toBe(readFileSync(out, 'utf8'));
		},
		SPAWN_TIMEOUT
	);

	it(
		'refuses a bad argument with a message and a non-zero exit',
		() => {
			const result = run(['--size', 'XL']);
			expect(result.status).not.toBe(0);
			expect(result.stderr).toContain('--size must be S, M or L');
			expect(result.stdout).toBe('');
			const unknown = run(['--colour', 'blue']);
			expect(unknown.status).not.toBe(0);
			expect(unknown.stderr).toContain('Unknown argument "--colour"');
		},
		SPAWN_TIMEOUT
	);
});
