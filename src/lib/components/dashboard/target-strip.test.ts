// The "On track?" strip fed a result from the real engine (three targets in Q1 2026, seen on
// 15 February): each card shows actual against amount, the pace, the projection and the status
// in words; the strip is gone without targets; each card links to the target's page.
import { render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '$lib/paraglide/runtime.js';
import { forecastResult } from '$lib/dashboard/test-forecast';
import TargetStrip from './target-strip.svelte';

afterEach(() => setLocale('en', { reload: false }));

const strip = (result = forecastResult()) =>
	render(TargetStrip, {
		result,
		currency: 'DKK',
		query: 'period=this-quarter',
		repName: (id: string) => (id === 'r1' ? 'Anna' : id)
	});

describe('On track? strip', () => {
	it('holds a place for each card while the cards load, so the tiles below never move', () => {
		strip();
		expect(screen.getByRole('heading', { name: 'On track?' })).toBeInTheDocument();
		expect(screen.getAllByRole('listitem')).toHaveLength(3);
		expect(screen.queryByTestId('target-card')).toBeNull();
	});

	it('shows each target: actual of amount, pace, projection and status in words', async () => {
		strip();
		expect(screen.getByRole('heading', { name: 'On track?' })).toBeInTheDocument();
		const cards = await screen.findAllByTestId('target-card');
		expect(cards).toHaveLength(3);
		// t1: 30,000 won of 100,000; half the quarter gone, so 50,000 expected by now; behind.
		const t1 = within(cards[0]);
		expect(t1.getByText('Won value')).toBeInTheDocument();
		expect(t1.getByText(/^Team · /)).toBeInTheDocument();
		expect(t1.getByText('DKK 30,000 of DKK 100.0K')).toBeInTheDocument();
		expect(t1.getByText('Expected by now: DKK 50,000')).toBeInTheDocument();
		expect(
			t1.getByText(/^Projected finish: DKK 68,000 \(10–90 %: DKK 50,806–DKK 85,194\)$/)
		).toBeInTheDocument();
		expect(t1.getByTestId('target-status')).toHaveTextContent('▼ Behind');
		// t2: Anna's 3 new leads of 2: met. t3: March has not begun.
		expect(within(cards[1]).getByText(/^Anna · /)).toBeInTheDocument();
		expect(within(cards[1]).getByTestId('target-status')).toHaveTextContent('✓ Met');
		expect(within(cards[1]).getByText('3 of 2')).toBeInTheDocument();
		expect(within(cards[2]).getByTestId('target-status')).toHaveTextContent('Upcoming');
		expect(within(cards[2]).getByText('No projection yet')).toBeInTheDocument();
	});

	it('each card links to its target page, carrying the view', async () => {
		strip();
		const [first] = await screen.findAllByRole('link');
		expect(first).toHaveAttribute('href', '/targets/t1?period=this-quarter');
	});

	it('is hidden when the period has no targets', () => {
		strip(forecastResult([]));
		expect(screen.queryByTestId('target-strip')).toBeNull();
		expect(screen.queryByRole('heading', { name: 'On track?' })).toBeNull();
	});

	it('speaks Danish', async () => {
		setLocale('da', { reload: false });
		strip();
		expect(screen.getByRole('heading', { name: 'På sporet?' })).toBeInTheDocument();
		expect((await screen.findAllByTestId('target-status'))[0]).toHaveTextContent('Bagud');
	});
});
