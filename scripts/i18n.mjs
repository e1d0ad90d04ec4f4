// Compiles messages/{en,da}.json into typed message functions (src/lib/paraglide).
// Run by `prepare`, `build` and the tests. We call the compiler ourselves instead of using its
// Vite plugin: the compiler leaves a 30 s timer behind, which held every build and test run
// open; exiting explicitly once it has written the files avoids that.
import { compile } from '@inlang/paraglide-js';

await compile({
	project: './project.inlang',
	outdir: './src/lib/paraglide',
	strategy: ['localStorage', 'preferredLanguage', 'baseLocale'],
	emitGitIgnore: false
});
process.exit(0);
