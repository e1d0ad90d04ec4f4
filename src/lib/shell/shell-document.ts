// Puts the static shell into the page SvelteKit generates (src/hooks.server.ts): the critical
// CSS and the boot script in the head, the shell's markup before the app's mount point.
//
// And it makes the page paint before the app starts. As generated, the page fetches and runs
// the app's modules while it is still being parsed: on a phone the main thread is then busy
// compiling them (from the service worker's cache they arrive at once) and the first paint
// waits. So SvelteKit's start script and its module preloads are put in a <template>, inert,
// and the boot script brings them to life right after the first paint (boot.js). The script's
// text is unchanged, so SvelteKit's CSP hash still allows it. The app's stylesheets become
// early fetches instead of a wait before anything is drawn: the first paint needs only the
// inlined CSS, and the modules load their stylesheets themselves (Vite waits for them before a
// component mounts).

/** Where app.html wants the head's additions and the shell's markup. */
export const HEAD_MARK = '<!--tragt:head-->';
export const SHELL_MARK = '<!--tragt:shell-->';

/** Drops comments and runs of whitespace; nothing that could change what a rule means. */
export function compactCss(css: string): string {
	return css
		.replace(/\/\*[\s\S]*?\*\//g, '')
		.replace(/\s+/g, ' ')
		.replace(/\s*([{};])\s*/g, '$1')
		.trim();
}

export interface ShellParts {
	css: string;
	/** The boot script's exact text: its hash in the CSP is taken over these bytes. */
	boot: string;
	markup: string;
}

/** The id of the template that holds the app's start until the first paint (boot.js). */
export const START_ID = 'tragt-start';

/** SvelteKit's start script: the first script after the mount point's mark. */
const START_SCRIPT = new RegExp(`${SHELL_MARK}(\\s*<script>[\\s\\S]*?</script>)`);
const MODULE_PRELOAD = /<link href="[^"]+" rel="modulepreload">/g;
const STYLESHEET = /<link href="([^"]+\.css)" rel="stylesheet">/g;

export function insertShell(html: string, parts: ShellParts): string {
	for (const mark of [HEAD_MARK, SHELL_MARK]) {
		if (!html.includes(mark)) throw new Error(`src/app.html lacks ${mark}`);
	}
	const start = START_SCRIPT.exec(html);
	if (!start) throw new Error(`no start script after ${SHELL_MARK} in the generated page`);
	const preloads = [
		...(html.match(MODULE_PRELOAD) ?? []),
		...[...html.matchAll(STYLESHEET)].map((m) => `<link href="${m[1]}" rel="preload" as="style">`)
	];
	return html
		.replace(MODULE_PRELOAD, '')
		.replace(STYLESHEET, '')
		.replace(
			HEAD_MARK,
			() => `<style>${compactCss(parts.css)}</style><script>${parts.boot}</script>`
		)
		.replace(
			start[0],
			() => `${parts.markup}<template id="${START_ID}">${preloads.join('')}${start[1]}</template>`
		);
}
