// Keyboard shortcuts for undo and redo, as a pure function of the key event so it can be tested
// without a page. While someone types in a field, the browser's own text undo must win.

export type ShortcutAction = 'undo' | 'redo';

interface KeyLike {
	key: string;
	ctrlKey: boolean;
	metaKey: boolean;
	shiftKey: boolean;
	altKey: boolean;
	target: EventTarget | null;
	defaultPrevented?: boolean;
}

/** True for inputs, textareas, selects and contenteditable regions. */
export function isTypingTarget(target: EventTarget | null): boolean {
	if (!target || typeof (target as Element).closest !== 'function') return false;
	const el = target as HTMLElement;
	if (el.isContentEditable) return true;
	return !!el.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]');
}

/** Ctrl/Cmd+Z undoes; Ctrl/Cmd+Shift+Z and Ctrl+Y redo. */
export function shortcutFor(event: KeyLike): ShortcutAction | null {
	if (event.defaultPrevented || event.altKey) return null;
	if (!(event.ctrlKey || event.metaKey)) return null;
	if (isTypingTarget(event.target)) return null;
	const key = event.key.toLowerCase();
	if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
	if (key === 'y' && !event.shiftKey) return 'redo';
	return null;
}
