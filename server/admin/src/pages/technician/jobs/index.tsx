import { EnvironmentOutlined, ReloadOutlined } from '@ant-design/icons';
import type { TicketSummary } from '@yizhan/shared';
import { Button, Card, Empty, List, Space, Spin, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { DeadlineCell } from '../../../components/deadline';
import { TicketActions } from '../../../components/TicketActions';
import { PriorityTag, StatusTag, TypeTag } from '../../../components/TicketTags';
import { useAsync } from '../../../hooks/useAsync';
import { useNow } from '../../../hooks/useNow';
import { useStaffEventListener } from '../../../hooks/useStaffEventListener';
import { listTickets } from '../../../services/tickets';
import { T } from '../../../strings';
import { fmtDateTime, inShanghai } from '../../../time';

/** A list item carries the visit time agreed at dispatch (`appointmentAt`). */
type Job = TicketSummary;

async function loadJobs(): Promise<Job[]> {
  const page = await listTickets({ mine: 'assignee', stage: 'open', sort: 'deadline' }, { limit: 100 });
  return page.items;
}

export function splitToday(jobs: Job[], now: Date): { today: Job[]; others: Job[] } {
  const today = inShanghai(now).format('YYYY-MM-DD');
  const isToday = (j: Job) => Boolean(j.appointmentAt) && inShanghai(j.appointmentAt!).format('YYYY-MM-DD') === today;
  const byTime = (a: Job, b: Job) => (a.appointmentAt ?? '').localeCompare(b.appointmentAt ?? '');
  return { today: jobs.filter(isToday).sort(byTime), others: jobs.filter((j) => !isToday(j)) };
}

function JobCard({ job, now, onDone }: { job: Job; now: Date; onDone: () => void }) {
  return (
    <Card size="small" style={{ width: '100%' }} data-testid="job-card">
      <Space direction="vertical" size={6} style={{ width: '100%' }}>
        <Space wrap size={4}>
          <Link to={`/tickets/${job.id}`}>
            <Typography.Text strong>{job.no}</Typography.Text>
          </Link>
          <TypeTag type={job.type} />
          <StatusTag status={job.status} onHold={job.onHold} />
          <PriorityTag priority={job.priority} />
        </Space>
        <Typography.Text>
          <EnvironmentOutlined /> {job.location.label} · {job.category}
        </Typography.Text>
        <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
          {job.description}
        </Typography.Paragraph>
        {job.appointmentAt ? (
          <Typography.Text type="secondary">
            {T.jobs.appointment} {fmtDateTime(job.appointmentAt)}
          </Typography.Text>
        ) : null}
        <DeadlineCell ticket={job} now={now} />
        <TicketActions ticket={job} onDone={onDone} only={['start', 'resolve', 'hold', 'resume']} block />
      </Space>
    </Card>
  );
}

/** The technician's phone screen: today's visits first, then the rest, each with its next step. */
export default function JobsPage() {
  const now = useNow();
  const { data, loading, reload } = useAsync(loadJobs, []);
  useStaffEventListener(() => void reload());
  const { today, others } = splitToday(data ?? [], now);

  const section = (title: string, jobs: Job[]) =>
    jobs.length ? (
      <>
        <Typography.Title level={5} style={{ margin: '8px 0' }}>
          {title}（{jobs.length}）
        </Typography.Title>
        <List
          dataSource={jobs}
          split={false}
          renderItem={(job) => (
            <List.Item style={{ padding: '4px 0' }}>
              <JobCard job={job} now={now} onDone={reload} />
            </List.Item>
          )}
        />
      </>
    ) : null;

  return (
    <div style={{ maxWidth: 720, margin: '0 auto' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {T.jobs.title}
        </Typography.Title>
        <Button icon={<ReloadOutlined />} onClick={reload}>
          {T.refresh}
        </Button>
      </Space>
      {loading && !data ? <Spin style={{ display: 'block', margin: 32 }} /> : null}
      {!loading && today.length + others.length === 0 ? <Empty description={T.jobs.none} /> : null}
      {section(T.jobs.today, today)}
      {section(T.jobs.others, others)}
    </div>
  );
}
