// `npm run demo -- --size L --out file.json [--seed 42] [--now 2026-11-27T12:00:00Z] [--tz Zone]`
// Writes a demo shared file (spec/data-format.md). The file is streamed out one record per
// line, so the L size (~1.4M records) never needs one giant JSON.stringify string.
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { RECORD_LIST_NAMES, type SharedFile } from '../src/lib/domain/types';
import {
	DEMO_DEFAULT_NOW,
	DEMO_DEFAULT_SEED,
	DEMO_DEFAULT_TIME_ZONE,
	generateDemo,
	type DemoSize
} from '../src/lib/demo/generate-demo';

const USAGE = `Usage: npm run demo -- [--size S|M|L] [--out file.json] [--seed N] [--now ISO] [--tz Zone]
  --size  S (1 rep, 1,000 leads), M (5 reps, 10,000 leads), L (20 reps, 100,000 leads); default S
  --out   file to write; without it the JSON goes to standard output
  --seed  integer; the same seed gives the same file (default ${DEMO_DEFAULT_SEED})
  --now   the instant the data ends at (default ${DEMO_DEFAULT_NOW})
  --tz    workspace time zone (default ${DEMO_DEFAULT_TIME_ZONE})`;

interface Args {
	size: DemoSize;
	out?: string;
	seed: number;
	now: string;
	timeZone: string;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Args | 'help' {
	const args: Args = {
		size: 'S',
		seed: DEMO_DEFAULT_SEED,
		now: DEMO_DEFAULT_NOW,
		timeZone: DEMO_DEFAULT_TIME_ZONE
	};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--help' || arg === '-h') return 'help';
		const eq = arg.indexOf('=');
		const name = eq > 0 ? arg.slice(0, eq) : arg;
		if (!['--size', '--out', '--seed', '--now', '--tz'].includes(name)) {
			throw new UsageError(`Unknown argument "${arg}"`);
		}
		let value: string | undefined;
		if (eq > 0) value = arg.slice(eq + 1);
		else value = argv[++i];
		if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
		switch (name) {
			case '--size':
				if (value !== 'S' && value !== 'M' && value !== 'L') {
					throw new UsageError(`--size must be S, M or L, got "${value}"`);
				}
				args.size = value;
				break;
			case '--out':
				args.out = value;
				break;
			case '--seed':
				if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
					throw new UsageError(`--seed must be an integer, got "${value}"`);
				}
				args.seed = Number(value);
				break;
			case '--now':
				args.now = value;
				break;
			case '--tz':
				args.timeZone = value;
				break;
		}
	}
	return args;
}

/** Writes `chunk`, waiting when the stream's buffer is full. */
function write(stream: Writable, chunk: string): Promise<void> | undefined {
	if (stream.write(chunk)) return undefined;
	return new Promise((resolve, reject) => {
		const onDrain = () => {
			stream.off('error', onError);
			resolve();
		};
		const onError = (e: Error) => {
			stream.off('drain', onDrain);
			reject(e);
		};
		stream.once('drain', onDrain);
		stream.once('error', onError);
	});
}

/** Streams the file as JSON: the header fields, then each record list one record per line. */
async function writeSharedFile(file: SharedFile, stream: Writable): Promise<void> {
	const head = {
		format: file.format,
		version: file.version,
		exportedAt: file.exportedAt,
		workspace: file.workspace
	};
	let buffer = '{\n';
	for (const [key, value] of Object.entries(head)) {
		buffer += `\t${JSON.stringify(key)}: ${JSON.stringify(value)},\n`;
	}
	for (let l = 0; l < RECORD_LIST_NAMES.length; l++) {
		const name = RECORD_LIST_NAMES[l];
		const list: readonly unknown[] = file[name];
		buffer += `\t${JSON.stringify(name)}: [`;
		for (let i = 0; i < list.length; i++) {
			buffer += (i ? ',\n\t\t' : '\n\t\t') + JSON.stringify(list[i]);
			if (buffer.length > 1 << 20) {
				await write(stream, buffer);
				buffer = '';
			}
		}
		buffer += list.length ? '\n\t]' : ']';
		buffer += l < RECORD_LIST_NAMES.length - 1 ? ',\n' : '\n}\n';
	}
	await write(stream, buffer);
}

async function main(): Promise<number> {
	let args: Args | 'help';
	try {
		args = parseArgs(process.argv.slice(2));
	} catch (e) {
		if (!(e instanceof UsageError)) throw e;
		console.error(`demo: ${e.message}\n\n${USAGE}`);
		return 2;
	}
	if (args === 'help') {
		console.log(USAGE);
		return 0;
	}
	let file: SharedFile;
	const started = performance.now();
	try {
		file = generateDemo({
			size: args.size,
			seed: args.seed,
			now: args.now,
			timeZone: args.timeZone
		});
	} catch (e) {
		// The generator validates --now and --tz with a message that names the value.
		console.error(`demo: ${(e as Error).message}\n\n${USAGE}`);
		return 2;
	}
	const generated = performance.now();
	if (args.out) {
		const stream = createWriteStream(args.out);
		const opened = new Promise<void>((resolve, reject) => {
			stream.once('open', () => resolve());
			stream.once('error', reject);
		});
		try {
			await opened;
			await writeSharedFile(file, stream);
			await new Promise<void>((resolve, reject) => {
				stream.once('error', reject);
				stream.end(() => resolve());
			});
		} catch (e) {
			console.error(`demo: cannot write ${args.out}: ${(e as Error).message}`);
			return 1;
		}
		const counts = RECORD_LIST_NAMES.map((n) => `${file[n].length} ${n}`).join(', ');
		const gen = ((generated - started) / 1000).toFixed(1);
		const total = ((performance.now() - started) / 1000).toFixed(1);
		console.error(`demo: wrote ${args.out} (${counts}) in ${total} s (generation ${gen} s)`);
	} else {
		process.stdout.on('error', (e: NodeJS.ErrnoException) => {
			// A closed pipe (`| head`) is not an error worth a stack trace.
			if (e.code === 'EPIPE') process.exit(0);
			throw e;
		});
		await writeSharedFile(file, process.stdout);
	}
	return 0;
}

main().then(
	(code) => {
		process.exitCode = code;
	},
	(e) => {
		console.error(e);
		process.exitCode = 1;
	}
);
