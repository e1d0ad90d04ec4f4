// Forecast accuracy's additions fed by the real engine: the pipeline's forecast at the period's
// start against the actual, said to be reconstructed, with the Brier score; and a period that
// has not begun, said in words. The chart itself needs a browser (ResizeObserver); its options
// and table are tested in src/lib/kpis/pipeline-forecast/charts.test.ts.
import { render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { computeKpis, datasetFromRecords } from '$lib/kpi';
import { setLocale } from '$lib/paraglide/runtime.js';
import { forecastRecords, forecastResult } from '$lib/dashboard/test-forecast';
import { ctx } from '$lib/kpis/chart-test-context';
import PipelineForecastPanel from './pipeline-forecast-panel.svelte';

afterEach(() => setLocale('en', { reload: false }));

const panel = (r = forecastResult()) =>
	render(PipelineForecastPanel, {
		forecast: r.pipelineForecast,
		calibration: r.calibration,
		ctx,
		showChart: false
	});

describe('the pipeline forecast on forecast accuracy’s page', () => {
	it('forecast with its range, the actual, accuracy and bias, reconstructed, and the Brier score', () => {
		panel();
		expect(screen.getByText(/^Reconstructed from today’s values/)).toBeInTheDocument();
		expect(screen.getByTestId('pf-summary').textContent?.replace(/\u00a0/g, ' ')).toBe(
			'2 open deals were expected to close in the period: forecast DKK 38,000 (10–90 %: DKK 20,806–DKK 55,194), actual DKK 30,000. Accuracy 73.3%, bias +26.7%.'
		);
		expect(screen.getByTestId('brier')).toHaveTextContent(
			'Brier score of the configured probabilities: 0.01 over 3 leads closed in the period'
		);
	});

	it('a period that has not begun says why there are no figures', () => {
		const future = computeKpis(datasetFromRecords(forecastRecords(), 'UTC'), {
			from: Date.UTC(2026, 3, 1),
			to: Date.UTC(2026, 6, 1),
			now: Date.UTC(2026, 1, 15)
		});
		panel(future);
		expect(screen.getByRole('status')).toHaveTextContent(
			'The period has not begun yet, so there is no pipeline at its start to compare with.'
		);
		expect(screen.queryByText(/^Reconstructed/)).toBeNull();
		expect(screen.getByTestId('brier')).toHaveTextContent(/^No Brier score/);
	});

	it('speaks Danish', () => {
		setLocale('da', { reload: false });
		panel();
		expect(
			screen.getByRole('heading', { name: 'Hvad pipelinen sagde ved periodens start' })
		).toBeInTheDocument();
		expect(screen.getByText(/^Genskabt ud fra dagens værdier/)).toBeInTheDocument();
	});
});
