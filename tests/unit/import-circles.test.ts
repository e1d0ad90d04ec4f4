// No import circles in src/lib: no file imports one that imports it back, directly or through a
// longer chain (type-only imports and `export … from` count). The scanner is scripts/import-graph.ts.
import { describe, expect, it } from 'vitest';
import {
	buildImportGraph,
	findImportCycles,
	formatCycle,
	importSpecifiers,
	readSourceTree,
	resolveSpecifier
} from '../../scripts/import-graph';

// Vitest runs from the project root (as the other tests that read files assume).
const ROOT = process.cwd();

describe('import circles in src/lib', () => {
	it('has none', () => {
		// src/lib/paraglide is generated.
		const sources = readSourceTree(ROOT, 'src/lib', ['src/lib/paraglide']);
		expect(sources.size).toBeGreaterThan(100);
		expect(sources.has('src/lib/kpi/dataset.ts')).toBe(true);
		const graph = buildImportGraph(sources);
		// The scanner sees the imports (a known edge), so an empty result means something.
		expect(graph.get('src/lib/kpi/dataset.ts')).toContain('src/lib/kpi/patch.ts');
		const cycles = findImportCycles(graph).map(formatCycle);
		expect(cycles, `import circles:\n${cycles.join('\n')}`).toEqual([]);
	});
});

describe('the import scanner', () => {
	it('reads imports, type imports, re-exports, bare and dynamic imports', () => {
		const source = [
			`import { a } from './a';`,
			`import type { B } from "../b";`,
			`import {`,
			`\tc,`,
			`\ttype C`,
			`} from '$lib/c';`,
			`export { d } from './d';`,
			`export type { E } from './e';`,
			`export * from './f';`,
			`import './g.css';`,
			`const h = await import('./h');`,
			`// import { x } from './commented';`,
			`<script lang="ts">`,
			`\timport Icon from './icon.svelte';`,
			`</script>`
		].join('\n');
		expect(importSpecifiers(source)).toEqual([
			'./a',
			'../b',
			'$lib/c',
			'./d',
			'./e',
			'./f',
			'./g.css',
			'./h',
			'./icon.svelte'
		]);
	});

	it('resolves relative and $lib specifiers to files', () => {
		const files = new Set([
			'src/lib/kpi/a.ts',
			'src/lib/state/s.svelte.ts',
			'src/lib/components/icon.svelte',
			'src/lib/io/index.ts'
		]);
		const from = 'src/lib/kpi/b.ts';
		expect(resolveSpecifier('./a', from, files)).toBe('src/lib/kpi/a.ts');
		expect(resolveSpecifier('./a.js', from, files)).toBe('src/lib/kpi/a.ts');
		expect(resolveSpecifier('../state/s.svelte', from, files)).toBe('src/lib/state/s.svelte.ts');
		expect(resolveSpecifier('$lib/components/icon.svelte', from, files)).toBe(
			'src/lib/components/icon.svelte'
		);
		expect(resolveSpecifier('$lib/io', from, files)).toBe('src/lib/io/index.ts');
		expect(resolveSpecifier('./a?worker', from, files)).toBe('src/lib/kpi/a.ts');
		expect(resolveSpecifier('dexie', from, files)).toBeNull();
		expect(resolveSpecifier('$app/environment', from, files)).toBeNull();
	});

	it('finds a circle of two files and names it a → b → a', () => {
		const graph = buildImportGraph(
			new Map([
				['src/lib/a.ts', `import { b } from './b';`],
				['src/lib/b.ts', `import type { A } from './a';`],
				['src/lib/c.ts', `import { a } from './a';`]
			])
		);
		expect(findImportCycles(graph).map(formatCycle)).toEqual([
			'src/lib/a.ts → src/lib/b.ts → src/lib/a.ts'
		]);
	});

	it('finds a longer circle through re-exports, and each separate circle once', () => {
		const graph = buildImportGraph(
			new Map([
				['src/lib/x/a.ts', `export { b } from './b';`],
				['src/lib/x/b.ts', `import { c } from '$lib/y/c';`],
				['src/lib/y/c.ts', `import { a } from '../x/a';\nimport { d } from './d';`],
				['src/lib/y/d.ts', `export const d = 1;`],
				['src/lib/z/p.ts', `import { q } from './q';`],
				['src/lib/z/q.ts', `import { p } from './p';`],
				['src/lib/z/self.ts', `import { me } from './self';`]
			])
		);
		expect(findImportCycles(graph).map(formatCycle)).toEqual([
			'src/lib/x/a.ts → src/lib/x/b.ts → src/lib/y/c.ts → src/lib/x/a.ts',
			'src/lib/z/p.ts → src/lib/z/q.ts → src/lib/z/p.ts',
			'src/lib/z/self.ts → src/lib/z/self.ts'
		]);
	});

	it('finds nothing in a graph without circles', () => {
		const graph = buildImportGraph(
			new Map([
				['src/lib/a.ts', `import { b } from './b';\nimport { c } from './c';`],
				['src/lib/b.ts', `import { c } from './c';`],
				['src/lib/c.ts', `export const c = 1;`]
			])
		);
		expect(findImportCycles(graph)).toEqual([]);
	});
});
