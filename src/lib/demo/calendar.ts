// A table of local calendar days in the workspace time zone. Generating a million activities
// must not call Intl per row, so everything time-zone dependent (day starts, month, weekday,
// the date string) is computed once per day here and looked up by index.

import { MS_PER_DAY, MS_PER_HOUR, pad2, toIsoDateInZone, zonedTimeToMs } from '../domain/time';

// Relative activity level per calendar month (index 1..12): the summer holiday in July, the
// autumn push in September to November.
const MONTH_FACTOR = [0, 0.95, 1, 1.05, 1, 1, 0.9, 0.45, 0.9, 1.2, 1.25, 1.2, 0.95];
// Monday .. Sunday.
const WEEKDAY_FACTOR = [1, 1, 1, 1, 0.95, 0.07, 0.04];

export class DayTable {
	/** Number of days. */
	readonly count: number;
	/** Start of day i in epoch ms; `start[count]` is the end of the last day. */
	readonly start: Float64Array;
	readonly year: Uint16Array;
	/** 1..12 */
	readonly month: Uint8Array;
	readonly day: Uint8Array;
	/** 0 = Monday .. 6 = Sunday. */
	readonly weekday: Uint8Array;
	/** Relative activity level of the day (seasonality and weekends). */
	readonly weight: Float64Array;
	readonly maxWeight: number;
	private readonly dates: string[] = [];

	/** Days from the local day holding `fromMs` to the local day holding `toMs`, inclusive. */
	constructor(fromMs: number, toMs: number, timeZone: string) {
		const first = toIsoDateInZone(fromMs, timeZone);
		const last = toIsoDateInZone(toMs, timeZone);
		let y = Number(first.slice(0, 4));
		let m = Number(first.slice(5, 7));
		let d = Number(first.slice(8, 10));
		const days: [number, number, number][] = [];
		for (;;) {
			const iso = `${y}-${pad2(m)}-${pad2(d)}`;
			days.push([y, m, d]);
			this.dates.push(iso);
			if (iso >= last) break;
			const next = new Date(Date.UTC(y, m - 1, d + 1));
			y = next.getUTCFullYear();
			m = next.getUTCMonth() + 1;
			d = next.getUTCDate();
		}
		const n = days.length;
		this.count = n;
		this.start = new Float64Array(n + 1);
		this.year = new Uint16Array(n);
		this.month = new Uint8Array(n);
		this.day = new Uint8Array(n);
		this.weekday = new Uint8Array(n);
		this.weight = new Float64Array(n);
		let max = 0;
		for (let i = 0; i < n; i++) {
			const [yy, mm, dd] = days[i];
			this.start[i] = zonedTimeToMs(yy, mm, dd, timeZone);
			this.year[i] = yy;
			this.month[i] = mm;
			this.day[i] = dd;
			this.weekday[i] = (new Date(Date.UTC(yy, mm - 1, dd)).getUTCDay() + 6) % 7;
			let w = MONTH_FACTOR[mm] * WEEKDAY_FACTOR[this.weekday[i]];
			// Christmas to New Year: most of the team is away.
			if ((mm === 12 && dd >= 21) || (mm === 1 && dd === 1)) w *= 0.2;
			this.weight[i] = w;
			if (w > max) max = w;
		}
		const after = new Date(Date.UTC(days[n - 1][0], days[n - 1][1] - 1, days[n - 1][2] + 1));
		this.start[n] = zonedTimeToMs(
			after.getUTCFullYear(),
			after.getUTCMonth() + 1,
			after.getUTCDate(),
			timeZone
		);
		this.maxWeight = max;
	}

	/** Index of the local day holding instant `ms`, clamped to the table. */
	indexOf(ms: number): number {
		const n = this.count;
		let i = Math.floor((ms - this.start[0]) / MS_PER_DAY);
		if (i < 0) return 0;
		if (i >= n) i = n - 1;
		// Days are 23 to 25 hours long around DST changes: step to the right one.
		while (i > 0 && this.start[i] > ms) i--;
		while (i < n - 1 && this.start[i + 1] <= ms) i++;
		return i;
	}

	/** `YYYY-MM-DD` of day i. */
	date(i: number): string {
		return this.dates[i];
	}

	/** Hours since the start of the local day (0..24). */
	hourOf(ms: number, i: number): number {
		return (ms - this.start[i]) / MS_PER_HOUR;
	}

	isWorkday(i: number): boolean {
		return this.weekday[i] < 5;
	}
}
