import { describe, expect, it } from 'vitest';
import { escapeHtml, SHELL_FIELDS, SHELL_ID, shellHtml } from './shell-html';

function parse(): Document {
	return new DOMParser().parseFromString(shellHtml(), 'text/html');
}

describe('the static shell', () => {
	it('holds both first screens: the welcome form and the dashboard frame', () => {
		const doc = parse();
		const shell = doc.getElementById(SHELL_ID);
		expect(shell?.querySelector('[data-screen="first-run"] form')).not.toBeNull();
		expect(shell?.querySelectorAll('[data-screen="app"] .shell-tile')).toHaveLength(13);
	});

	it('says everything in English and Danish, one span per language', () => {
		const doc = parse();
		const h1 = doc.querySelector('[data-screen="first-run"] h1');
		expect(h1?.querySelector('[lang="en"]')?.textContent).toBe('Welcome to Tragt');
		expect(h1?.querySelector('[lang="da"]')?.textContent).toBe('Velkommen til Tragt');
		for (const span of doc.querySelectorAll(`#${SHELL_ID} span[lang]`)) {
			expect(span.textContent?.trim()).not.toBe('');
		}
	});

	it('labels every field, with ids the take-over reads', () => {
		const doc = parse();
		for (const id of Object.values(SHELL_FIELDS)) {
			const input = doc.getElementById(id);
			expect(input?.tagName).toBe('INPUT');
			expect(doc.querySelector(`label[for="${id}"]`)?.textContent).not.toBe('');
		}
		const actions = [...doc.querySelectorAll('[data-shell-action]')].map((b) =>
			b.getAttribute('data-shell-action')
		);
		expect(actions).toEqual(['start', 'demo']);
	});

	it('escapes text for HTML', () => {
		expect(escapeHtml(`<b a="1">Tom & 'Jo'</b>`)).toBe(
			'&lt;b a=&quot;1&quot;&gt;Tom &amp; &#39;Jo&#39;&lt;/b&gt;'
		);
	});
});
