import { describe, expect, it } from 'vitest';
import { repairGridAria } from './grid-aria';

function header(...names: string[]): HTMLElement {
	const el = document.createElement('revogr-header');
	for (const name of names) {
		const cell = document.createElement('div');
		cell.setAttribute('role', 'columnheader');
		cell.innerHTML = `<div class="header-content">${name}</div><span><button class="rv-filter"><svg></svg></button></span>`;
		el.append(cell);
	}
	return el;
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('repairGridAria', () => {
	it('puts column headers in a row and names each filter button after its column', () => {
		const grid = document.createElement('revo-grid');
		grid.append(header('Name', 'Budget'), header());
		const stop = repairGridAria(grid, (c) => `Filter ${c}`);
		const [main, empty] = grid.querySelectorAll('revogr-header');
		expect(main.getAttribute('role')).toBe('row');
		expect(empty.hasAttribute('role')).toBe(false);
		const labels = [...grid.querySelectorAll('button')].map((b) => b.getAttribute('aria-label'));
		expect(labels).toEqual(['Filter Name', 'Filter Budget']);
		stop();
	});

	it('repairs headers the grid adds later, until stopped', async () => {
		const grid = document.createElement('revo-grid');
		const stop = repairGridAria(grid, (c) => `Filter ${c}`);
		grid.append(header('Channel'));
		await flush();
		expect(grid.querySelector('revogr-header')?.getAttribute('role')).toBe('row');
		expect(grid.querySelector('button')?.getAttribute('aria-label')).toBe('Filter Channel');
		stop();
		grid.append(header('Spend'));
		await flush();
		expect(grid.querySelectorAll('revogr-header')[1].hasAttribute('role')).toBe(false);
	});
});
