// The command-line report end to end: real data (Maven CRM), demo data against the reference
// implementation, merging, and refusal of bad input.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../src/lib/demo/generate-demo';
import { computeKpis, datasetFromRecords, RESULT_KEYS } from '../../src/lib/kpi';
import { referenceKpis } from '../reference/kpi-reference';
import { MAVEN_PIPELINE } from '../fixtures/external-data';
import { convertMavenPipeline } from '../reference/maven-crm';

const MAVEN = MAVEN_PIPELINE;
const dir = mkdtempSync(path.join(os.tmpdir(), 'tragt-kpi-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[]) {
	const r = spawnSync(
		process.execPath,
		['node_modules/tsx/dist/cli.mjs', 'scripts/kpi.ts', ...args],
		{
			encoding: 'utf8',
			maxBuffer: 64 * 1024 * 1024
		}
	);
	return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('Maven CRM sales pipeline', () => {
	const file = convertMavenPipeline(readFileSync(MAVEN, 'utf8'));
	const from = Date.UTC(2016, 9, 1);
	const to = Date.UTC(2018, 0, 1);

	it('gives the published win rate and won value through computeKpis', () => {
		const r = computeKpis(datasetFromRecords(file, 'UTC'), { from, to, now: to });
		expect(r.winLoss.won).toBe(4238);
		expect(r.winLoss.lost).toBe(2473);
		expect(r.winLoss.winRate).toBe(4238 / 6711);
		expect(r.winLoss.wonValue).toBe(10_005_534);
	});

	it('gives the same figures through the command line', () => {
		const p = path.join(dir, 'maven.json');
		writeFileSync(p, JSON.stringify(file));
		const out = cli([
			p,
			'--from',
			'2016-10-01',
			'--to',
			'2018-01-01',
			'--now',
			'2018-01-01T00:00:00Z'
		]);
		expect(out.stderr).toBe('');
		expect(out.status).toBe(0);
		const r = JSON.parse(out.stdout);
		expect(r.winLoss.winRate).toBe(4238 / 6711);
		expect(r.winLoss.wonValue).toBe(10_005_534);
		// The thirteen KPIs, then the figures of targets-and-forecast.md, in the registry's order.
		expect(Object.keys(r)).toEqual([...RESULT_KEYS]);
		expect(r.targets.rows).toEqual([]);
		expect(r.weightedPipeline.range.sd).toBeGreaterThan(0);
	}, 30_000);
});

describe('command line on demo data', () => {
	it('prints what the reference implementation computes for an S file, with a rep filter', () => {
		const demo = generateDemo({ size: 'S', seed: 3 });
		const p = path.join(dir, 'demo-s.json');
		writeFileSync(p, JSON.stringify(demo));
		const rep = demo.reps[0].id;
		const out = cli([
			p,
			'--from',
			'2025-03-01',
			'--to',
			'2026-03-01',
			'--now',
			'2026-11-27T12:00:00Z',
			'--tz',
			'Europe/Copenhagen',
			'--granularity',
			'week',
			'--pipeline-mode',
			'historical',
			'--rep',
			rep
		]);
		expect(out.status).toBe(0);
		const expected = referenceKpis(demo, {
			from: Date.parse('2025-03-01T00:00:00+01:00'),
			to: Date.parse('2026-03-01T00:00:00+01:00'),
			now: Date.parse('2026-11-27T12:00:00Z'),
			timeZone: 'Europe/Copenhagen',
			granularity: 'week',
			pipelineMode: 'historical',
			reps: [rep]
		});
		// JSON drops nothing the result holds (no undefined, no NaN), so compare through it.
		expect(JSON.parse(out.stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
		expect(expected.activities.total).toBeGreaterThan(0);
	}, 60_000);

	it('merges two files by the data-format rules before computing', () => {
		const demo = generateDemo({ size: 'S', seed: 5 });
		const half = Math.floor(demo.leads.length / 2);
		const a = { ...demo, leads: demo.leads.slice(0, half) };
		const b = { ...demo, leads: demo.leads.slice(half) };
		writeFileSync(path.join(dir, 'a.json'), JSON.stringify(a));
		writeFileSync(path.join(dir, 'b.json'), JSON.stringify(b));
		const args = ['--from', '2025-01-01', '--to', '2026-01-01', '--now', '2026-11-27T12:00:00Z'];
		const merged = cli([path.join(dir, 'a.json'), path.join(dir, 'b.json'), ...args]);
		expect(merged.status).toBe(0);
		const whole = computeKpis(datasetFromRecords(demo, 'UTC'), {
			from: Date.UTC(2025, 0, 1),
			to: Date.UTC(2026, 0, 1),
			now: Date.parse('2026-11-27T12:00:00Z')
		});
		const r = JSON.parse(merged.stdout);
		expect(r.winLoss).toEqual(whole.winLoss);
		expect(r.leadOrigin.cohort).toBe(whole.leadOrigin.cohort);
	}, 60_000);
});

describe('command line refusals', () => {
	it('names the file, list, index and field of a bad record and exits non-zero', () => {
		const demo = generateDemo({ size: 'S', seed: 2 });
		demo.leads[3] = { ...demo.leads[3], createdAt: '2025-13-45' };
		const p = path.join(dir, 'bad.json');
		writeFileSync(p, JSON.stringify(demo));
		const out = cli([p, '--from', '2025-01-01', '--to', '2026-01-01']);
		expect(out.status).not.toBe(0);
		expect(out.stdout).toBe('');
		expect(out.stderr).toContain('bad.json');
		expect(out.stderr).toContain('leads[3].createdAt');
	}, 30_000);

	it('refuses a bad argument with a message and the usage', () => {
		const out = cli(['x.json', '--from', '2025-01-01', '--to', '2024-01-01']);
		expect(out.status).not.toBe(0);
		expect(out.stderr).toContain('--to must be later than --from');
		expect(out.stderr).toContain('Usage: npm run kpi');
	}, 30_000);

	it('names a missing file', () => {
		const out = cli([path.join(dir, 'nope.json'), '--from', '2025-01-01', '--to', '2026-01-01']);
		expect(out.status).not.toBe(0);
		expect(out.stderr).toContain('nope.json');
	}, 30_000);

	it("reads a version-2 file's targets, and a version-1 file as one with none", () => {
		const U = '2026-01-01T00:00:00Z';
		const file = {
			format: 'tragt',
			version: 2,
			exportedAt: U,
			workspace: { name: 'T', currency: 'DKK', timeZone: 'UTC' },
			reps: [{ id: 'r1', updatedAt: U, name: 'Ann', active: true }],
			stages: [
				{
					id: 'lead',
					updatedAt: U,
					name: 'Lead',
					order: 0,
					kind: 'open',
					probability: 0.1,
					qualified: false
				}
			],
			campaigns: [],
			leads: [
				{
					id: 'l1',
					updatedAt: U,
					name: 'A',
					ownerId: 'r1',
					origin: 'sales',
					createdAt: '2026-03-02',
					stageId: 'lead'
				},
				{
					id: 'l2',
					updatedAt: U,
					name: 'B',
					ownerId: 'r1',
					origin: 'sales',
					createdAt: '2026-03-20',
					stageId: 'lead'
				}
			],
			stageEvents: [],
			activities: [],
			customers: [],
			forecasts: [],
			targets: [
				{
					id: 't1',
					updatedAt: U,
					metric: 'newLeads',
					repId: 'r1',
					from: '2026-03-01',
					to: '2026-03-31',
					amount: 4
				}
			]
		};
		const args = ['--from', '2026-03-01', '--to', '2026-04-01', '--now', '2026-04-01T00:00:00Z'];
		const v2 = path.join(dir, 'targets-v2.json');
		writeFileSync(v2, JSON.stringify(file));
		const out = cli([v2, ...args]);
		expect(out.stderr).toBe('');
		expect(out.status).toBe(0);
		const rows = JSON.parse(out.stdout).targets.rows;
		expect(rows.map((r: Record<string, unknown>) => [r.id, r.actual, r.amount, r.status])).toEqual([
			['t1', 2, 4, 'behind']
		]);

		const v1 = path.join(dir, 'targets-v1.json');
		const { targets: _, ...old } = file;
		writeFileSync(v1, JSON.stringify({ ...old, version: 1 }));
		const out1 = cli([v1, ...args]);
		expect(out1.status).toBe(0);
		expect(out1.stderr).toContain('upgraded from version 1 to 2');
		expect(JSON.parse(out1.stdout).targets.rows).toEqual([]);
	}, 30_000);
});
