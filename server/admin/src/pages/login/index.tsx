import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { accessFor } from '../../access';
import { useSession } from '../../hooks/useSession';
import { homePathFor } from '../../routes';
import { login } from '../../services/auth';
import { toApiError } from '../../services/request';
import { T } from '../../strings';

export default function LoginPage() {
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  if (session) return <Navigate to="/" replace />;
  // Opened from WeCom's OAuth link: after signing in, the page it came back to binds the account.
  const fromWecom = /[?&]code=/.test((location.state as { from?: string } | null)?.from ?? '');

  const onFinish = async (values: { username: string; password: string }) => {
    setSubmitting(true);
    setError(null);
    try {
      const s = await login({ username: values.username.trim(), password: values.password });
      const from = (location.state as { from?: string } | null)?.from;
      navigate(from && from !== '/login' ? from : (homePathFor(accessFor(s.staff.roles)) ?? '/'), { replace: true });
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', padding: 16 }}>
      <Card style={{ width: 380, maxWidth: '100%' }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {T.appName}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{T.login.subtitle}</Typography.Paragraph>
        {fromWecom ? <Alert type="info" showIcon message={T.login.wecomBind} style={{ marginBottom: 16 }} /> : null}
        {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} /> : null}
        <Form layout="vertical" onFinish={onFinish} requiredMark={false} autoComplete="on">
          <Form.Item label={T.login.username} name="username" rules={[{ required: true, whitespace: true, message: T.login.usernameRequired }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" />
          </Form.Item>
          <Form.Item label={T.login.password} name="password" rules={[{ required: true, message: T.login.passwordRequired }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting}>
            {T.login.submit}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
