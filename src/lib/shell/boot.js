// Inlined in the page's <head> (src/hooks.server.ts) and allowed by its hash in the CSP
// (svelte.config.js). It runs before anything is drawn, so the static shell is painted in the
// right theme, language and screen: a saved Light/Dark choice; the language the app will pick
// (a saved choice, else the browser's languages, else English: paraglide's order); the
// dashboard frame when this device already has a workspace, else the welcome form. A button
// pressed in the shell before the app has loaded is remembered for it (takeover.ts).
// Then, once the shell is painted, it starts the app: SvelteKit's start script and module
// preloads wait in a template until then (shell-document.ts says why).
(function () {
	var root = document.documentElement;
	var known = ['en', 'da'];
	/** @param {string | null | undefined} tag */
	function pick(tag) {
		tag = String(tag || '').toLowerCase();
		if (known.indexOf(tag) >= 0) return tag;
		tag = tag.split('-')[0];
		return known.indexOf(tag) >= 0 ? tag : null;
	}
	var lang = null;
	var shell = 'first-run';
	try {
		var theme = localStorage.getItem('tragt.theme');
		if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
		lang = pick(localStorage.getItem('PARAGLIDE_LOCALE'));
		if (localStorage.getItem('tragt.shell') === 'app') shell = 'app';
	} catch {
		// Storage blocked: the system theme, the browser's language and the welcome form.
	}
	var languages = navigator.languages || [];
	for (var i = 0; !lang && i < languages.length; i++) lang = pick(languages[i]);
	root.lang = lang || 'en';
	root.dataset.shell = shell;
	if (location.pathname === '/') root.dataset.route = 'dashboard';
	document.addEventListener(
		'click',
		function (event) {
			var target = /** @type {Element | null} */ (event.target);
			var button = target && target.closest && target.closest('#tragt-shell [data-shell-action]');
			if (!button) return;
			event.preventDefault();
			window.__tragtShellAction = button.getAttribute('data-shell-action') || undefined;
			button.setAttribute('aria-busy', 'true');
		},
		true
	);

	// SvelteKit moves the keyboard to the page when its first navigation ends (reset_focus), which
	// would take it from a shell field mid-word: what is typed next would go nowhere. It leaves
	// an [autofocus] element focused instead, so the shell field being typed in carries one.
	document.addEventListener(
		'focusin',
		function (event) {
			var field = /** @type {Element | null} */ (event.target);
			if (field && field.closest && field.closest('#tragt-shell'))
				field.setAttribute('autofocus', '');
		},
		true
	);
	document.addEventListener(
		'focusout',
		function (event) {
			var field = /** @type {Element | null} */ (event.target);
			if (field && field.closest && field.closest('#tragt-shell'))
				field.removeAttribute('autofocus');
		},
		true
	);

	var started = false;
	function start() {
		var template = /** @type {HTMLTemplateElement | null} */ (
			document.getElementById('tragt-start')
		);
		if (started || !template || !template.parentNode) return;
		started = true;
		var parts = template.content;
		var links = parts.querySelectorAll('link');
		for (var j = 0; j < links.length; j++)
			document.head.appendChild(document.importNode(links[j], true));
		// A new script element runs (a parsed-in template's never does); same text, same CSP hash.
		var script = document.createElement('script');
		script.textContent = /** @type {HTMLScriptElement} */ (
			parts.querySelector('script')
		).textContent;
		template.parentNode.replaceChild(script, template);
	}
	// Start once the shell's text is on the screen (its first contentful paint; a first paint of
	// backgrounds alone may come a frame earlier) and the page is parsed (a long page may be
	// painted in part). Where paint timing is not observed, after the frame that follows the
	// parse. A hidden tab paints nothing: it starts as soon as the page is parsed. A timer starts
	// it should no paint ever be reported.
	function whenParsed(/** @type {() => void} */ then) {
		if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', then);
		else then();
	}
	var types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
	if (document.visibilityState === 'hidden') {
		whenParsed(start);
	} else if (types.indexOf('paint') >= 0) {
		new PerformanceObserver(function (list, observer) {
			if (!list.getEntriesByName('first-contentful-paint').length) return;
			observer.disconnect();
			setTimeout(whenParsed, 0, start);
		}).observe({ type: 'paint', buffered: true });
	} else {
		whenParsed(function () {
			requestAnimationFrame(function () {
				setTimeout(start, 0);
			});
		});
	}
	setTimeout(whenParsed, 3000, start);
})();
