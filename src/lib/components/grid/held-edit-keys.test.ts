import { afterEach, describe, expect, it } from 'vitest';
import { holdEditKeys } from './held-edit-keys';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A grid that behaves as RevoGrid does with the keyboard, slowly: a letter on a focused cell
 * starts an edit whose editor is drawn `openMs` later (letters in between are added to the
 * edit's value), Tab in the editor saves the cell and moves the focus right 70 ms later, and
 * Tab while the editor is not drawn yet just moves (the edit is dropped).
 */
function slowGrid(openMs: number) {
	const host = document.createElement('div');
	const cells = [0, 1, 2].map((i) => {
		const c = document.createElement('div');
		c.tabIndex = 0;
		c.dataset.col = String(i);
		host.append(c);
		return c;
	});
	document.body.append(host);
	const saved: (string | undefined)[] = [];
	let pending: { col: number; val: string } | null = null;
	let editor: HTMLInputElement | null = null;
	const moveTo = (col: number) => setTimeout(() => cells[col]?.focus(), 70);

	const onKey = (e: KeyboardEvent) => {
		const active = document.activeElement as HTMLElement;
		if (editor && active === editor) {
			if (e.key === 'Tab' || e.key === 'Enter') {
				const col = Number(editor.closest('[data-col]')!.getAttribute('data-col'));
				saved[col] = editor.value;
				editor.closest('revogr-edit')!.remove();
				editor = null;
				if (e.key === 'Tab') moveTo(col + 1);
			} else if (e.key.length === 1 && !e.defaultPrevented) {
				editor.value += e.key; // the browser's own typing
			}
			return;
		}
		if (pending) {
			if (e.key.length === 1) pending.val += e.key;
			else if (e.key === 'Tab') {
				const col = pending.col;
				pending = null;
				moveTo(col + 1);
			}
			return;
		}
		const col = Number(active?.dataset.col ?? NaN);
		if (Number.isNaN(col)) return;
		if (e.key === 'Tab') moveTo(col + 1);
		else if (e.key.length === 1) {
			const edit = (pending = { col, val: e.key });
			active.blur();
			setTimeout(() => {
				if (pending !== edit) return;
				pending = null;
				const wrap = document.createElement('revogr-edit');
				editor = document.createElement('input');
				editor.value = edit.val;
				wrap.append(editor);
				cells[col].append(wrap);
				editor.focus();
			}, openMs);
		}
	};
	document.addEventListener('keydown', onKey);
	return {
		host,
		cells,
		saved,
		remove() {
			document.removeEventListener('keydown', onKey);
			host.remove();
		}
	};
}

/** Keys as a fast typist sends them: each to whatever has the focus at that instant. */
function type(keys: string[]) {
	for (const key of keys) {
		const target = document.activeElement ?? document.body;
		target.dispatchEvent(
			new KeyboardEvent('keydown', { key, code: key, bubbles: true, cancelable: true })
		);
	}
}

const cleanups: (() => void)[] = [];
afterEach(() => {
	while (cleanups.length) cleanups.pop()!();
});

describe('keys that close an edit while its editor is still opening', () => {
	it('without holding them, the slow grid drops the typed cell (the failure being mended)', async () => {
		const grid = slowGrid(100);
		cleanups.push(grid.remove);
		grid.cells[0].focus();
		type(['q', 'u', 'a', 'l', 'Tab']);
		await sleep(400);
		expect(grid.saved[0]).toBeUndefined();
	});

	it('Tab waits for the editor: the cell gets every letter typed into it', async () => {
		const grid = slowGrid(100);
		cleanups.push(grid.remove, holdEditKeys(grid.host));
		grid.cells[0].focus();
		type(['q', 'u', 'a', 'l', 'Tab']);
		await sleep(400);
		expect(grid.saved[0]).toBe('qual');
		expect(document.activeElement).toBe(grid.cells[1]);
	});

	it('keys typed after a held Tab go, in order, to the next cell', async () => {
		const grid = slowGrid(100);
		cleanups.push(grid.remove, holdEditKeys(grid.host));
		grid.cells[0].focus();
		type(['q', 'u', 'a', 'l', 'Tab', '7', '2', 'Tab']);
		await sleep(900);
		expect(grid.saved.slice(0, 2)).toEqual(['qual', '72']);
		expect(document.activeElement).toBe(grid.cells[2]);
	});

	it('holds nothing when the editor is open in time or no edit is opening', async () => {
		const grid = slowGrid(0);
		cleanups.push(grid.remove, holdEditKeys(grid.host));
		grid.cells[0].focus();
		type(['a']);
		await sleep(20);
		type(['b', 'Tab']);
		expect(grid.saved[0]).toBe('ab'); // saved at once, not after a wait
		await sleep(100);
		type(['Tab']); // a plain move between cells
		await sleep(100);
		expect(document.activeElement).toBe(grid.cells[2]);
	});

	it('never keeps a key for good: after a second everything goes out as typed', async () => {
		const grid = slowGrid(5000); // an editor that does not come
		cleanups.push(grid.remove, holdEditKeys(grid.host));
		grid.cells[0].focus();
		type(['x', 'Tab']);
		await sleep(300);
		expect(document.activeElement).not.toBe(grid.cells[1]); // still held
		await sleep(1000);
		expect(document.activeElement).toBe(grid.cells[1]); // released: the grid moved
	});
});
