// How the cross-engine tests name an element: by role and accessible name, by label, by text or
// by CSS, as a person sees the page. `findAll` runs inside the page (it is sent as source text to
// Firefox over WebDriver BiDi and to WebKit over W3C WebDriver), so it references nothing outside
// itself.

export type Role =
	| 'button'
	| 'link'
	| 'heading'
	| 'checkbox'
	| 'radio'
	| 'combobox'
	| 'textbox'
	| 'menuitem'
	| 'dialog'
	| 'tab'
	| 'status'
	| 'navigation'
	| 'main'
	| 'row'
	| 'cell';

/** A text to match: a string is exact (after collapsing white space), a RegExp is searched. */
export type TextMatch = string | RegExp;

export interface Query {
	css?: string;
	role?: Role;
	/** Accessible name (aria-label, aria-labelledby, label, or text content). */
	name?: TextMatch;
	/** A form control by its label's text. */
	label?: TextMatch;
	/** Text content (collapsed white space). */
	text?: TextMatch;
	/** Heading level, with role 'heading'. */
	level?: number;
	/** Only inside the first element matching this CSS selector. */
	within?: string;
	/** Include elements that are not rendered (default: visible ones only). */
	hidden?: boolean;
	/** Which of the matches (default 0). */
	nth?: number;
}

/** A query as it crosses into the page (RegExps as source and flags). */
export interface WireQuery extends Omit<Query, 'name' | 'label' | 'text'> {
	name?: WireText;
	label?: WireText;
	text?: WireText;
}
type WireText = { s: string } | { re: string; flags: string };

function wireText(t: TextMatch | undefined): WireText | undefined {
	if (t === undefined) return undefined;
	return typeof t === 'string' ? { s: t } : { re: t.source, flags: t.flags };
}

export function toWire(q: Query | string): WireQuery {
	if (typeof q === 'string') return { css: q };
	return { ...q, name: wireText(q.name), label: wireText(q.label), text: wireText(q.text) };
}

export function describe(q: Query | string): string {
	if (typeof q === 'string') return q;
	return Object.entries(q)
		.map(([k, v]) => `${k}=${v instanceof RegExp ? String(v) : JSON.stringify(v)}`)
		.join(' ');
}

/**
 * Every element matching `q`, in document order. Runs in the page: keep it self-contained and
 * plain (no helpers a compiler might add).
 */
export function findAll(q: WireQuery): Element[] {
	const collapse = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
	const matches = (t: WireText | undefined, value: string) => {
		if (!t) return true;
		if ('s' in t) return collapse(value) === collapse(t.s);
		return new RegExp(t.re, t.flags).test(collapse(value));
	};
	const byId = (ids: string) =>
		ids
			.split(/\s+/)
			.map((id) => document.getElementById(id)?.textContent ?? '')
			.join(' ');
	const labelText = (el: Element): string => {
		const parts: string[] = [];
		const id = el.getAttribute('id');
		if (id) {
			for (const l of Array.from(document.querySelectorAll('label'))) {
				if (l.htmlFor === id) parts.push(l.textContent ?? '');
			}
		}
		const wrap = el.closest('label');
		if (wrap) parts.push(wrap.textContent ?? '');
		return parts.join(' ');
	};
	const accessibleName = (el: Element): string => {
		const aria = el.getAttribute('aria-label');
		if (aria) return aria;
		const by = el.getAttribute('aria-labelledby');
		if (by) return byId(by);
		if (el.matches('input, select, textarea')) {
			const l = labelText(el);
			if (l) return l;
			return el.getAttribute('placeholder') ?? el.getAttribute('title') ?? '';
		}
		const text = collapse(el.textContent);
		return text || (el.getAttribute('title') ?? '');
	};
	const ROLE_CSS: Record<string, string> = {
		button:
			'button, [role=button], input[type=button], input[type=submit], input[type=reset], summary',
		link: 'a[href], [role=link]',
		heading: 'h1, h2, h3, h4, h5, h6, [role=heading]',
		checkbox: 'input[type=checkbox], [role=checkbox], [role=switch]',
		radio: 'input[type=radio], [role=radio]',
		combobox: 'select, [role=combobox], input[list]',
		textbox:
			'textarea, input:not([type]), input[type=text], input[type=search], input[type=email], input[type=tel], input[type=url], input[type=number], input[type=password], [role=textbox]',
		menuitem: '[role=menuitem], [role=menuitemradio], [role=menuitemcheckbox]',
		dialog: 'dialog, [role=dialog], [role=alertdialog]',
		tab: '[role=tab]',
		status: '[role=status], output',
		navigation: 'nav, [role=navigation]',
		main: 'main, [role=main]',
		row: 'tr, [role=row]',
		cell: 'td, th, [role=cell], [role=gridcell]'
	};
	const visible = (el: Element) => {
		if (!(el instanceof HTMLElement || el instanceof SVGElement)) return true;
		if (el.closest('[hidden], [inert]')) return false;
		const style = getComputedStyle(el);
		if (style.visibility === 'hidden' || style.display === 'none') return false;
		const r = el.getBoundingClientRect();
		return r.width > 0 && r.height > 0;
	};
	const root: ParentNode = q.within ? (document.querySelector(q.within) ?? document) : document;
	if (q.within && !document.querySelector(q.within)) return [];
	let css = q.css ?? '*';
	if (q.role) css = ROLE_CSS[q.role] ?? `[role=${q.role}]`;
	if (q.label && !q.role && !q.css)
		css = 'input, select, textarea, [role=combobox], [role=textbox]';
	let list = Array.from(root.querySelectorAll(css));
	if (q.role && q.css) list = list.filter((el) => el.matches(q.css!));
	if (q.role === 'heading' && q.level) {
		list = list.filter(
			(el) => el.tagName === `H${q.level}` || el.getAttribute('aria-level') === String(q.level)
		);
	}
	if (q.label) {
		list = list.filter(
			(el) =>
				matches(q.label, labelText(el)) ||
				matches(q.label, el.getAttribute('aria-label') ?? '') ||
				matches(q.label, byId(el.getAttribute('aria-labelledby') ?? ''))
		);
	}
	if (q.name) list = list.filter((el) => matches(q.name, accessibleName(el)));
	if (q.text) {
		list = list.filter((el) => matches(q.text, el.textContent ?? ''));
		// By text alone: the innermost elements holding it, not every ancestor.
		if (!q.css && !q.role)
			list = list.filter((el) => !list.some((o) => o !== el && el.contains(o)));
	}
	if (!q.hidden) list = list.filter(visible);
	return list;
}
