import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import config from '../../../svelte.config.js';
import boot from './boot.js?raw';
import { compactCss, HEAD_MARK, insertShell, SHELL_MARK, START_ID } from './shell-document';

// The page as SvelteKit generates it from src/app.html (abridged).
const generated = `<!doctype html><html><head>
<meta http-equiv="content-security-policy" content="script-src 'self'">
<link href="/_app/immutable/entry/start.A.js" rel="modulepreload">
<link href="/_app/immutable/chunks/B.js" rel="modulepreload">
<link href="/_app/immutable/assets/0.C.css" rel="stylesheet">
${HEAD_MARK}
</head><body><div style="display: contents">${SHELL_MARK}
			<script>
				{ const element = document.currentScript.parentElement; import("/_app/immutable/entry/start.A.js") }
			</script>
		</div></body></html>`;

const parts = {
	css: 'a  {\n  color : red ;\n}\n/* why */',
	boot: 'boot();',
	markup: '<div id="s">shell</div>'
};

describe('putting the static shell into the generated page', () => {
	const page = insertShell(generated, parts);
	const [head, body] = page.split('</head>');

	it('inlines the CSS and the boot script after the CSP, and the shell before the mount point', () => {
		expect(head.indexOf('<style>a{color : red;}</style><script>boot();</script>')).toBeGreaterThan(
			head.indexOf('content-security-policy')
		);
		expect(body).toContain('<div style="display: contents"><div id="s">shell</div><template');
	});

	it('holds the app start and its preloads in a template until the shell is painted', () => {
		expect(head).not.toContain('modulepreload');
		expect(head).not.toContain('stylesheet');
		const template = new RegExp(`<template id="${START_ID}">([\\s\\S]*)</template>`).exec(body);
		expect(template?.[1]).toContain(
			'<link href="/_app/immutable/chunks/B.js" rel="modulepreload">'
		);
		expect(template?.[1]).toContain(
			'<link href="/_app/immutable/assets/0.C.css" rel="preload" as="style">'
		);
		// The start script's text is untouched: SvelteKit's CSP hash covers exactly it.
		expect(template?.[1]).toContain(
			'<script>\n\t\t\t\t{ const element = document.currentScript.parentElement; import("/_app/immutable/entry/start.A.js") }\n\t\t\t</script>'
		);
	});

	it('fails the build, naming the file, when app.html lost a mark', () => {
		expect(() => insertShell(generated.replace(SHELL_MARK, ''), parts)).toThrow(/src\/app.html/);
		expect(() => insertShell(generated.replace(HEAD_MARK, ''), parts)).toThrow(/tragt:head/);
	});

	it('fails the build when the start script is not where the shell expects it', () => {
		expect(() => insertShell(generated.replace('<script>', '<p>'), parts)).toThrow(/start script/);
	});

	it('compacts CSS without touching selectors', () => {
		expect(compactCss('/* x */\n:root:not([data-theme="light"]) .a > b {\n\tgap: 1px;\n}\n')).toBe(
			':root:not([data-theme="light"]) .a > b{gap: 1px;}'
		);
	});
});

describe('the boot script and the CSP', () => {
	it('is allowed by the hash of the exact bytes the page inlines', () => {
		const hash = `sha256-${createHash('sha256').update(boot).digest('base64')}`;
		expect(config.kit?.csp?.directives?.['script-src']).toContain(hash);
	});
});
