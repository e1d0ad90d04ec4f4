// Runs once, when the build generates the app's page (adapter-static's index.html; the dev
// server runs it per request): the page is served with the static shell that paints before any
// module has loaded (src/lib/shell).
import type { Handle } from '@sveltejs/kit';
import appCss from './app.css?raw';
import bootScript from '$lib/shell/boot.js?raw';
import shellCss from '$lib/shell/shell.css?raw';
import { insertShell } from '$lib/shell/shell-document';
import { shellHtml } from '$lib/shell/shell-html';

const parts = { css: appCss + shellCss, boot: bootScript, markup: shellHtml() };

export const handle: Handle = ({ event, resolve }) =>
	resolve(event, { transformPageChunk: ({ html }) => insertShell(html, parts) });
