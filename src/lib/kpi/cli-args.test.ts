import { describe, expect, it } from 'vitest';
import { parseKpiArgs } from './cli-args';

const NOW = Date.UTC(2026, 10, 27, 12);

describe('parseKpiArgs', () => {
	it('reads files, a period of dates in UTC by default, and the defaults', () => {
		const r = parseKpiArgs(['a.json', 'b.json', '--from', '2025-01-01', '--to', '2025-07-01'], NOW);
		expect(r).toEqual({
			ok: true,
			args: {
				files: ['a.json', 'b.json'],
				from: Date.UTC(2025, 0, 1),
				to: Date.UTC(2025, 6, 1),
				now: NOW,
				timeZone: 'UTC',
				granularity: 'month',
				pipelineMode: 'configured'
			}
		});
	});

	it('reads dates as the start of the day in --tz, instants as given, and repeated --rep', () => {
		const r = parseKpiArgs(
			[
				'--tz',
				'Europe/Copenhagen',
				'x.json',
				'--from=2025-07-01',
				'--to',
				'2025-12-01',
				'--now',
				'2025-10-01T10:00:00Z',
				'--rep',
				'r1',
				'--rep',
				'r2',
				'--granularity',
				'week',
				'--pipeline-mode',
				'historical'
			],
			NOW
		);
		expect(r.ok).toBe(true);
		if (r.ok !== true) return;
		// Copenhagen is UTC+2 in July (summer time) and UTC+1 in December.
		expect(r.args.from).toBe(Date.UTC(2025, 5, 30, 22));
		expect(r.args.to).toBe(Date.UTC(2025, 10, 30, 23));
		expect(r.args.now).toBe(Date.UTC(2025, 9, 1, 10));
		expect(r.args.reps).toEqual(['r1', 'r2']);
		expect(r.args.granularity).toBe('week');
		expect(r.args.pipelineMode).toBe('historical');
	});

	it.each([
		[['--from', '2025-01-01', '--to', '2025-02-01'], 'name at least one file'],
		[['a.json', '--to', '2025-02-01'], '--from is required'],
		[['a.json', '--from', '2025-13-01', '--to', '2026-01-01'], '--from 2025-13-01 is not a date'],
		[['a.json', '--from', '2025-02-01', '--to', '2025-01-01'], '--to must be later'],
		[
			['a.json', '--from', '2025-01-01', '--to', '2025-02-01', '--tz', 'Mars/Base'],
			'not a time zone'
		],
		[
			['a.json', '--from', '2025-01-01', '--to', '2025-02-01', '--granularity', 'year'],
			'day, week or month'
		],
		[
			['a.json', '--from', '2025-01-01', '--to', '2025-02-01', '--pipeline-mode', 'x'],
			'configured or historical'
		],
		[['a.json', '--from', '2025-01-01', '--to', '2025-02-01', '--bogus'], 'unknown option --bogus'],
		[['a.json', '--from', '2025-01-01', '--to'], '--to needs a value'],
		[
			['a.json', '--from', '2025-01-01', '--from', '2025-01-02', '--to', '2025-03-01'],
			'given twice'
		],
		[
			['a.json', '--from', '2025-01-01', '--to', '2025-02-01', '--origin', 'web'],
			'marketing or sales'
		]
	])('refuses %j with a message', (argv, message) => {
		const r = parseKpiArgs(argv, NOW);
		expect(r.ok).toBe(false);
		if (r.ok === false) expect(r.message).toContain(message);
	});

	it('reads repeated --campaign (- for "no campaign") and --origin', () => {
		const r = parseKpiArgs(
			[
				'a.json',
				'--from',
				'2025-01-01',
				'--to',
				'2025-02-01',
				'--campaign',
				'c1',
				'--campaign',
				'-',
				'--origin=sales',
				'--origin',
				'sales'
			],
			NOW
		);
		expect(r.ok === true && r.args).toMatchObject({ campaigns: ['c1', ''], origins: ['sales'] });
		const none = parseKpiArgs(['a.json', '--from', '2025-01-01', '--to', '2025-02-01'], NOW);
		expect(none.ok === true && 'campaigns' in none.args).toBe(false);
	});

	it('answers --help', () => {
		expect(parseKpiArgs(['--help'], NOW)).toEqual({ ok: 'help' });
	});
});
