// Every message exists in both languages with the same placeholders, so a Danish user never
// meets an English fallback or a "{count}" left unfilled.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(process.cwd(), 'messages');

/** Folders holding an en.json (messages/ itself and one folder per feature). */
function messageDirs(): string[] {
	const dirs = [ROOT];
	for (const name of readdirSync(ROOT)) {
		const path = join(ROOT, name);
		if (statSync(path).isDirectory()) dirs.push(path);
	}
	return dirs.filter((d) => {
		try {
			return statSync(join(d, 'en.json')).isFile();
		} catch {
			return false;
		}
	});
}

function load(dir: string, locale: string): Record<string, unknown> {
	const json = JSON.parse(readFileSync(join(dir, `${locale}.json`), 'utf8')) as Record<
		string,
		unknown
	>;
	delete json.$schema;
	return json;
}

function placeholders(message: unknown): string[] {
	return [...JSON.stringify(message).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}

describe.each(messageDirs().map((d) => [d.slice(ROOT.length) || '/', d]))(
	'messages%s',
	(_, dir) => {
		const en = load(dir, 'en');
		const da = load(dir, 'da');

		it('has the same keys in English and Danish', () => {
			expect(Object.keys(da).sort()).toEqual(Object.keys(en).sort());
		});

		it('has no empty message and the same placeholders in both', () => {
			for (const key of Object.keys(en)) {
				expect(JSON.stringify(en[key]).length, key).toBeGreaterThan(2);
				expect(JSON.stringify(da[key] ?? '').length, key).toBeGreaterThan(2);
				expect(placeholders(da[key]), key).toEqual(placeholders(en[key]));
			}
		});
	}
);
