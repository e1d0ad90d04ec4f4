// Argument parsing of the command-line KPI report (scripts/kpi.ts), pure so it can be tested.
//
//   npm run kpi -- FILE.json [FILE2.json ...] --from 2025-01-01 --to 2025-07-01
//     [--now 2026-01-01T00:00:00Z] [--tz Europe/Copenhagen] [--rep ID ...]
//     [--campaign ID|- ...] [--origin marketing|sales ...]
//     [--granularity day|week|month] [--pipeline-mode configured|historical]

import { isValidTimeZone, parseInstant } from '../domain/time';
import type { Origin } from '../domain/types';
import type { Granularity, PipelineMode } from './result-types';

export const KPI_USAGE = `Usage: npm run kpi -- FILE.json [FILE2.json ...] --from DATE --to DATE [options]
  --from, --to     the period [from, to); a date (start of that day in --tz) or an instant
  --now            the current instant (default: now); results use asOf = min(to, now)
  --tz             IANA time zone for dates and buckets (default UTC)
  --rep ID         keep only this rep's records; repeat for several reps
  --campaign ID    keep only leads of this campaign (- for leads without one); repeatable
  --origin O       keep only leads of origin O (marketing or sales); repeatable
                   (campaign and origin filters: see "Extensions beyond the spec" in docs/kpis.md)
  --granularity    day | week | month (default month)
  --pipeline-mode  configured | historical (default configured)
Several files are merged first, as the app merges a teammate's file.`;

export interface KpiCliArgs {
	files: string[];
	from: number;
	to: number;
	now: number;
	timeZone: string;
	reps?: string[];
	/** Extension beyond the spec: '' for leads without a campaign (`--campaign -`). */
	campaigns?: string[];
	origins?: Origin[];
	granularity: Granularity;
	pipelineMode: PipelineMode;
}

export type KpiCliParse =
	{ ok: true; args: KpiCliArgs } | { ok: false; message: string } | { ok: 'help' };

/** Parses argv (without node and script); `nowMs` is the default for --now. */
export function parseKpiArgs(argv: readonly string[], nowMs: number): KpiCliParse {
	const files: string[] = [];
	const reps: string[] = [];
	const campaigns: string[] = [];
	const origins: Origin[] = [];
	const repeatable = new Set(['--rep', '--campaign', '--origin']);
	const raw: Record<string, string> = {};
	const single = new Set(['--from', '--to', '--now', '--tz', '--granularity', '--pipeline-mode']);
	for (let i = 0; i < argv.length; i++) {
		let arg = argv[i];
		if (arg === '--help' || arg === '-h') return { ok: 'help' };
		let value: string | undefined;
		if (arg.startsWith('--') && arg.includes('=')) {
			value = arg.slice(arg.indexOf('=') + 1);
			arg = arg.slice(0, arg.indexOf('='));
		}
		if (repeatable.has(arg) || single.has(arg)) {
			if (value === undefined) {
				value = argv[++i];
				if (value === undefined || value.startsWith('--')) {
					return { ok: false, message: `${arg} needs a value` };
				}
			}
			if (arg === '--rep') reps.push(value);
			else if (arg === '--campaign') campaigns.push(value === '-' ? '' : value);
			else if (arg === '--origin') {
				if (value !== 'marketing' && value !== 'sales') {
					return { ok: false, message: `--origin must be marketing or sales, not ${value}` };
				}
				if (!origins.includes(value)) origins.push(value);
			} else if (arg in raw) return { ok: false, message: `${arg} is given twice` };
			else raw[arg] = value;
		} else if (arg.startsWith('-') && arg !== '-') {
			return { ok: false, message: `unknown option ${arg}` };
		} else {
			files.push(arg);
		}
	}
	if (files.length === 0) return { ok: false, message: 'name at least one file' };
	const timeZone = raw['--tz'] ?? 'UTC';
	if (!isValidTimeZone(timeZone))
		return { ok: false, message: `--tz ${timeZone} is not a time zone` };
	const instant = (name: string): number | string => {
		const v = raw[name];
		if (v === undefined) return `${name} is required`;
		const t = parseInstant(v, timeZone);
		return Number.isNaN(t) ? `${name} ${v} is not a date or an instant` : t;
	};
	const from = instant('--from');
	if (typeof from === 'string') return { ok: false, message: from };
	const to = instant('--to');
	if (typeof to === 'string') return { ok: false, message: to };
	if (!(to > from)) return { ok: false, message: '--to must be later than --from' };
	let now = nowMs;
	if (raw['--now'] !== undefined) {
		const t = instant('--now');
		if (typeof t === 'string') return { ok: false, message: t };
		now = t;
	}
	const granularity = raw['--granularity'] ?? 'month';
	if (granularity !== 'day' && granularity !== 'week' && granularity !== 'month') {
		return { ok: false, message: `--granularity must be day, week or month, not ${granularity}` };
	}
	const pipelineMode = raw['--pipeline-mode'] ?? 'configured';
	if (pipelineMode !== 'configured' && pipelineMode !== 'historical') {
		return {
			ok: false,
			message: `--pipeline-mode must be configured or historical, not ${pipelineMode}`
		};
	}
	const args: KpiCliArgs = { files, from, to, now, timeZone, granularity, pipelineMode };
	if (reps.length > 0) args.reps = reps;
	if (campaigns.length > 0) args.campaigns = campaigns;
	if (origins.length > 0) args.origins = origins;
	return { ok: true, args };
}
