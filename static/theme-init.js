// Applies a saved Light/Dark choice before the first paint, so a dark-mode user is not flashed
// with white while the app loads (ThemeState takes over afterwards). A file rather than an
// inline script so that the Content-Security-Policy needs no hash for it (svelte.config.js).
try {
	var t = localStorage.getItem('tragt.theme');
	if (t === 'light' || t === 'dark') document.documentElement.dataset.theme = t;
} catch {
	// Storage blocked: the system theme applies.
}
