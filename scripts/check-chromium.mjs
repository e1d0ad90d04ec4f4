// Fails early, with the fix, when the browser the e2e tests and benchmarks drive is missing.
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(path)) {
	console.error(
		`Chromium was not found at ${path}.\n` +
			'The end-to-end tests drive Debian\'s Chromium. Install it with:\n' +
			'  sudo apt-get update && sudo apt-get install -y chromium\n' +
			'or point CHROMIUM_PATH at another Chromium binary.'
	);
	process.exit(1);
}
