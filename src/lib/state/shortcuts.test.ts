import { describe, expect, it } from 'vitest';
import { shortcutFor } from './shortcuts';

function key(
	k: string,
	mods: { ctrl?: boolean; meta?: boolean; shift?: boolean; alt?: boolean } = {},
	target: EventTarget | null = document.body
) {
	return {
		key: k,
		ctrlKey: !!mods.ctrl,
		metaKey: !!mods.meta,
		shiftKey: !!mods.shift,
		altKey: !!mods.alt,
		target
	};
}

describe('undo/redo shortcuts', () => {
	it('Ctrl+Z undoes; Ctrl+Shift+Z and Ctrl+Y redo; Cmd works on a Mac', () => {
		expect(shortcutFor(key('z', { ctrl: true }))).toBe('undo');
		expect(shortcutFor(key('Z', { ctrl: true, shift: true }))).toBe('redo');
		expect(shortcutFor(key('y', { ctrl: true }))).toBe('redo');
		expect(shortcutFor(key('z', { meta: true }))).toBe('undo');
	});

	it('ignores plain letters and other combinations', () => {
		expect(shortcutFor(key('z'))).toBeNull();
		expect(shortcutFor(key('z', { ctrl: true, alt: true }))).toBeNull();
		expect(shortcutFor(key('x', { ctrl: true }))).toBeNull();
	});

	it('leaves Ctrl+Z to the text field someone is typing in', () => {
		const input = document.createElement('input');
		const textarea = document.createElement('textarea');
		const editable = document.createElement('div');
		editable.setAttribute('contenteditable', 'true');
		const inner = document.createElement('span');
		editable.append(inner);
		document.body.append(input, textarea, editable);
		expect(shortcutFor(key('z', { ctrl: true }, input))).toBeNull();
		expect(shortcutFor(key('y', { ctrl: true }, textarea))).toBeNull();
		expect(shortcutFor(key('z', { ctrl: true }, inner))).toBeNull();
		expect(shortcutFor(key('z', { ctrl: true }, document.createElement('button')))).toBe('undo');
	});
});
