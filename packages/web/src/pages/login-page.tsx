import { LockOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography, theme } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { describeError } from '../api/describe-error.ts';
import { postLogin } from '../api/endpoints.ts';
import { LanguageSwitch } from '../i18n/language-switch.tsx';
import { useT } from '../i18n/use-t.ts';
import { toSafeNextPath } from '../session/safe-next-path.ts';
import { useSession } from '../session/use-session.ts';

interface LoginFields {
  username: string;
  password: string;
}

/** `/login`: staff sign-in. Afterwards goes to `?next=` (same-origin paths only) or `/app`. */
export function LoginPage() {
  const t = useT();
  const { token } = theme.useToken();
  const { state, signIn } = useSession();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const next = toSafeNextPath(searchParams.get('next'));
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (state.status === 'signed-in' && !submitting) return <Navigate to={next} replace />;

  const logIn = async ({ username, password }: LoginFields) => {
    setSubmitting(true);
    setError(null);
    try {
      const session = await postLogin(username.trim(), password);
      signIn(session);
      await navigate(next, { replace: true });
    } catch (failure) {
      setError(describeError(failure, t));
      setSubmitting(false);
    }
  };

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: '100vh', padding: 16, background: token.colorBgLayout }}
    >
      <Flex justify="flex-end" style={{ width: '100%', maxWidth: 400, marginBottom: 12 }}>
        <LanguageSwitch size="small" />
      </Flex>
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Flex vertical align="center" gap={4} style={{ marginBottom: 24 }}>
          <SafetyCertificateOutlined style={{ fontSize: 36, color: token.colorPrimary }} />
          <Typography.Title level={3} style={{ margin: 0, textAlign: 'center' }}>
            {t('app.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('login.title')}</Typography.Text>
        </Flex>
        {state.status === 'error' && error === null ? (
          <Alert
            type="warning"
            showIcon
            title={t('login.sessionError')}
            description={describeError(state.error, t)}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        {error === null ? null : (
          <Alert
            type="error"
            showIcon
            title={t('login.failed')}
            description={error}
            data-testid="login-error"
            style={{ marginBottom: 16 }}
          />
        )}
        <Form<LoginFields>
          layout="vertical"
          requiredMark={false}
          disabled={submitting}
          onFinish={(fields) => {
            void logIn(fields);
          }}
        >
          <Form.Item
            label={t('login.username')}
            name="username"
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input id="username" prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item
            label={t('login.password')}
            name="password"
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password
              id="password"
              prefix={<LockOutlined />}
              autoComplete="current-password"
              size="large"
            />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            block
            size="large"
            loading={submitting}
            data-testid="login-submit"
          >
            {t('login.submit')}
          </Button>
        </Form>
        <Alert type="info" title={t('login.demoHint')} style={{ marginTop: 20 }} data-testid="demo-hint" />
      </Card>
      <Link to="/public" style={{ marginTop: 16 }}>
        {t('login.toPublic')}
      </Link>
    </Flex>
  );
}
