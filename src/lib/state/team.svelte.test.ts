// "Send to my team" with the share sheet stood in for (navigator.share / canShare), and the team
// folder over an in-memory folder handle: what is shared or written, under which name, and which
// teammates' files are read and merged.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ImportWorker } from './import.svelte';
import { sendToTeam, TeamFolder } from './team.svelte';

function stubWorker(service: Record<string, unknown>): ImportWorker {
	return { service, terminate: vi.fn() } as unknown as ImportWorker;
}

const exported = new Blob(['{"format":"tragt"}'], { type: 'application/json' });

describe('sendToTeam', () => {
	const nav = navigator as unknown as Record<string, unknown>;
	let created: string[];
	beforeEach(() => {
		created = [];
		URL.createObjectURL = vi.fn(() => 'blob:x');
		URL.revokeObjectURL = vi.fn();
		vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
			this: HTMLAnchorElement
		) {
			created.push(this.download);
		});
	});
	afterEach(() => {
		delete nav.share;
		delete nav.canShare;
		vi.restoreAllMocks();
	});

	it('shares my records as tragt-<me>-<date>.tragt.json where files can be shared', async () => {
		const exportShared = vi.fn(async () => ({ blob: exported }));
		const share = vi.fn(async () => undefined);
		nav.canShare = vi.fn(() => true);
		nav.share = share;
		const r = await sendToTeam(stubWorker({ exportShared }), 'db', {
			id: 'me',
			name: 'Mette Holm'
		});
		expect(exportShared).toHaveBeenCalledWith('db', { repIds: ['me'] });
		expect(r.how).toBe('shared');
		expect(r.name).toMatch(/^tragt-mette-holm-\d{4}-\d{2}-\d{2}\.tragt\.json$/);
		const files = (share.mock.calls[0] as unknown as [{ files: File[] }])[0].files;
		expect(files.map((f) => f.name)).toEqual([r.name]);
		expect(await files[0].text()).toBe('{"format":"tragt"}');
		expect(created).toEqual([]);
	});

	it('downloads the same file where the browser cannot share files', async () => {
		const r = await sendToTeam(
			stubWorker({ exportShared: async () => ({ blob: exported }) }),
			'db',
			{
				id: 'me',
				name: 'Mette Holm'
			}
		);
		expect(r.how).toBe('downloaded');
		expect(created).toEqual([r.name]);
	});

	it('a share that fails downloads instead; closing the share sheet does not', async () => {
		nav.canShare = () => true;
		nav.share = async () => {
			throw new DOMException('no', 'NotAllowedError');
		};
		const worker = stubWorker({ exportShared: async () => ({ blob: exported }) });
		expect((await sendToTeam(worker, 'db', { id: 'me', name: 'A' })).how).toBe('downloaded');
		nav.share = async () => {
			throw new DOMException('closed', 'AbortError');
		};
		created = [];
		expect((await sendToTeam(worker, 'db', { id: 'me', name: 'A' })).how).toBe('shared');
		expect(created).toEqual([]);
	});
});

/** A folder in memory, with the File System Access API's calls the app uses. */
function memoryFolder(name: string, files: Record<string, string>) {
	const store = new Map(Object.entries(files));
	return {
		name,
		kind: 'directory' as const,
		store,
		async *values() {
			for (const n of store.keys()) yield { kind: 'file' as const, name: n };
			yield { kind: 'directory' as const, name: 'archive' };
		},
		async getFileHandle(n: string, options: { create?: boolean } = {}) {
			if (!store.has(n) && !options.create) throw new DOMException('missing', 'NotFoundError');
			return {
				getFile: async () => new File([store.get(n) ?? ''], n),
				createWritable: async () => {
					let data = '';
					return {
						write: async (b: Blob) => void (data = await b.text()),
						close: async () => void store.set(n, data)
					};
				}
			};
		},
		queryPermission: async () => 'granted' as const,
		requestPermission: async () => 'granted' as const
	};
}

describe('TeamFolder', () => {
	afterEach(() => {
		delete (globalThis as Record<string, unknown>).showDirectoryPicker;
	});

	it('links a folder (remembered), writes my file there and reads the teammates’ only', async () => {
		const folder = memoryFolder('Team', {
			'tragt-ann.tragt.json': 'ann',
			'tragt-mette.tragt.json': 'old me',
			'readme.txt': 'not ours'
		});
		(globalThis as Record<string, unknown>).showDirectoryPicker = vi.fn(async () => folder);
		let kept: unknown;
		const handles = {
			get: async () => kept as never,
			set: async (h: unknown) => void (kept = h),
			delete: async () => void (kept = undefined)
		};
		const readTeamFiles = vi.fn(async (files: { name: string; blob: Blob }[]) =>
			files.map((f) => ({
				fileName: f.name,
				ok: true,
				problems: [],
				reps: [],
				counts: { leads: { added: 1, updated: 0, deleted: 0, unchanged: 0 } }
			}))
		);
		const exportShared = vi.fn(async () => ({ blob: new Blob(['mine']) }));
		const mergeTeamFiles = vi.fn(async () => ({ rows: 2 }));
		const worker = stubWorker({ readTeamFiles, exportShared, mergeTeamFiles });
		const team = new TeamFolder(
			handles,
			() => worker,
			() => 'db'
		);
		expect(team.supported).toBe(true);
		await team.link();
		expect(kept).toBe(folder);

		expect(await team.writeMine({ id: 'me', name: 'Mette' })).toBe('tragt-mette.tragt.json');
		expect(folder.store.get('tragt-mette.tragt.json')).toBe('mine');
		expect(exportShared).toHaveBeenCalledWith('db', { repIds: ['me'] });

		await team.read({ name: 'Mette' });
		const read = readTeamFiles.mock.calls[0][0].map((f) => f.name);
		expect(read).toEqual(['tragt-ann.tragt.json']);
		expect(team.entries.map((e) => [e.fileName, e.chosen, e.changes])).toEqual([
			['tragt-ann.tragt.json', true, 1]
		]);
		await team.mergeChosen();
		expect(mergeTeamFiles).toHaveBeenCalledWith('db', ['tragt-ann.tragt.json']);
		expect(team.merged).toEqual({ files: 1, rows: 2 });

		// Another visit: the folder comes back from the database.
		const again = new TeamFolder(
			handles,
			() => worker,
			() => 'db'
		);
		await again.load();
		expect(again.handle).toBe(folder);
		expect(again.permission).toBe('granted');
	});
});
