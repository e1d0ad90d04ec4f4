// The calibration table against a real (fake-indexeddb) database: a stage outside its interval
// is flagged in words, "Use historical" sets its probability through the command history, and
// undo puts the configured one back.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CalibrationResult } from '$lib/kpi/result-types';
import { ctx } from '$lib/kpis/chart-test-context';
import { AppState } from '$lib/state/app-state.svelte';
import { appContext } from '$lib/state/context';
import CalibrationPanel from './calibration-panel.svelte';

let app: AppState;
let dbCount = 0;

beforeEach(async () => {
	app = new AppState({ dbName: `calibration-test-${++dbCount}` });
	await app.open();
	await app.startWorkspace({ repName: 'Mette Holm', currency: 'DKK', timeZone: 'UTC' });
});

afterEach(() => {
	const name = app.db.name;
	app.close();
	indexedDB.deleteDatabase(name);
});

// The default pipeline: Lead 5 %, Proposal 50 %. Proposal won 16 of 20 (80 %, interval
// 62 %-91 %): 50 % does not fit. Lead fits; a stage with no closed leads has no verdict.
const calibration: CalibrationResult = {
	n: 40,
	brier: 0.18,
	brierCount: 12,
	byStage: {
		lead: {
			configured: 0.05,
			n: 40,
			won: 3,
			historical: 0.075,
			lower: 0.03,
			upper: 0.17,
			fits: true
		},
		proposal: {
			configured: 0.5,
			n: 20,
			won: 16,
			historical: 0.8,
			lower: 0.62,
			upper: 0.91,
			fits: false
		},
		negotiation: {
			configured: 0.75,
			n: 0,
			won: 0,
			historical: null,
			lower: null,
			upper: null,
			fits: null
		}
	}
};

const stageCtx = {
	...ctx,
	stageName: (id: string) => id[0].toUpperCase() + id.slice(1),
	stageOrder: (id: string) => ['lead', 'proposal', 'negotiation'].indexOf(id)
};

const probability = async (id: string) => (await app.db.stages.get(id))?.probability;

describe('calibration table', () => {
	it('flags the stage outside its interval in words and offers its historical probability', () => {
		render(CalibrationPanel, {
			props: { calibration, ctx: stageCtx, showChart: false },
			context: appContext(app)
		});
		const rows = screen.getAllByRole('row').slice(1);
		expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
			'Lead',
			'Proposal',
			'Negotiation'
		]);
		expect(rows[0]).toHaveTextContent('✓ Fits');
		expect(rows[1]).toHaveTextContent('50%80%2062% – 91%⚠ Outside');
		expect(rows[2]).toHaveTextContent('No closed leads');
		expect(screen.getAllByRole('button')).toHaveLength(1);
		expect(
			within(rows[1]).getByRole('button', {
				name: 'Set the probability of Proposal to the historical 80% (can be undone)'
			})
		).toHaveTextContent('Use 80%');
	});

	it('"Use historical" is one undoable step', async () => {
		const user = userEvent.setup();
		render(CalibrationPanel, {
			props: { calibration, ctx: stageCtx, showChart: false },
			context: appContext(app)
		});
		expect(await probability('proposal')).toBe(0.5);
		await user.click(screen.getByRole('button', { name: /Proposal/ }));
		await waitFor(async () => expect(await probability('proposal')).toBe(0.8));
		expect(app.history.canUndo).toBe(true);
		await app.undo();
		expect(await probability('proposal')).toBe(0.5);
		await app.redo();
		expect(await probability('proposal')).toBe(0.8);
	});
});

describe('calibration samples', () => {
	it('n opens the list of the stage’s sample, asked of the worker by stage id', async () => {
		const user = userEvent.setup();
		const id = await app.createLead('Nordlys ApS');
		const asked: (string | undefined)[] = [];
		const records = async (_key: string, part?: string) => {
			asked.push(part);
			return part === 'proposal' ? [id] : [];
		};
		render(CalibrationPanel, {
			props: { calibration, ctx: stageCtx, showChart: false, records },
			context: appContext(app)
		});
		const n = screen.getByRole('button', { name: 'Show the 20 leads that reached Proposal' });
		expect(n).toHaveAttribute('aria-pressed', 'false');
		await user.click(n);
		expect(n).toHaveAttribute('aria-pressed', 'true');
		const list = screen.getByTestId('calibration-sample');
		expect(within(list).getByRole('heading')).toHaveTextContent(
			'Leads that reached Proposal, closed before the period’s end'
		);
		await waitFor(() => expect(within(list).getByText('Nordlys ApS')).toBeInTheDocument());
		expect(asked).toEqual(['proposal']);
	});
});
