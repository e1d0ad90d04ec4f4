// Problems found in an imported file, and how they read to a person.
//
// A problem names the file, the record list, the index and the field, so that someone can open
// the file and find the spot: `team-a.json: leads[12].createdAt: "2026-13-01" is not a date`.

export interface FileProblem {
	file: string;
	list?: string;
	index?: number;
	field?: string;
	message: string;
}

/** Collects problems up to a cap, so a broken 1M-row file gives a readable report. */
export const MAX_PROBLEMS = 1000;

/** One line: `file: list[index].field: message`, or `file message` when no place is named. */
export function formatProblem(p: FileProblem): string {
	let where = '';
	if (p.list !== undefined) {
		where = p.index !== undefined ? `${p.list}[${p.index}]` : p.list;
		if (p.field) where += '.' + p.field;
	} else if (p.field) {
		where = p.field;
	}
	// Without a place the message reads as a sentence about the file: "a.json is empty".
	return where ? `${p.file}: ${where}: ${p.message}` : `${p.file} ${p.message}`;
}

export class ProblemList {
	readonly items: FileProblem[] = [];
	private dropped = 0;

	constructor(
		readonly file: string,
		private readonly cap = MAX_PROBLEMS
	) {}

	add(p: Omit<FileProblem, 'file'>): void {
		if (this.items.length < this.cap) this.items.push({ file: this.file, ...p });
		else this.dropped++;
	}

	get count(): number {
		return this.items.length + this.dropped;
	}

	/** The problems, with a last line "has N more problems" when the cap was reached. */
	result(): FileProblem[] {
		if (this.dropped === 0) return this.items;
		const more = this.dropped === 1 ? 'has 1 more problem' : `has ${this.dropped} more problems`;
		return [...this.items, { file: this.file, message: more }];
	}
}

/** A value as it appears in a message: strings quoted, long ones cut. */
export function showValue(v: unknown): string {
	if (v === null) return 'null';
	if (Array.isArray(v)) return 'a list';
	switch (typeof v) {
		case 'string': {
			const s = JSON.stringify(v.length > 60 ? v.slice(0, 57) + '...' : v);
			return s;
		}
		case 'number':
		case 'boolean':
			return String(v);
		case 'object':
			return 'an object';
		default:
			return typeof v;
	}
}
