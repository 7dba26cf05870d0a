import { Empty } from 'antd';
import { LABELS, TICKET_STATUSES, TICKET_TYPES } from '@yizhan/shared';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { Stats } from '../../../services/stats';
import { T } from '../../../strings';

// Only the chart kinds we draw: keeps the dashboard chunk small.
echarts.use([LineChart, BarChart, PieChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export function TrendChart({ trend }: { trend: Stats['trend'] }) {
  const option = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [T.dashboard.created, T.dashboard.resolved, T.dashboard.satisfaction] },
    grid: { left: 40, right: 48, bottom: 30, top: 40 },
    xAxis: { type: 'category', data: trend.map((d) => d.date.slice(5)) },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    ],
    series: [
      { name: T.dashboard.created, type: 'bar', data: trend.map((d) => d.created) },
      { name: T.dashboard.resolved, type: 'bar', data: trend.map((d) => d.resolved) },
      {
        name: T.dashboard.satisfaction,
        type: 'line',
        yAxisIndex: 1,
        connectNulls: true,
        data: trend.map((d) => (d.satisfactionRate === null ? null : Math.round(d.satisfactionRate * 1000) / 10)),
      },
    ],
  };
  return <ReactEChartsCore echarts={echarts} option={option} style={{ height: 300 }} notMerge />;
}

export function TypePie({ byType }: { byType: Stats['counts']['byType'] }) {
  // A pie of nothing draws equal slices: say there is nothing instead.
  if (!Object.values(byType).some((n) => (n ?? 0) > 0)) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={T.dashboard.noData} />;
  const option = {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['40%', '70%'],
        data: TICKET_TYPES.map((t) => ({ name: LABELS.type[t], value: byType[t] ?? 0 })),
      },
    ],
  };
  return <ReactEChartsCore echarts={echarts} option={option} style={{ height: 260 }} notMerge />;
}

export function StatusBar({ byStatus }: { byStatus: Stats['counts']['byStatus'] }) {
  if (!Object.values(byStatus).some((n) => (n ?? 0) > 0)) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={T.dashboard.noData} />;
  const option = {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, bottom: 30, top: 16 },
    xAxis: { type: 'category', data: TICKET_STATUSES.map((s) => LABELS.status[s]) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: TICKET_STATUSES.map((s) => byStatus[s] ?? 0) }],
  };
  return <ReactEChartsCore echarts={echarts} option={option} style={{ height: 260 }} notMerge />;
}

/** 投诉统计: complaints per category, stacked by the owners' findings (有效 / 无效 / 待认定). */
export function ComplaintBar({ complaints }: { complaints: Stats['complaints'] }) {
  const rows = complaints.byCategory;
  const option = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [T.complaint.valid, T.complaint.invalid, T.complaint.unjudged] },
    grid: { left: 40, right: 16, bottom: 30, top: 40 },
    xAxis: { type: 'category', data: rows.map((r) => r.category) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: T.complaint.valid, type: 'bar', stack: 'all', data: rows.map((r) => r.valid) },
      { name: T.complaint.invalid, type: 'bar', stack: 'all', data: rows.map((r) => r.invalid) },
      { name: T.complaint.unjudged, type: 'bar', stack: 'all', data: rows.map((r) => r.unjudged) },
    ],
  };
  return <ReactEChartsCore echarts={echarts} option={option} style={{ height: 260 }} notMerge />;
}
