import { LABELS, SLA_CLOCKS } from '@yizhan/shared';
import { Card, Col, DatePicker, Progress, Row, Space, Spin, Statistic, Table, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { CommunitySelect } from '../../../components/pickers';
import { useAsync } from '../../../hooks/useAsync';
import { getStats, type Stats } from '../../../services/stats';
import { countTickets } from '../../../services/tickets';
import { T } from '../../../strings';
import { dayjs, fmtDuration, fmtPercent, TZ, type Dayjs } from '../../../time';

// ECharts is the heaviest dependency: load it after the numbers are on screen.
const TrendChart = lazy(() => import('./charts').then((m) => ({ default: m.TrendChart })));
const TypePie = lazy(() => import('./charts').then((m) => ({ default: m.TypePie })));
const StatusBar = lazy(() => import('./charts').then((m) => ({ default: m.StatusBar })));
const ComplaintBar = lazy(() => import('./charts').then((m) => ({ default: m.ComplaintBar })));

const SATISFACTION_TARGET = 0.9;
const sum = (o: Partial<Record<string, number>>) => Object.values(o).reduce<number>((a, b) => a + (b ?? 0), 0);

export function todayNumbers(stats: Stats | undefined) {
  return {
    created: stats ? sum(stats.counts.byType) : null,
    resolved: stats ? stats.trend.reduce((a, d) => a + d.resolved, 0) : null,
  };
}

export default function DashboardPage() {
  const [communityId, setCommunityId] = useState<string | undefined>();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => {
    const today = dayjs().tz(TZ).startOf('day');
    return [today.subtract(29, 'day'), today];
  });
  const from = range[0].tz(TZ).startOf('day').toISOString();
  const to = range[1].tz(TZ).startOf('day').add(1, 'day').toISOString();
  const todayFrom = dayjs().tz(TZ).startOf('day').toISOString();

  // Statistics are per community: wait until one is chosen (the first of the user's is picked for them).
  const { data: stats, loading } = useAsync(() => (communityId ? getStats({ communityId, from, to }) : Promise.resolve(undefined)), [communityId, from, to]);
  const { data: today } = useAsync(
    () => (communityId ? getStats({ communityId, from: todayFrom, to: dayjs().toISOString() }) : Promise.resolve(undefined)),
    [communityId, todayFrom],
  );
  const t = todayNumbers(today);
  // What stands open right now (the cards below are the chosen period's, so nothing here repeats them).
  const { data: openNow } = useAsync(() => (communityId ? countTickets({ communityId, stage: 'open' }) : Promise.resolve(undefined)), [communityId, todayFrom]);
  const { data: overdueNow } = useAsync(
    () => (communityId ? countTickets({ communityId, stage: 'open', overdue: true }) : Promise.resolve(undefined)),
    [communityId, todayFrom],
  );

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={T.dashboard.title}
        extra={
          <Space wrap>
            <CommunitySelect autoPickFirst value={communityId} onChange={setCommunityId} />
            <DatePicker.RangePicker value={range} allowClear={false} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} />
          </Space>
        }
      >
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {T.dashboard.today}
        </Typography.Title>
        <Row gutter={[16, 16]} data-testid="today">
          <Col xs={12} md={6}>
            <Statistic title={T.dashboard.created} value={t.created ?? '—'} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={T.dashboard.resolved} value={t.resolved ?? '—'} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={T.dashboard.openNow} value={openNow?.total ?? '—'} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={T.dashboard.overdueNow} value={overdueNow?.total ?? '—'} valueStyle={overdueNow?.total ? { color: '#cf1322' } : undefined} />
          </Col>
        </Row>
      </Card>

      <Spin spinning={loading}>
        <Row gutter={[16, 16]}>
          <Col xs={24} md={12} xl={6}>
            <Card>
              <Statistic title={`${T.dashboard.firstResponse}${T.dashboard.median}`} value={fmtDuration(stats?.firstResponse.medianSec)} />
              <Typography.Text type="secondary">
                {T.dashboard.p90} {fmtDuration(stats?.firstResponse.p90Sec)} 内
              </Typography.Text>
            </Card>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Card>
              <Statistic title={`${T.dashboard.resolution}${T.dashboard.median}`} value={fmtDuration(stats?.resolution.medianSec)} />
              <Typography.Text type="secondary">
                {T.dashboard.p90} {fmtDuration(stats?.resolution.p90Sec)} 内
              </Typography.Text>
            </Card>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Card>
              <Statistic
                title={T.dashboard.satisfaction}
                value={fmtPercent(stats?.satisfactionRate)}
                valueStyle={{ color: stats?.satisfactionRate != null && stats.satisfactionRate < SATISFACTION_TARGET ? '#cf1322' : '#389e0d' }}
              />
              <Typography.Text type="secondary">{T.dashboard.satisfactionTarget}</Typography.Text>
            </Card>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Card>
              <Space size={24}>
                <Statistic title={T.dashboard.revisitRate} value={fmtPercent(stats?.revisitRate)} />
                <Statistic title={T.dashboard.reopenRate} value={fmtPercent(stats?.reopenRate)} />
              </Space>
            </Card>
          </Col>
          <Col xs={24} lg={8}>
            <Card title={T.dashboard.onTime} style={{ height: '100%' }}>
              {SLA_CLOCKS.map((c) => {
                const rate = stats?.onTimeRate[c] ?? null;
                return (
                  <div key={c} style={{ marginBottom: 8 }} data-clock={c}>
                    <Typography.Text>{LABELS.clock[c]}</Typography.Text>
                    {rate === null ? (
                      <Typography.Text type="secondary" style={{ float: 'right' }}>
                        {T.dash}
                      </Typography.Text>
                    ) : (
                      <Progress percent={Math.round(rate * 1000) / 10} status={rate < SATISFACTION_TARGET ? 'exception' : 'success'} format={(p) => `${p}%`} />
                    )}
                  </div>
                );
              })}
            </Card>
          </Col>
          <Col xs={24} lg={16}>
            <Card title={T.dashboard.trend}>
              <Suspense fallback={<Spin />}>{stats ? <TrendChart trend={stats.trend} /> : null}</Suspense>
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title={T.dashboard.byType}>
              <Suspense fallback={<Spin />}>{stats ? <TypePie byType={stats.counts.byType} /> : null}</Suspense>
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title={T.dashboard.byStatus}>
              <Suspense fallback={<Spin />}>{stats ? <StatusBar byStatus={stats.counts.byStatus} /> : null}</Suspense>
            </Card>
          </Col>
          <Col span={24}>
            <Card
              title={T.complaint.stats}
              data-testid="complaint-stats"
              extra={
                stats ? (
                  <Space size={16} wrap>
                    <span>
                      {T.complaint.count} {stats.complaints.count}
                    </span>
                    <span>
                      {T.complaint.major} {stats.complaints.major}
                    </span>
                    <span>
                      {T.complaint.valid} {stats.complaints.valid}
                    </span>
                    <span>
                      {T.complaint.onTime} {fmtPercent(stats.complaints.onTimeRate)}
                    </span>
                  </Space>
                ) : null
              }
            >
              <Row gutter={[16, 16]}>
                <Col xs={24} lg={12}>
                  <Suspense fallback={<Spin />}>{stats?.complaints.count ? <ComplaintBar complaints={stats.complaints} /> : null}</Suspense>
                </Col>
                <Col xs={24} lg={12}>
                  <Table
                    rowKey="category"
                    size="small"
                    dataSource={stats?.complaints.byCategory ?? []}
                    pagination={false}
                    scroll={{ x: true }}
                    locale={{ emptyText: T.dashboard.noData }}
                    columns={[
                      { title: T.complaint.category, dataIndex: 'category' },
                      { title: T.complaint.count, dataIndex: 'count' },
                      { title: T.complaint.major, dataIndex: 'major' },
                      { title: T.complaint.valid, dataIndex: 'valid' },
                      { title: T.complaint.invalid, dataIndex: 'invalid' },
                      { title: T.complaint.replied, dataIndex: 'replied' },
                      { title: T.complaint.onTime, dataIndex: 'onTimeRate', render: (v: number | null) => fmtPercent(v) },
                    ]}
                  />
                </Col>
              </Row>
            </Card>
          </Col>
          <Col span={24}>
            <Card title={T.dashboard.owners}>
              <Table
                rowKey="staffId"
                size="small"
                dataSource={stats?.owners ?? []}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                locale={{ emptyText: T.dashboard.noData }}
                columns={[
                  { title: T.dashboard.ownerName, dataIndex: 'name' },
                  { title: T.dashboard.owned, dataIndex: 'owned', sorter: (a, b) => a.owned - b.owned, defaultSortOrder: 'descend' },
                  {
                    title: T.dashboard.onTimeCol,
                    dataIndex: 'onTimeRate',
                    sorter: (a, b) => (a.onTimeRate ?? -1) - (b.onTimeRate ?? -1),
                    render: (v: number | null) => (
                      <Typography.Text type={v !== null && v < SATISFACTION_TARGET ? 'danger' : undefined}>{fmtPercent(v)}</Typography.Text>
                    ),
                  },
                  {
                    title: T.dashboard.satisfaction,
                    dataIndex: 'satisfactionRate',
                    sorter: (a, b) => (a.satisfactionRate ?? -1) - (b.satisfactionRate ?? -1),
                    render: (v: number | null) => (
                      <Typography.Text type={v !== null && v < SATISFACTION_TARGET ? 'danger' : undefined}>{fmtPercent(v)}</Typography.Text>
                    ),
                  },
                ]}
              />
            </Card>
          </Col>
        </Row>
      </Spin>
    </Space>
  );
}
