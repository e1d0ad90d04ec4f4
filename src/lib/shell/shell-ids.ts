// What the static shell's markup (shell-html.ts, built when the page is generated) and the app's
// take-over (takeover.ts, in the first screen's JavaScript) both name. Kept apart so that the
// take-over does not carry the markup builder and its messages into the app's first screen.

/** The element the shell lives in; the app removes it on take-over. */
export const SHELL_ID = 'tragt-shell';

/** Ids of the welcome form's fields in the shell: what a person typed there is carried over. */
export const SHELL_FIELDS = {
	name: 'shell-name',
	currency: 'shell-currency',
	timeZone: 'shell-zone'
} as const;
