import { CheckCircleTwoTone, WechatWorkOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Descriptions, Space, Switch, Tag, TimePicker, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { PageLoading } from '../../../components/PageLoading';
import { toApiError } from '../../../services/request';
import { BOUND_VIA, bindMyWecom, getMyWecom, saveMyWecom, wecomOauthUrl, type WecomSettings } from '../../../services/wecom';
import { fmtDateTime } from '../../../time';
import { T } from '../../../strings';

const S = T.notify;
const PATH = '/settings/notify';

/**
 * 通知设置: the signed-in member's WeCom binding, which notices they want there, and
 * their quiet hours. Opened from WeCom's OAuth link it comes back with ?code=, which
 * binds this account to the WeCom member who opened it.
 */

type WecomKind = WecomSettings['kinds'][number]['kind'];
export default function NotifySettingsPage() {
  const { message } = App.useApp();
  const location = useLocation();
  const navigate = useNavigate();
  const [settings, setSettings] = useState<WecomSettings | null>(null);
  const [kinds, setKinds] = useState<WecomKind[]>([]);
  const [quiet, setQuiet] = useState<[string, string] | null>(null);
  const [saving, setSaving] = useState(false);
  const [bindError, setBindError] = useState<string | null>(null);
  const [binding, setBinding] = useState(false);
  const codeHandled = useRef(false);

  const show = (s: WecomSettings) => {
    setSettings(s);
    setKinds(s.kinds.filter((k) => k.on).map((k) => k.kind));
    setQuiet(s.quietStart && s.quietEnd ? [s.quietStart, s.quietEnd] : null);
  };

  useEffect(() => {
    const code = new URLSearchParams(location.search).get('code');
    if (code && !codeHandled.current) {
      codeHandled.current = true;
      setBinding(true);
      bindMyWecom(code)
        .then((s) => {
          show(s);
          message.success(S.boundOk(s.userid ?? ''));
        })
        .catch((e) => {
          setBindError(toApiError(e).message);
          void getMyWecom().then(show);
        })
        .finally(() => {
          setBinding(false);
          // The code works once: drop it from the address.
          navigate(PATH, { replace: true });
        });
      return;
    }
    if (!codeHandled.current) void getMyWecom().then(show);
  }, [location.search, message, navigate]);

  if (!settings) return <PageLoading />;

  const save = async () => {
    setSaving(true);
    try {
      show(await saveMyWecom({ kinds, quietStart: quiet?.[0] ?? null, quietEnd: quiet?.[1] ?? null }));
      message.success(T.saved);
    } finally {
      setSaving(false);
    }
  };
  const openOauth = async () => {
    window.location.href = await wecomOauthUrl(PATH);
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%', maxWidth: 760 }}>
      <Card
        title={
          <Space>
            <WechatWorkOutlined />
            {S.bindingTitle}
          </Space>
        }
        loading={binding}
      >
        {!settings.enabled ? (
          <Alert type="info" showIcon message={S.off} />
        ) : (
          <Space direction="vertical" style={{ width: '100%' }}>
            {bindError ? <Alert type="error" showIcon message={bindError} closable onClose={() => setBindError(null)} /> : null}
            {settings.userid ? (
              <Descriptions column={1} size="small">
                <Descriptions.Item label={S.account}>
                  <Space wrap>
                    <CheckCircleTwoTone twoToneColor="#52c41a" />
                    <Typography.Text strong>{settings.userid}</Typography.Text>
                    {settings.boundVia ? <Tag>{BOUND_VIA[settings.boundVia]}</Tag> : null}
                  </Space>
                </Descriptions.Item>
                <Descriptions.Item label={S.lastSent}>{fmtDateTime(settings.lastSentAt)}</Descriptions.Item>
                {settings.pending ? <Descriptions.Item label={S.pending}>{S.pendingCount(settings.pending)}</Descriptions.Item> : null}
              </Descriptions>
            ) : (
              <Typography.Paragraph style={{ marginBottom: 0 }}>{S.unbound}</Typography.Paragraph>
            )}
            {settings.lastError ? (
              <Alert
                type="warning"
                showIcon
                message={S.lastFailure(fmtDateTime(settings.lastErrorAt))}
                description={
                  <>
                    <div>{settings.lastErrorReason}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
                      {settings.lastError}
                    </Typography.Text>
                  </>
                }
              />
            ) : null}
            <Button icon={<WechatWorkOutlined />} onClick={openOauth}>
              {settings.userid ? S.rebind : S.bind}
            </Button>
            <Typography.Text type="secondary">{S.bindHint}</Typography.Text>
          </Space>
        )}
      </Card>

      <Card title={S.kindsTitle}>
        <Checkbox.Group value={kinds} onChange={(v) => setKinds(v as WecomKind[])} style={{ width: '100%' }}>
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(230px, 1fr))', gap: 8 }}>
            {settings.kinds.map((k) => (
              <Checkbox key={k.kind} value={k.kind} disabled={k.urgent} checked={k.urgent || kinds.includes(k.kind)}>
                {k.label} {k.urgent ? <Tag color="red">{S.urgentTag}</Tag> : null}
              </Checkbox>
            ))}
          </div>
        </Checkbox.Group>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {S.kindsHint}
        </Typography.Paragraph>
      </Card>

      <Card title={S.quietTitle}>
        <Space wrap align="center">
          <Switch checked={quiet !== null} onChange={(on) => setQuiet(on ? ['22:00', '07:00'] : null)} aria-label={S.quietTitle} />
          {quiet ? (
            <TimePicker.RangePicker
              format="HH:mm"
              order={false}
              allowClear={false}
              minuteStep={5}
              value={[dayjs(`2000-01-01 ${quiet[0]}`), dayjs(`2000-01-01 ${quiet[1]}`)]}
              onChange={(v) => v?.[0] && v[1] && setQuiet([v[0].format('HH:mm'), v[1].format('HH:mm')])}
              inputReadOnly
            />
          ) : (
            <Typography.Text type="secondary">{S.quietOff}</Typography.Text>
          )}
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {S.quietHint}
        </Typography.Paragraph>
      </Card>

      <Button type="primary" onClick={save} loading={saving}>
        {T.save}
      </Button>
    </Space>
  );
}
