// Fails early, with the fix, when a browser the end-to-end tests drive is missing: never skips an
// engine in silence. Chromium runs the whole suite and the benchmarks; Firefox ESR and WebKitGTK
// (Safari's engine, under a virtual X display) run the cross-engine suite (tests/engines).
// `node scripts/check-browsers.mjs chromium` checks Chromium only (the benchmarks need no more).
import { existsSync } from 'node:fs';

const ENGINES = {
	chromium: {
		paths: [process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'],
		packages: 'chromium',
		env: 'CHROMIUM_PATH'
	},
	firefox: {
		paths: [process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr'],
		packages: 'firefox-esr',
		env: 'FIREFOX_PATH'
	},
	webkit: {
		paths: [
			process.env.WEBKIT_DRIVER ?? '/usr/bin/WebKitWebDriver',
			process.env.MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
			process.env.XVFB ?? '/usr/bin/Xvfb'
		],
		packages: 'webkit2gtk-driver xvfb',
		env: 'WEBKIT_DRIVER, MINIBROWSER and XVFB'
	}
};

const wanted = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(ENGINES);
const missing = [];
for (const name of wanted) {
	const engine = ENGINES[name];
	if (!engine) {
		console.error(`Unknown engine "${name}" (known: ${Object.keys(ENGINES).join(', ')}).`);
		process.exit(2);
	}
	const absent = engine.paths.filter((p) => !existsSync(p));
	if (absent.length) missing.push({ name, absent, ...engine });
}
if (missing.length) {
	console.error('The end-to-end tests drive browsers from Debian, and some are missing:');
	for (const m of missing) console.error(`  ${m.name}: not found at ${m.absent.join(', ')}`);
	console.error(
		'Install them with:\n' +
			`  sudo apt-get update && sudo apt-get install -y ${missing.map((m) => m.packages).join(' ')}\n` +
			`or point ${missing.map((m) => m.env).join('; ')} at other binaries.`
	);
	process.exit(1);
}
