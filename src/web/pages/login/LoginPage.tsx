import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError, api, unwrap } from '../../api/client';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { UnifiedSignIn } from './UnifiedSignIn';

export default function LoginPage() {
  const { me, signIn } = useAuth();
  const { t, language, setLanguage } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [isSubmitting, setSubmitting] = useState(false);
  // The demo accounts are shown only by a demo server on a loopback address (decision 0020).
  const [showDemoAccounts, setShowDemoAccounts] = useState(false);
  useEffect(() => {
    unwrap(api.GET('/api/auth/login-options'))
      .then((options) => setShowDemoAccounts(options.showDemoAccounts))
      .catch(() => setShowDemoAccounts(false));
  }, []);
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  if (me) return <Navigate to={from} replace />;

  const onFinish = async (values: { username: string; password: string }) => {
    setSubmitting(true);
    setError(null);
    try {
      const signedIn = await signIn(values.username, values.password);
      navigate(signedIn.mustChangePassword ? '/account/password' : from, { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        background: 'linear-gradient(180deg,#eef3fa,#f7f9fc)',
      }}
    >
      <Card style={{ width: 380 }}>
        <Typography.Title level={3} style={{ marginBottom: 0, color: '#1f5fa8' }}>
          {t('app.name')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('app.title')}</Typography.Paragraph>
        {error && (
          <Alert type="error" title={error} style={{ marginBottom: 16 }} showIcon data-testid="login-error" />
        )}
        <Form layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, message: t('validation.required', { field: t('login.username') }) }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('validation.required', { field: t('login.password') }) }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={isSubmitting}>
            {t('login.submit')}
          </Button>
        </Form>
        <UnifiedSignIn returnTo={from} />
        {showDemoAccounts && (
          <Typography.Paragraph
            type="secondary"
            style={{ marginTop: 16, fontSize: 12 }}
            data-testid="demo-hint"
          >
            {t('login.demoHint')}
          </Typography.Paragraph>
        )}
        <Button type="link" size="small" onClick={() => setLanguage(language === 'zh' ? 'en' : 'zh')}>
          {t('header.language')}
        </Button>
      </Card>
    </div>
  );
}
