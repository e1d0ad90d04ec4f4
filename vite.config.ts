import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		sveltekit()
	],
	worker: { format: 'es' },
	test: {
		projects: [
			{
				extends: true,
				plugins: [svelteTesting()],
				test: {
					name: 'unit',
					environment: 'jsdom',
					include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
					setupFiles: ['./tests/setup/vitest-setup.ts']
				}
			}
		]
	}
});
