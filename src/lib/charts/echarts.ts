// ECharts with only the parts the KPI pages use. This module is the only one that imports
// echarts, and only through a dynamic import, so the library is its own lazy chunk: the
// dashboard's first screen never loads it.
import { BarChart, FunnelChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
	BarChart,
	LineChart,
	FunnelChart,
	GridComponent,
	TooltipComponent,
	LegendComponent,
	CanvasRenderer
]);

export { echarts };
