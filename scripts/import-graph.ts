// The import graph of src/lib and its circles (a → b → a), for tests/unit/import-circles.test.ts.
// No parser: regexes over import/export-from statements, which is enough for this code base
// (statements start a line; `import type` and `export … from` count; so does `import('…')`,
// because a file that loads one that imports it back is still a circle to a reader).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, resolve } from 'node:path';

/** `import … from '…'`, `import type … from '…'`, `export … from '…'`, at the start of a line. */
const FROM_RE = /^[ \t]*(?:import|export)\s+(?:type\s+)?[\w$\s{},*]*?\bfrom\s*['"]([^'"\n]+)['"]/gm;
/** `import '…'` (for its side effects). */
const BARE_RE = /^[ \t]*import\s*['"]([^'"\n]+)['"]/gm;
/** `import('…')` with a literal specifier. */
const DYNAMIC_RE = /\bimport\s*\(\s*['"]([^'"\n]+)['"]\s*\)/g;

/** The module specifiers a source file names, in the order they appear. */
export function importSpecifiers(source: string): string[] {
	const found: { at: number; spec: string }[] = [];
	for (const re of [FROM_RE, BARE_RE, DYNAMIC_RE]) {
		re.lastIndex = 0;
		for (let m = re.exec(source); m !== null; m = re.exec(source)) {
			found.push({ at: m.index, spec: m[1] });
		}
	}
	return found.sort((a, b) => a.at - b.at).map((f) => f.spec);
}

/**
 * The file (a key of `files`) a specifier names, or null when it points outside the scanned
 * files (packages, $app/…, generated code). `from` and the keys are posix paths relative to the
 * project root, e.g. `src/lib/kpi/patch.ts`.
 */
export function resolveSpecifier(
	spec: string,
	from: string,
	files: ReadonlySet<string>,
	libDir = 'src/lib'
): string | null {
	const bare = spec.replace(/[?#].*$/, '');
	let base: string;
	if (bare === '$lib' || bare.startsWith('$lib/')) base = posix.join(libDir, bare.slice(4));
	else if (bare.startsWith('./') || bare.startsWith('../')) {
		base = posix.join(posix.dirname(from), bare);
	} else return null;
	const candidates = [base, base + '.ts', base + '.js', base + '/index.ts', base + '/index.js'];
	if (base.endsWith('.js')) candidates.splice(1, 0, base.slice(0, -3) + '.ts');
	for (const c of candidates) if (files.has(c)) return c;
	return null;
}

export type ImportGraph = Map<string, string[]>;

/** Builds the graph from file texts keyed by path (only edges between those files). */
export function buildImportGraph(
	sources: ReadonlyMap<string, string>,
	libDir = 'src/lib'
): ImportGraph {
	const files = new Set(sources.keys());
	const graph: ImportGraph = new Map();
	for (const [file, text] of sources) {
		const targets: string[] = [];
		for (const spec of importSpecifiers(text)) {
			const to = resolveSpecifier(spec, file, files, libDir);
			if (to !== null && !targets.includes(to)) targets.push(to);
		}
		graph.set(file, targets);
	}
	return graph;
}

/**
 * One circle per strongly connected component of more than one file (or a file importing
 * itself), as a path that starts and ends at the same file: [a, b, a]. Each is a shortest
 * circle through the component's first file (sorted), so the report is stable.
 */
export function findImportCycles(graph: ImportGraph): string[][] {
	const cycles: string[][] = [];
	for (const component of stronglyConnected(graph)) {
		const members = new Set(component);
		const start = [...component].sort()[0];
		const selfLoop = (graph.get(start) ?? []).includes(start);
		if (component.length === 1 && !selfLoop) continue;
		cycles.push(selfLoop ? [start, start] : shortestCycle(graph, start, members));
	}
	return cycles.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** Tarjan's algorithm, iterative (no recursion limit on long chains). */
function stronglyConnected(graph: ImportGraph): string[][] {
	const index = new Map<string, number>();
	const low = new Map<string, number>();
	const onStack = new Set<string>();
	const stack: string[] = [];
	const out: string[][] = [];
	let next = 0;
	for (const root of [...graph.keys()].sort()) {
		if (index.has(root)) continue;
		const work: { node: string; edge: number }[] = [{ node: root, edge: 0 }];
		index.set(root, next);
		low.set(root, next++);
		stack.push(root);
		onStack.add(root);
		while (work.length > 0) {
			const frame = work[work.length - 1];
			const edges = graph.get(frame.node) ?? [];
			if (frame.edge < edges.length) {
				const to = edges[frame.edge++];
				if (!index.has(to)) {
					index.set(to, next);
					low.set(to, next++);
					stack.push(to);
					onStack.add(to);
					work.push({ node: to, edge: 0 });
				} else if (onStack.has(to)) {
					low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
				}
				continue;
			}
			work.pop();
			if (work.length > 0) {
				const parent = work[work.length - 1].node;
				low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
			}
			if (low.get(frame.node) === index.get(frame.node)) {
				const component: string[] = [];
				let member: string;
				do {
					member = stack.pop()!;
					onStack.delete(member);
					component.push(member);
				} while (member !== frame.node);
				out.push(component);
			}
		}
	}
	return out;
}

/** Breadth-first from `start` back to `start`, staying inside the component. */
function shortestCycle(graph: ImportGraph, start: string, members: ReadonlySet<string>): string[] {
	const previous = new Map<string, string>();
	const queue = [start];
	for (let i = 0; i < queue.length; i++) {
		const node = queue[i];
		for (const to of graph.get(node) ?? []) {
			if (!members.has(to)) continue;
			if (to === start) {
				const path = [start];
				for (let at = node; at !== start; at = previous.get(at)!) path.push(at);
				path.push(start);
				return [path[0], ...path.slice(1, -1).reverse(), start];
			}
			if (!previous.has(to)) {
				previous.set(to, node);
				queue.push(to);
			}
		}
	}
	return [start, start]; // not reached: every member of a component lies on a circle
}

/** `a → b → a`. */
export function formatCycle(cycle: readonly string[]): string {
	return cycle.join(' → ');
}

/** Every .ts / .svelte.ts / .svelte file under `dir` (project-relative posix paths), minus `skip`. */
export function readSourceTree(
	root: string,
	dir: string,
	skip: readonly string[]
): Map<string, string> {
	const sources = new Map<string, string>();
	const walk = (abs: string) => {
		for (const name of readdirSync(abs).sort()) {
			const path = join(abs, name);
			const rel = relative(root, path).split('\\').join('/');
			if (skip.some((s) => rel === s || rel.startsWith(s + '/'))) continue;
			if (statSync(path).isDirectory()) walk(path);
			else if (/\.(ts|svelte)$/.test(name) && !name.endsWith('.d.ts')) {
				sources.set(rel, readFileSync(path, 'utf8'));
			}
		}
	};
	const start = resolve(root, dir);
	if (existsSync(start)) walk(start);
	return sources;
}
