// The app taking over from the static shell (shell-html.ts): nothing a person did in the shell
// before the modules arrived is lost. What they typed into the welcome form and the field they
// were in carry over to the app's form, and a button they pressed (remembered by boot.js) is
// carried out once the app is ready. The shell is removed only after the app's own screen is in
// the page, in the same task, so nothing flashes between the two.
import { SHELL_FIELDS, SHELL_ID } from './shell-ids';

export type ShellAction = 'start' | 'demo';
export type ShellField = keyof typeof SHELL_FIELDS;

export interface ShellHandoff {
	/** What was typed into each welcome field ('' when nothing). */
	values: Record<ShellField, string>;
	/** The field that had the keyboard, to give it back. */
	focused: ShellField | null;
	/** A button pressed before the app was ready. */
	action: ShellAction | null;
}

/** What the app remembers for the shell of the next visit (read by boot.js). */
export const SHELL_KEY = 'tragt.shell';

declare global {
	interface Window {
		__tragtShellAction?: string;
	}
}

/** Reads the shell's state; null when the page has no shell (tests, the dev harness). */
export function readShell(doc: Document = document): ShellHandoff | null {
	if (!doc.getElementById(SHELL_ID)) return null;
	const fields = Object.keys(SHELL_FIELDS) as ShellField[];
	const input = (field: ShellField) =>
		doc.getElementById(SHELL_FIELDS[field]) as HTMLInputElement | null;
	const values = Object.fromEntries(fields.map((f) => [f, input(f)?.value ?? ''])) as Record<
		ShellField,
		string
	>;
	const focused = fields.find((f) => input(f) !== null && doc.activeElement === input(f)) ?? null;
	const pressed = doc.defaultView?.__tragtShellAction;
	const action = pressed === 'start' || pressed === 'demo' ? pressed : null;
	return { values, focused, action };
}

/** Removes the shell (once the app's screen is in the page) and forgets a pressed button. */
export function removeShell(doc: Document = document): void {
	doc.getElementById(SHELL_ID)?.remove();
	if (doc.defaultView) delete doc.defaultView.__tragtShellAction;
}

/** Remembers which first screen the next visit's shell should paint. */
export function rememberShellScreen(screen: 'app' | 'first-run', storage?: Storage): void {
	try {
		const store = storage ?? localStorage;
		if (screen === 'app') store.setItem(SHELL_KEY, 'app');
		else store.removeItem(SHELL_KEY);
	} catch {
		// Storage blocked: the next visit paints the welcome form, and the app corrects it.
	}
}
