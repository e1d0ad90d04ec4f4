// The wizard state over a stubbed worker (the real service is tested over fake-indexeddb), and
// the check result as a person sees it.
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ConvertInfo, ReadInfo } from '$lib/io/csv-import/import-service';
import { ImportWizard, type ImportWorker } from '$lib/state/import.svelte';
import CheckResult from './check-result.svelte';

const mavenHeaders = [
	'opportunity_id',
	'sales_agent',
	'product',
	'account',
	'deal_stage',
	'engage_date',
	'close_date',
	'close_value'
];

function readInfo(headers: string[]): ReadInfo {
	return {
		fileName: 'f.csv',
		encoding: 'utf-8',
		bom: false,
		delimiter: ',',
		hasHeader: true,
		headers,
		sample: [],
		rowCount: 3,
		summary: { dateOrder: 'ymd', dateOrderAmbiguous: false, decimalComma: false, columns: [] },
		csvErrors: []
	};
}

function stubWorker(service: Record<string, unknown>): ImportWorker {
	return { service, terminate: vi.fn() } as unknown as ImportWorker;
}

describe('ImportWizard', () => {
	it('chooses the matching preset and its mapping after reading a file', async () => {
		const wizard = new ImportWizard(
			stubWorker({ readCsv: vi.fn(async () => readInfo(mavenHeaders)) }),
			'db'
		);
		await wizard.load('x', 'sales_pipeline.csv');
		expect(wizard.step).toBe('map');
		expect(wizard.presetId).toBe('maven-crm');
		expect(wizard.mapping).toMatchObject({ owner: 'sales_agent', closedAt: 'close_date' });
		expect(wizard.stageMap.Engaging).toBe('qualified');
	});

	it('suggests a mapping from the headers when no preset fits', async () => {
		const wizard = new ImportWizard(
			stubWorker({ readCsv: vi.fn(async () => readInfo(['Navn', 'Beløb', 'Oprettet'])) }),
			'db'
		);
		await wizard.load('x', 'mine.csv');
		expect(wizard.presetId).toBe('');
		expect(wizard.mapping).toEqual({ name: 'Navn', value: 'Beløb', createdAt: 'Oprettet' });
	});

	it('a failed write leaves the checked result in place and says what went wrong', async () => {
		const result: ConvertInfo = {
			ok: true,
			problems: [],
			problemCount: 0,
			rows: 1,
			counts: { leads: 1 },
			newReps: [],
			newCampaigns: [],
			preview: {}
		};
		const wizard = new ImportWizard(
			stubWorker({
				readCsv: vi.fn(async () => readInfo(mavenHeaders)),
				convert: vi.fn(async () => result),
				writeConverted: vi.fn(async () => {
					throw new Error('QuotaExceededError');
				})
			}),
			'db'
		);
		await wizard.load('x', 'f.csv');
		await wizard.check();
		expect(await wizard.write()).toBe(false);
		expect(wizard.error).toMatch(/^Storage full: nothing was saved/);
		expect(wizard.step).toBe('check');
		expect(wizard.result).toBe(result);
	});
});

describe('CheckResult', () => {
	it('lists every problem by row and column, and offers no import', () => {
		const wizard = new ImportWizard(stubWorker({}), 'db');
		wizard.result = {
			ok: false,
			problems: [{ row: 5012, column: 'created', value: '2024-02-30', message: 'is not a date' }],
			problemCount: 1,
			rows: 6000,
			counts: {},
			newReps: [],
			newCampaigns: [],
			preview: {}
		};
		render(CheckResult, { wizard, onimport: vi.fn() });
		expect(screen.getByRole('alert')).toHaveTextContent('1 problems: nothing was imported');
		const cells = screen.getAllByRole('cell').map((c) => c.textContent);
		expect(cells).toEqual(['5,012', 'created', '2024-02-30', 'is not a date']);
		expect(screen.queryByRole('button', { name: /^Import/ })).toBeNull();
		expect(screen.getByRole('button', { name: 'Download the problem list (CSV)' })).toBeEnabled();
	});

	it('shows what will be stored and imports on request', async () => {
		const wizard = new ImportWizard(stubWorker({}), 'db');
		wizard.result = {
			ok: true,
			problems: [],
			problemCount: 0,
			rows: 2,
			counts: { reps: 1, leads: 2, stageEvents: 3 },
			newReps: ['Ann'],
			newCampaigns: [],
			preview: {
				leads: [
					{
						id: 'L1',
						updatedAt: 'x',
						name: 'Acme',
						ownerId: 'r',
						origin: 'sales',
						createdAt: '2024-01-01',
						stageId: 'won'
					}
				]
			}
		};
		const onimport = vi.fn();
		render(CheckResult, { wizard, onimport });
		expect(screen.getByRole('status')).toHaveTextContent(
			'2 rows become: 1 reps, 2 leads, 3 stage events'
		);
		expect(screen.getByRole('status')).toHaveTextContent('New reps: Ann');
		expect(screen.getByRole('cell', { name: 'Acme' })).toBeInTheDocument();
		await userEvent.click(screen.getByRole('button', { name: 'Import 6 records' }));
		expect(onimport).toHaveBeenCalledOnce();
	});
});
