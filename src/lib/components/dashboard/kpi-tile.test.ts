import { render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '$lib/paraglide/runtime.js';
import { resultWith } from '$lib/dashboard/test-results';
import KpiTile from './kpi-tile.svelte';

afterEach(() => setLocale('en', { reload: false }));

const won = resultWith({ winLoss: { won: 12, lost: 7, winRate: 12 / 19 } });
const before = resultWith({ winLoss: { won: 5, lost: 5, winRate: 0.5 } });

function tile(props: Partial<Parameters<typeof render<typeof KpiTile>>[1]> = {}) {
	return render(KpiTile, {
		kpi: 'winLoss',
		result: won,
		previous: before,
		currency: 'DKK',
		query: 'period=last-90-days',
		...props
	});
}

describe('KPI tile in English', () => {
	it('shows the figure, its counts and a rise in words, sign and arrow', () => {
		tile();
		// 12 / 19 = 63.16 %; 63.16 - 50 = +13.2 percentage points.
		expect(screen.getByText('63.2%')).toBeInTheDocument();
		expect(screen.getByText('12 won · 7 lost')).toBeInTheDocument();
		expect(screen.getByText('Up 13.2 pp on the previous period (better)')).toBeInTheDocument();
		expect(screen.getByText(/▲\s*\+13.2 pp/)).toBeInTheDocument();
		expect(screen.getByRole('link', { name: 'Win rate' })).toHaveAttribute(
			'href',
			'/kpi/win-loss?period=last-90-days'
		);
	});

	it('a fall of a figure where lower is better is good news', () => {
		const fast = resultWith({ responseTime: { count: 3, meanHours: 4, medianHours: 2 } });
		const slow = resultWith({ responseTime: { count: 3, meanHours: 10, medianHours: 9 } });
		tile({ kpi: 'responseTime', result: fast, previous: slow });
		expect(screen.getByText('4 hours')).toBeInTheDocument();
		expect(screen.getByText('Down 6 hours on the previous period (better)')).toBeInTheDocument();
		expect(screen.getByText(/▼\s*−6 hours/)).toBeInTheDocument();
	});

	it('no change and no previous figure are said as such', () => {
		const { unmount } = tile({ previous: won });
		expect(screen.getByText('Same as the previous period')).toBeInTheDocument();
		unmount();
		tile({ previous: null });
		expect(screen.getByText('No figure for the previous period')).toBeInTheDocument();
	});

	it('while the previous period is computed, the change is pending, not "no figure"', () => {
		tile({ previous: null, comparing: true });
		expect(screen.getByText('63.2%')).toBeInTheDocument();
		expect(screen.getByText('…')).toBeInTheDocument();
		expect(screen.queryByText('No figure for the previous period')).toBeNull();
	});

	it('an empty period explains itself instead of showing 0', () => {
		tile({ kpi: 'salesCycle', result: resultWith({}) });
		expect(screen.getByText('No deals closed in this period')).toBeInTheDocument();
		expect(screen.queryByText(/^0/)).toBeNull();
	});

	it('money in the workspace currency', () => {
		const r = resultWith({ costPerLead: { campaigns: ['c'], cpl: 292.4, budget: 1000, leads: 4 } });
		tile({ kpi: 'costPerLead', result: r, previous: null, currency: 'EUR' });
		expect(screen.getByText('€292')).toBeInTheDocument();
	});
});

describe('KPI tile in Danish', () => {
	it('uses Danish words and number formats', () => {
		setLocale('da', { reload: false });
		tile();
		expect(screen.getByText('63,2 %')).toBeInTheDocument();
		expect(screen.getByText('12 vundet · 7 tabt')).toBeInTheDocument();
		expect(
			screen.getByText('Op 13,2 procentpoint fra forrige periode (bedre)')
		).toBeInTheDocument();
		expect(screen.getByRole('link', { name: 'Vinderrate' })).toBeInTheDocument();
	});

	it('empty state and durations in Danish', () => {
		setLocale('da', { reload: false });
		const { unmount } = tile({ kpi: 'salesCycle', result: resultWith({}) });
		expect(screen.getByText('Ingen handler lukket i perioden')).toBeInTheDocument();
		unmount();
		const r = resultWith({ salesCycle: { count: 2, meanDays: 12.5, medianDays: 12.5 } });
		tile({ kpi: 'salesCycle', result: r, previous: null });
		expect(screen.getByText('12,5 dage')).toBeInTheDocument();
	});
});

describe('forecast accuracy tile under a campaign or origin filter', () => {
	// 4 forecasts, accuracy 80 %: a figure, so the tile shows its lines.
	const figures = { count: 4, accuracy: 0.8, bias: 0.1, amount: 1000, actual: 900 };

	it('says in words which filters the figure ignores (English)', () => {
		const { unmount } = tile({
			kpi: 'forecastAccuracy',
			result: resultWith({ forecastAccuracy: { ...figures, unfilteredBy: ['campaigns'] } }),
			previous: null
		});
		expect(screen.getByText('80%')).toBeInTheDocument();
		expect(screen.getByText('Not filtered by campaign')).toBeInTheDocument();
		unmount();
		tile({
			kpi: 'forecastAccuracy',
			result: resultWith({
				forecastAccuracy: { ...figures, unfilteredBy: ['campaigns', 'origins'] }
			}),
			previous: null
		});
		expect(screen.getByText('Not filtered by campaign or origin')).toBeInTheDocument();
	});

	it('no marker without such a filter, nor on other tiles', () => {
		const { unmount } = tile({
			kpi: 'forecastAccuracy',
			result: resultWith({ forecastAccuracy: figures }),
			previous: null
		});
		expect(screen.getByText('80%')).toBeInTheDocument();
		expect(screen.queryByText(/Not filtered/)).toBeNull();
		unmount();
		// The win rate tile of a filtered result: the filters apply to it, nothing to say.
		tile({ result: resultWith({ ...won, forecastAccuracy: { unfilteredBy: ['origins'] } }) });
		expect(screen.queryByText(/Not filtered/)).toBeNull();
	});

	it('in Danish', () => {
		setLocale('da', { reload: false });
		tile({
			kpi: 'forecastAccuracy',
			result: resultWith({ forecastAccuracy: { ...figures, unfilteredBy: ['origins'] } }),
			previous: null
		});
		expect(screen.getByText('80 %')).toBeInTheDocument();
		expect(screen.getByText('Ikke filtreret efter oprindelse')).toBeInTheDocument();
	});
});
