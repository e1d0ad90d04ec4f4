// The chart attachment: `<div {@attach chart(() => options)}>`. Loads ECharts lazily, follows
// the container's size (ResizeObserver) and the theme (data-theme / prefers-color-scheme),
// re-applies options when they change, and disposes the chart when the element leaves.
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import type { Attachment } from 'svelte/attachments';

export interface ChartHandle {
	/** The chart as a PNG data URL on the page's background colour. */
	toPng(): string;
}

/** Colours from the design tokens, so charts match light and dark themes. */
export function chartColors(root: HTMLElement = document.documentElement) {
	const css = getComputedStyle(root);
	const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
	const dark = css.colorScheme.includes('dark') && !css.colorScheme.includes('light');
	return {
		dark,
		text: v('--text', '#151a22'),
		muted: v('--text-muted', '#4a5463'),
		border: v('--border', '#d5dbe3'),
		surface: v('--surface', '#ffffff'),
		palette: dark
			? ['#84a9ff', '#f5b86b', '#6fdc8c', '#ff8a80', '#c5a3ff', '#5fd4d4', '#e7eaf0']
			: ['#1d4ed8', '#c2410c', '#15803d', '#b91c1c', '#7c3aed', '#0e7490', '#4a5463']
	};
}

function themed(options: EChartsCoreOption): EChartsCoreOption {
	const c = chartColors();
	const o = options as Record<string, Record<string, unknown> | undefined>;
	// One level deeper than a spread: the chart's own axisLabel keeps the theme's colours.
	const axis = (a: Record<string, unknown> | undefined) =>
		a && {
			...a,
			axisLine: { ...(a.axisLine as object), lineStyle: { color: c.border } },
			// A second value axis hides its split lines (show: false): keep that.
			splitLine: { ...(a.splitLine as object), lineStyle: { color: c.border } },
			axisLabel: { color: c.muted, hideOverlap: true, ...(a.axisLabel as object) }
		};
	const axes = (x: unknown) =>
		Array.isArray(x) ? x.map(axis) : axis(x as Record<string, unknown> | undefined);
	// Labels drawn on a coloured funnel step: the page's background colour contrasts with the
	// palette in both themes (dark text on the light dark-theme colours, and the reverse).
	const series = Array.isArray(o.series)
		? (o.series as Record<string, unknown>[]).map((s) =>
				s.type === 'funnel'
					? { ...s, label: { ...(s.label as object), color: c.surface, textBorderWidth: 0 } }
					: s
			)
		: o.series;
	return {
		...options,
		series,
		color: c.palette,
		backgroundColor: 'transparent',
		textStyle: { color: c.text, fontFamily: 'system-ui, sans-serif' },
		legend: { type: 'scroll', top: 0, ...o.legend, textStyle: { color: c.text } },
		tooltip: {
			confine: true,
			...o.tooltip,
			backgroundColor: c.surface,
			borderColor: c.border,
			textStyle: { color: c.text }
		},
		grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true, ...o.grid },
		xAxis: axes(o.xAxis),
		yAxis: axes(o.yAxis),
		animation: false
	};
}

export function chart(
	options: () => EChartsCoreOption,
	onready?: (handle: ChartHandle | null) => void
): Attachment<HTMLElement> {
	return (node) => {
		let instance: EChartsType | null = null;
		let disposed = false;
		let current = options();

		const apply = () => instance?.setOption(themed(current), { notMerge: true });
		const resize = new ResizeObserver(() => instance?.resize());
		const themeWatch = new MutationObserver(apply);
		const media = window.matchMedia?.('(prefers-color-scheme: dark)');

		void import('./echarts').then(({ echarts }) => {
			if (disposed) return;
			instance = echarts.init(node, undefined, { renderer: 'canvas' });
			apply();
			resize.observe(node);
			themeWatch.observe(document.documentElement, { attributeFilter: ['data-theme'] });
			media?.addEventListener?.('change', apply);
			onready?.({
				toPng: () =>
					instance!.getDataURL({
						type: 'png',
						pixelRatio: 2,
						backgroundColor: chartColors().surface
					})
			});
		});

		// Options change: update in place instead of re-creating the chart.
		$effect(() => {
			current = options();
			apply();
		});

		return () => {
			disposed = true;
			resize.disconnect();
			themeWatch.disconnect();
			media?.removeEventListener?.('change', apply);
			instance?.dispose();
			instance = null;
			onready?.(null);
		};
	};
}
