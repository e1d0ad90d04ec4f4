// Exposes every module under pages/ to Playwright as `await window.benchModule(name)`.
const modules = import.meta.glob('./pages/*.ts');

declare global {
	interface Window {
		benchModule: (name: string) => Promise<Record<string, unknown>>;
	}
}

window.benchModule = async (name: string) => {
	const load = modules[`./pages/${name}.ts`];
	if (!load) throw new Error(`no bench module ${name}; have ${Object.keys(modules).join(', ')}`);
	return (await load()) as Record<string, unknown>;
};
