import {
  allowedActions,
  COMPLAINT_LEVELS,
  COMPLAINT_VALIDITIES,
  DEPARTMENTS,
  LABELS,
  ticketStateOf,
  type TicketAction,
  type TicketDetail,
} from '@yizhan/shared';
import { App, Button, Card, DatePicker, Descriptions, Form, Input, List, Modal, Radio, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { StaffSelect } from '../../../components/pickers';
import { useStaffActor } from '../../../components/TicketActions';
import { useSession } from '../../../hooks/useSession';
import { formalReply, gradeComplaint, investigateComplaint, judgeComplaint, reportInvestigation } from '../../../services/tickets';
import { T } from '../../../strings';
import { beforeTodayInShanghai, fmtDateTime, fromPicker } from '../../../time';

type Step = 'grade' | 'judge' | 'investigate' | 'formal_reply' | { report: string };

/** The form of one complaint step; submits and closes. */
function StepForm({ step, ticket, onDone, onCancel }: { step: Step; ticket: TicketDetail; onDone: () => void; onCancel: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const title = typeof step === 'object' ? T.complaint.report : LABELS.action[step];
  const submit = async (v: Record<string, unknown>) => {
    setBusy(true);
    try {
      if (step === 'grade')
        await gradeComplaint(ticket.id, { level: v.level as 'general' | 'major', ...(v.reason ? { reason: String(v.reason).trim() } : {}) });
      else if (step === 'judge') await judgeComplaint(ticket.id, { validity: v.validity as 'valid' | 'invalid', note: String(v.note).trim() });
      else if (step === 'investigate') {
        await investigateComplaint(ticket.id, {
          ...(v.department ? { department: v.department as (typeof DEPARTMENTS)[number] } : {}),
          ...(v.assigneeId ? { assigneeId: String(v.assigneeId) } : {}),
          task: String(v.task).trim(),
          dueAt: fromPicker(v.dueAt as import('dayjs').Dayjs),
        });
      } else if (step === 'formal_reply') await formalReply(ticket.id, { result: String(v.result).trim(), measures: String(v.measures).trim() });
      else await reportInvestigation(ticket.id, step.report, String(v.result).trim());
      message.success(T.done);
      onDone();
    } catch {
      // shown by the request wrapper
    } finally {
      setBusy(false);
    }
  };
  const need = (label: string) => [{ required: true, whitespace: true, message: `${T.complaint.required}${label}` }];
  return (
    <Modal open title={title} onCancel={onCancel} onOk={() => form.submit()} confirmLoading={busy} destroyOnHidden>
      <Form
        form={form}
        name={`complaint-${typeof step === 'object' ? 'report' : step}`}
        layout="vertical"
        onFinish={submit}
        initialValues={step === 'grade' ? { level: ticket.complaint?.level === 'major' ? 'general' : 'major' } : undefined}
      >
        {step === 'grade' ? (
          <>
            <Form.Item name="level" label={T.complaint.level} rules={[{ required: true }]}>
              <Radio.Group optionType="button" options={COMPLAINT_LEVELS.map((l) => ({ value: l, label: LABELS.complaintLevel[l] }))} />
            </Form.Item>
            <Form.Item name="reason" label={T.complaint.reason}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </>
        ) : null}
        {step === 'judge' ? (
          <>
            <Form.Item name="validity" label={T.complaint.validity} rules={[{ required: true, message: `${T.complaint.required}${T.complaint.validity}` }]}>
              <Radio.Group optionType="button" options={COMPLAINT_VALIDITIES.map((v) => ({ value: v, label: LABELS.complaintValidity[v] }))} />
            </Form.Item>
            <Form.Item name="note" label={T.complaint.grounds} rules={need(T.complaint.grounds)}>
              <Input.TextArea rows={3} maxLength={500} />
            </Form.Item>
          </>
        ) : null}
        {step === 'investigate' ? (
          <>
            <Form.Item name="department" label={T.complaint.department}>
              <Select allowClear options={DEPARTMENTS.map((d) => ({ value: d, label: d }))} />
            </Form.Item>
            <Form.Item
              name="assigneeId"
              label={T.complaint.investigator}
              dependencies={['department']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_r, value) => (value || getFieldValue('department') ? Promise.resolve() : Promise.reject(new Error(T.complaint.needOne))),
                }),
              ]}
            >
              <StaffSelect role="agent" communityId={ticket.location.communityId} />
            </Form.Item>
            <Form.Item name="task" label={T.complaint.task} rules={need(T.complaint.task)}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
            <Form.Item name="dueAt" label={T.complaint.dueAt} rules={[{ required: true, message: `${T.complaint.required}${T.complaint.dueAt}` }]}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={(d) => beforeTodayInShanghai(d)} />
            </Form.Item>
          </>
        ) : null}
        {step === 'formal_reply' ? (
          <>
            <Form.Item name="result" label={T.complaint.replyResult} rules={need(T.complaint.replyResult)}>
              <Input.TextArea rows={3} maxLength={1000} />
            </Form.Item>
            <Form.Item name="measures" label={T.complaint.replyMeasures} rules={need(T.complaint.replyMeasures)}>
              <Input.TextArea rows={3} maxLength={1000} />
            </Form.Item>
          </>
        ) : null}
        {typeof step === 'object' ? (
          <Form.Item name="result" label={T.complaint.result} rules={need(T.complaint.result)}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

const STEPS: TicketAction[] = ['grade', 'investigate', 'judge', 'formal_reply'];

/** A complaint's level, finding, investigation tasks and formal reply, with the steps the shared state machine allows. */
export function ComplaintCard({ ticket, onDone }: { ticket: TicketDetail; onDone: () => void }) {
  const actor = useStaffActor();
  const allowed = actor ? allowedActions(ticketStateOf(ticket), actor) : [];
  const session = useSession();
  const [open, setOpen] = useState<Step | null>(null);
  const c = ticket.complaint;
  if (!c) return null;
  const steps = STEPS.filter((s) => allowed.includes(s));
  const isOwner = ticket.owner?.id === session?.staff.id;
  const working = ['accepted', 'dispatched', 'in_progress'].includes(ticket.status);
  return (
    <Card title={T.complaint.title} data-testid="complaint-card">
      {steps.length ? (
        <Space wrap style={{ marginBottom: 12 }}>
          {steps.map((s) => (
            <Button key={s} size="small" type={s === 'formal_reply' && !c.formalReply ? 'primary' : 'default'} onClick={() => setOpen(s as Step)}>
              {LABELS.action[s]}
            </Button>
          ))}
        </Space>
      ) : null}
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={T.complaint.level}>
          {c.level ? <Tag color={c.level === 'major' ? 'red' : 'default'}>{LABELS.complaintLevel[c.level]}</Tag> : T.dash}
        </Descriptions.Item>
        <Descriptions.Item label={T.complaint.validity}>
          {c.validity ? <Tag color={c.validity === 'valid' ? 'orange' : 'default'}>{LABELS.complaintValidity[c.validity]}</Tag> : T.complaint.unjudged}
        </Descriptions.Item>
        {c.subjectName ? <Descriptions.Item label={T.complaint.subject}>{c.subjectName}</Descriptions.Item> : null}
      </Descriptions>
      {c.aboutStaff ? <Typography.Paragraph type="warning">{T.complaint.aboutStaff}</Typography.Paragraph> : null}
      <Typography.Title level={5}>{T.complaint.investigations}</Typography.Title>
      <List
        size="small"
        locale={{ emptyText: T.complaint.noInvestigations }}
        dataSource={c.investigations}
        renderItem={(task) => (
          <List.Item
            actions={
              !task.result && working && (isOwner || task.assigneeId === session?.staff.id)
                ? [
                    <Button key="report" size="small" onClick={() => setOpen({ report: task.id })}>
                      {T.complaint.report}
                    </Button>,
                  ]
                : []
            }
          >
            <Space direction="vertical" size={2}>
              <Space wrap size={4}>
                {task.department ? <Tag>{task.department}</Tag> : null}
                {task.assigneeName ? <Typography.Text strong>{task.assigneeName}</Typography.Text> : null}
                <Typography.Text type={task.overdue ? 'danger' : 'secondary'}>
                  {T.complaint.dueAt} {fmtDateTime(task.dueAt)}
                  {task.overdue ? `（${T.complaint.overdue}）` : ''}
                </Typography.Text>
              </Space>
              <Typography.Text>{task.task}</Typography.Text>
              <Typography.Text type={task.result ? undefined : 'secondary'}>
                {T.complaint.result}：{task.result ?? T.complaint.pending}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      <Typography.Title level={5}>{T.complaint.formalReply}</Typography.Title>
      {c.formalReply ? (
        <Descriptions size="small" column={1} data-testid="formal-reply">
          <Descriptions.Item label={T.complaint.replyResult}>{c.formalReply.result}</Descriptions.Item>
          <Descriptions.Item label={T.complaint.replyMeasures}>{c.formalReply.measures}</Descriptions.Item>
          <Descriptions.Item label={T.ticket.createdAt}>{fmtDateTime(c.formalReply.repliedAt)}</Descriptions.Item>
        </Descriptions>
      ) : (
        <Typography.Text type="secondary">{T.complaint.noFormalReply}</Typography.Text>
      )}
      {open ? (
        <StepForm
          step={open}
          ticket={ticket}
          onCancel={() => setOpen(null)}
          onDone={() => {
            setOpen(null);
            onDone();
          }}
        />
      ) : null}
    </Card>
  );
}
