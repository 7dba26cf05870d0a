import { PlusOutlined, UploadOutlined, WarningTwoTone } from '@ant-design/icons';
import { isMobilePhone, LABELS, STAFF_ROLES, STAFF_SKILLS, type StaffRole, type StaffSkill } from '@yizhan/shared';
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Switch, Tag, Tooltip, Typography, Upload } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { CursorTable } from '../../../components/CursorTable';
import { useFormModal } from '../../../components/FormModal';
import { useMyCommunities } from '../../../components/pickers';
import { useCursorPages } from '../../../hooks/useCursorPages';
import { createStaff, listStaff, unbindStaffWechat, updateStaff, type StaffInput, type StaffWithLoad } from '../../../services/admin';
import { T } from '../../../strings';
import { BOUND_VIA, getMyWecom, importWecom, listWecom, setWecomUserid, type WecomImportResult, type WecomSettings } from '../../../services/wecom';
import { fmtDateTime } from '../../../time';

const W = T.staffWecom;

/** The 企业微信 cell: the bound userid (how it was bound), or 未绑定; the last failure in red. */
function WecomCell({ wecom }: { wecom: WecomSettings | undefined }) {
  if (!wecom?.userid) return <Typography.Text type="secondary">{W.unbound}</Typography.Text>;
  return (
    <Space size={4} wrap>
      <Tooltip title={wecom.boundVia ? BOUND_VIA[wecom.boundVia] : undefined}>
        <Tag color="green">{wecom.userid}</Tag>
      </Tooltip>
      {wecom.lastError ? (
        <Tooltip title={`${W.failed(fmtDateTime(wecom.lastErrorAt))}：${wecom.lastErrorReason ?? ''}`}>
          <Typography.Text type="danger" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
            <WarningTwoTone twoToneColor="#ff4d4f" /> {W.failedShort}
          </Typography.Text>
        </Tooltip>
      ) : null}
    </Space>
  );
}

/** Skills typed freely before the managed list existed are left out when editing (the server would refuse them). */
const isStaffSkill = (k: string): k is StaffSkill => (STAFF_SKILLS as readonly string[]).includes(k);

type StaffForm = StaffInput & { active: boolean };

export default function StaffPage() {
  const { message } = App.useApp();
  const { communities } = useMyCommunities();
  const [role, setRole] = useState<StaffRole | undefined>();
  const [q, setQ] = useState('');
  const pager = useCursorPages<StaffWithLoad>((cursor, limit) => listStaff({ role, q: q || undefined }, { cursor, limit }), [role, q]);
  const editingId = useRef<string | null>(null);
  const modal = useFormModal<StaffForm>(async (v) => {
    const common = { name: v.name.trim(), roles: v.roles, communityIds: v.communityIds ?? [], skills: v.skills ?? [] };
    const phone = v.phone?.trim() ? { phone: v.phone.trim() } : {};
    if (editingId.current) {
      await updateStaff(editingId.current, { ...common, ...phone, active: v.active, ...(v.password ? { password: v.password } : {}) });
    } else {
      await createStaff({ ...common, ...phone, username: v.username.trim(), password: v.password! });
    }
    message.success(T.saved);
    pager.reload();
  });
  const communityName = (id: string) => communities.find((c) => c.id === id)?.name ?? id;

  // Each member's WeCom binding and last failure (one read for the whole page).
  const [wecom, setWecom] = useState<Map<string, WecomSettings>>(new Map());
  const [wecomOn, setWecomOn] = useState(true);
  const loadWecom = useCallback(async () => {
    const [items, mine] = await Promise.all([listWecom(), getMyWecom()]);
    setWecom(new Map(items.map((i) => [i.staffId, i])));
    setWecomOn(mine.enabled);
  }, []);
  // The WeCom column is extra: if it cannot be read, the staff list still works (the request wrapper has shown why).
  useEffect(() => void loadWecom().catch(() => undefined), [loadWecom]);
  const [useridFor, setUseridFor] = useState<StaffWithLoad | null>(null);
  const [useridForm] = Form.useForm<{ userid: string }>();
  const [importResult, setImportResult] = useState<WecomImportResult | null>(null);
  const [importing, setImporting] = useState(false);
  const saveUserid = async () => {
    const { userid } = await useridForm.validateFields();
    await setWecomUserid(useridFor!.id, userid?.trim() || null);
    message.success(T.saved);
    setUseridFor(null);
    await loadWecom();
  };

  return (
    <Card
      title={T.menu.staff}
      extra={
        <Space wrap>
          <Input.Search allowClear placeholder={`${T.admin.name} / ${T.admin.username}`} onSearch={setQ} style={{ width: 200 }} />
          <Select
            allowClear
            placeholder={T.admin.roles}
            value={role}
            onChange={setRole}
            style={{ width: 130 }}
            options={STAFF_ROLES.map((r) => ({ value: r, label: LABELS.role[r] }))}
          />
          <Upload
            accept=".xlsx,.csv"
            showUploadList={false}
            beforeUpload={(file) => {
              setImporting(true);
              importWecom(file)
                .then(async (r) => {
                  setImportResult(r);
                  if (!r.errors.length) {
                    message.success(W.imported(r.updated, r.unchanged));
                    await loadWecom();
                  }
                })
                .finally(() => setImporting(false));
              return false;
            }}
          >
            <Tooltip title={W.importHint}>
              <Button icon={<UploadOutlined />} loading={importing}>
                {W.import}
              </Button>
            </Tooltip>
          </Upload>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              editingId.current = null;
              modal.open();
            }}
          >
            {T.create}
          </Button>
        </Space>
      }
    >
      {importResult?.errors.length ? (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setImportResult(null)}
          style={{ marginBottom: 16 }}
          message={W.importFailed}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {importResult.errors.map((e) => (
                <li key={`${e.row}-${e.message}`}>
                  {W.row(e.row)}：{e.message}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
      <CursorTable<StaffWithLoad>
        pager={pager}
        rowKey="id"
        columns={[
          { title: T.admin.name, dataIndex: 'name' },
          { title: T.admin.username, dataIndex: 'username' },
          { title: T.admin.phone, dataIndex: 'phoneMasked', render: (v: string | null) => v ?? T.dash },
          { title: T.admin.roles, dataIndex: 'roles', render: (roles: StaffRole[]) => roles.map((r) => <Tag key={r}>{LABELS.role[r]}</Tag>) },
          { title: T.admin.communities, dataIndex: 'communityIds', render: (ids: string[]) => ids.map(communityName).join('、') || T.dash },
          { title: T.admin.skills, dataIndex: 'skills', render: (s: string[]) => s.map((k) => <Tag key={k}>{k}</Tag>) },
          { title: W.column, key: 'wecom', render: (_, s) => <WecomCell wecom={wecom.get(s.id)} /> },
          {
            title: T.admin.active,
            dataIndex: 'active',
            render: (a: boolean) => (a ? <Tag color="green">{T.admin.active}</Tag> : <Tag>{T.admin.inactive}</Tag>),
          },
          {
            title: T.admin.wechat,
            dataIndex: 'wechatBound',
            render: (b?: boolean) => (b ? <Tag color="blue">{T.admin.wechatBound}</Tag> : <Tag>{T.admin.wechatUnbound}</Tag>),
          },
          {
            title: T.ticket.actions,
            key: 'a',
            render: (_, s) => (
              <Space size={4} wrap>
                <Button
                  size="small"
                  onClick={() => {
                    editingId.current = s.id;
                    modal.open({
                      username: s.username,
                      name: s.name,
                      roles: s.roles,
                      communityIds: s.communityIds,
                      skills: s.skills.filter(isStaffSkill),
                      active: s.active,
                    });
                  }}
                >
                  {T.edit}
                </Button>
                <Button size="small" onClick={() => setUseridFor(s)}>
                  {W.set}
                </Button>
                {s.wechatBound && (
                  <Popconfirm
                    title={T.admin.wechatUnbindConfirm}
                    onConfirm={async () => {
                      await unbindStaffWechat(s.id);
                      message.success(T.admin.wechatUnbindDone);
                      pager.reload();
                    }}
                  >
                    <Button size="small" danger>
                      {T.admin.wechatUnbind}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={useridFor !== null}
        title={useridFor ? W.setTitle(useridFor.name) : ''}
        onOk={saveUserid}
        onCancel={() => setUseridFor(null)}
        okText={T.save}
        destroyOnClose
      >
        {!wecomOn ? <Alert type="info" showIcon message={W.off} style={{ marginBottom: 12 }} /> : null}
        {useridFor && wecom.get(useridFor.id)?.lastError ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            message={`${W.failed(fmtDateTime(wecom.get(useridFor.id)!.lastErrorAt))}：${wecom.get(useridFor.id)!.lastErrorReason ?? ''}`}
            description={
              <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
                {wecom.get(useridFor.id)!.lastError}
              </Typography.Text>
            }
          />
        ) : null}
        <Form
          form={useridForm}
          layout="vertical"
          preserve={false}
          key={useridFor?.id}
          initialValues={{ userid: useridFor ? (wecom.get(useridFor.id)?.userid ?? '') : '' }}
        >
          <Form.Item name="userid" label={W.userid} extra={W.useridHint} rules={[{ pattern: /^[A-Za-z0-9_.@-]{1,64}$/, message: W.useridRule }]}>
            <Input maxLength={64} autoComplete="off" placeholder="zhangsan" />
          </Form.Item>
        </Form>
      </Modal>
      {modal.render(
        T.menu.staff,
        <>
          <Form.Item
            name="username"
            label={T.admin.username}
            rules={[
              { required: true, whitespace: true, message: T.required(T.admin.username) },
              { pattern: /^[A-Za-z0-9_.-]{3,64}$/, message: T.admin.usernameRule },
            ]}
          >
            <Input maxLength={32} autoComplete="off" disabled={modal.editing} />
          </Form.Item>
          <Form.Item
            name="password"
            label={T.admin.password}
            extra={modal.editing ? T.admin.passwordHint : undefined}
            rules={[
              { required: !modal.editing, message: T.required(T.admin.password) },
              { min: 8, message: T.admin.passwordTooShort },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="name" label={T.admin.name} rules={[{ required: true, whitespace: true, message: T.required(T.admin.name) }]}>
            <Input maxLength={32} />
          </Form.Item>
          <Form.Item
            name="phone"
            label={T.admin.phone}
            extra={modal.editing ? '不修改请留空' : undefined}
            rules={[
              {
                validator: (_, v: string | undefined) =>
                  !v?.trim() || isMobilePhone(v) ? Promise.resolve() : Promise.reject(new Error(T.intake.phoneInvalid)),
              },
            ]}
          >
            <Input maxLength={20} inputMode="tel" />
          </Form.Item>
          <Form.Item name="roles" label={T.admin.roles} rules={[{ required: true, type: 'array', min: 1, message: T.choose(T.admin.roles) }]}>
            <Select mode="multiple" options={STAFF_ROLES.map((r) => ({ value: r, label: LABELS.role[r] }))} />
          </Form.Item>
          <Form.Item name="communityIds" label={T.admin.communities}>
            <Select mode="multiple" options={communities.map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
          <Form.Item name="skills" label={T.admin.skills} extra={T.admin.skillsHint}>
            <Select mode="multiple" allowClear placeholder={T.admin.skillsPlaceholder} options={STAFF_SKILLS.map((k) => ({ value: k, label: k }))} />
          </Form.Item>
          {modal.editing ? (
            <Form.Item name="active" label={T.admin.active} valuePropName="checked">
              <Switch />
            </Form.Item>
          ) : null}
        </>,
      )}
    </Card>
  );
}
