// Scrolling measured the same way for every browser benchmark (the leads grid, the board):
// frames timed with requestAnimationFrame, long tasks from a PerformanceObserver, and the CPU
// time all of Chromium spent, from /proc (on a shared machine wall time mostly measures the
// other jobs, CPU time measures the work).
import { readdirSync, readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';

/** The two wheel patterns: small steps as a trackpad gives, and big jumps. */
export const SCROLL_PATTERNS = [
	{ name: '100 px wheel steps', step: 100, count: 120 },
	{ name: '2000 px jumps', step: 2000, count: 40 }
] as const;

export interface ScrollRun {
	/** Frame intervals (ms) while scrolling. */
	frames: number[];
	/** Durations (ms) of the long tasks while scrolling. */
	long: number[];
	/** Chromium CPU time per wheel step (ms); NaN when /proc cannot tell. */
	cpuPerStep: number;
	/** The page's longest main-thread task by CPU time (ms, Chromium trace); NaN untraced. */
	longestTaskCpu: number;
}

interface TraceEvent {
	name: string;
	ph: string;
	pid: number;
	tid: number;
	ts: number;
	dur?: number;
	tdur?: number;
	args?: { name?: string; data?: { frame?: string } };
}

/** One task of the page's renderer main thread: start (ms, trace clock), wall and CPU time. */
export interface MainTask {
	at: number;
	wall: number;
	cpu: number;
}

/**
 * Runs `fn` with a Chromium trace and returns the tasks of the busiest renderer main thread (the
 * page's) and its navigationStart, if `fn` navigated. Thread CPU time is what the page's work
 * cost; wall time also holds the waits for a core on a shared machine.
 */
export async function traceMainThread(
	ctx: BrowserContext,
	page: Page,
	fn: () => Promise<void>
): Promise<{ tasks: MainTask[]; navigationStart?: number }> {
	const cdp = await ctx.newCDPSession(page);
	const events: TraceEvent[] = [];
	cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
	const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
	await cdp.send('Tracing.start', {
		categories: 'devtools.timeline,disabled-by-default-devtools.timeline',
		transferMode: 'ReportEvents'
	});
	try {
		await fn();
	} finally {
		await cdp.send('Tracing.end');
		await complete;
		await cdp.detach();
	}
	const mains = new Set(
		events
			.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
			.map((e) => `${e.pid}:${e.tid}`)
	);
	const busy = new Map<string, number>();
	const runs = events.filter((e) => e.ph === 'X' && e.name === 'RunTask');
	for (const t of runs) {
		const k = `${t.pid}:${t.tid}`;
		if (mains.has(k)) busy.set(k, (busy.get(k) ?? 0) + (t.tdur ?? 0));
	}
	const main = [...busy].sort((a, b) => b[1] - a[1])[0]?.[0];
	const nav = events.find((e) => e.name === 'navigationStart' && `${e.pid}:${e.tid}` === main);
	return {
		tasks: runs
			.filter((t) => `${t.pid}:${t.tid}` === main)
			.map((t) => ({ at: t.ts / 1000, wall: (t.dur ?? 0) / 1000, cpu: (t.tdur ?? 0) / 1000 })),
		navigationStart: nav ? nav.ts / 1000 : undefined
	};
}

export function p95(values: number[]): number {
	const s = [...values].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))];
}

/**
 * CPU time (ms) used so far by the Chromium started on `profileDir` and all its child
 * processes (renderer, storage, GPU), from /proc. Linux only; NaN elsewhere.
 */
export function chromiumCpuMs(profileDir: string): number {
	try {
		const parent = new Map<number, number>();
		const cpu = new Map<number, number>();
		let root = -1;
		for (const name of readdirSync('/proc')) {
			if (!/^\d+$/.test(name)) continue;
			const pid = Number(name);
			let stat: string;
			let cmd: string;
			try {
				stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
				cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
			} catch {
				continue; // Gone meanwhile.
			}
			// Fields after the command name in parentheses: state ppid ... utime(14) stime(15).
			const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			parent.set(pid, Number(f[1]));
			cpu.set(pid, Number(f[11]) + Number(f[12]));
			if (cmd.includes(`--user-data-dir=${profileDir}`) && !cmd.includes('--type=')) root = pid;
		}
		if (root < 0) return NaN;
		let ticks = 0;
		for (const [pid, t] of cpu) {
			let p: number | undefined = pid;
			while (p !== undefined && p > 1 && p !== root) p = parent.get(p);
			if (p === root) ticks += t;
		}
		return (ticks * 1000) / 100; // USER_HZ is 100 on Linux.
	} catch {
		return NaN;
	}
}

type Watch = { __frames: number[]; __long: number[]; __on: boolean };

/** Starts timing frames and long tasks in the page (once per page; idle until a scroll). */
export async function watchFrames(page: Page): Promise<void> {
	await page.evaluate(() => {
		const w = window as unknown as Watch;
		w.__frames = [];
		w.__long = [];
		w.__on = false;
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) if (w.__on) w.__long.push(e.duration);
		}).observe({ type: 'longtask', buffered: false });
		let last = performance.now();
		const tick = (t: number) => {
			if (w.__on) w.__frames.push(t - last);
			last = t;
			requestAnimationFrame(tick);
		};
		requestAnimationFrame(tick);
	});
}

/**
 * Turns the wheel `count` times by `step` px (the mouse must be over the scroller, and
 * watchFrames must have run), one step about every frame, and returns what the page saw.
 * `profileDir`: Chromium's profile, for the CPU time; `ctx`: trace the main thread too.
 */
export async function wheelScroll(
	page: Page,
	step: number,
	count: number,
	profileDir?: string,
	ctx?: BrowserContext
): Promise<ScrollRun> {
	await page.evaluate(() => {
		const w = window as unknown as Watch;
		w.__frames = [];
		w.__long = [];
		w.__on = true;
	});
	const cpu0 = profileDir ? chromiumCpuMs(profileDir) : NaN;
	const turn = async () => {
		for (let i = 0; i < count; i++) {
			await page.mouse.wheel(0, step);
			await page.waitForTimeout(16);
		}
		await page.waitForTimeout(300);
	};
	const traced = ctx ? await traceMainThread(ctx, page, turn) : (await turn(), undefined);
	const cpu = profileDir ? chromiumCpuMs(profileDir) - cpu0 : NaN;
	const seen = await page.evaluate(() => {
		const w = window as unknown as Watch;
		w.__on = false;
		return { frames: w.__frames, long: w.__long };
	});
	const longestTaskCpu = traced ? Math.max(0, ...traced.tasks.map((t) => t.cpu)) : NaN;
	return { ...seen, cpuPerStep: cpu / count, longestTaskCpu };
}
