import {
  AuditOutlined,
  FileTextOutlined,
  LoginOutlined,
  OrderedListOutlined,
  SafetyCertificateOutlined,
  SolutionOutlined,
  FileSearchOutlined,
} from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Layout, Row, Tag, Typography, theme } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { LanguageSwitch } from '../i18n/language-switch.tsx';
import { useT } from '../i18n/use-t.ts';
import type { MessageKey } from '../i18n/zh-cn.ts';
import { useIsPhone } from '../layout/use-is-phone.ts';
import { useSession } from '../session/use-session.ts';
import { PublicOverviewCard } from './public-overview-card.tsx';

interface PortalSection {
  key: string;
  icon: ReactNode;
  titleKey: MessageKey;
  descriptionKey: MessageKey;
}

const sections: readonly PortalSection[] = [
  {
    key: 'items',
    icon: <OrderedListOutlined />,
    titleKey: 'portal.section.items.title',
    descriptionKey: 'portal.section.items.description',
  },
  {
    key: 'plan',
    icon: <FileTextOutlined />,
    titleKey: 'portal.section.plan.title',
    descriptionKey: 'portal.section.plan.description',
  },
  {
    key: 'tasks',
    icon: <FileSearchOutlined />,
    titleKey: 'portal.section.tasks.title',
    descriptionKey: 'portal.section.tasks.description',
  },
  {
    key: 'results',
    icon: <AuditOutlined />,
    titleKey: 'portal.section.results.title',
    descriptionKey: 'portal.section.results.description',
  },
  {
    key: 'follow-up',
    icon: <SolutionOutlined />,
    titleKey: 'portal.section.followUp.title',
    descriptionKey: 'portal.section.followUp.description',
  },
];

/** `/public`: the portal anyone can read without logging in. */
export function PublicPortalPage() {
  const t = useT();
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const { token } = theme.useToken();
  const { session } = useSession();
  const staffTarget = session === null ? '/login' : '/app';
  const staffLabel = session === null ? t('portal.staffLogin') : t('portal.toWorkspace');

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
          paddingInline: isPhone ? 12 : 24,
          height: 56,
          lineHeight: 'normal',
          display: 'flex',
          alignItems: 'center',
          gap: 12,
        }}
      >
        <SafetyCertificateOutlined style={{ fontSize: 22, color: token.colorPrimary }} />
        <Typography.Text strong ellipsis style={{ flex: 1, minWidth: 0 }}>
          {isPhone ? t('app.shortTitle') : t('app.title')}
        </Typography.Text>
        <LanguageSwitch size="small" />
        <Button
          icon={<LoginOutlined />}
          href={staffTarget}
          data-testid="staff-login-link"
          aria-label={staffLabel}
          title={staffLabel}
          onClick={(event) => {
            event.preventDefault();
            void navigate(staffTarget);
          }}
        >
          {isPhone ? null : staffLabel}
        </Button>
      </Layout.Header>
      <Layout.Content style={{ padding: isPhone ? 12 : 24 }}>
        <Flex vertical gap={isPhone ? 'middle' : 'large'} style={{ maxWidth: 1100, marginInline: 'auto' }}>
          <div>
            <Typography.Title level={isPhone ? 3 : 2} data-testid="portal-title" style={{ marginTop: 8 }}>
              {t('portal.title')}
            </Typography.Title>
            <Typography.Paragraph style={{ fontSize: 15 }}>{t('portal.intro')}</Typography.Paragraph>
            <Alert
              type="success"
              showIcon
              icon={<SafetyCertificateOutlined />}
              title={t('portal.verifiable')}
            />
          </div>
          <PublicOverviewCard />
          <div>
            <Typography.Title level={4}>{t('portal.sections')}</Typography.Title>
            <Row gutter={[16, 16]}>
              {sections.map((section) => (
                <Col key={section.key} xs={24} sm={12} lg={8}>
                  <Card data-testid={`portal-section-${section.key}`} style={{ height: '100%' }}>
                    <Flex vertical gap="small">
                      <Flex align="center" gap="small">
                        <span style={{ fontSize: 20, color: token.colorPrimary }}>{section.icon}</span>
                        <Typography.Text strong style={{ fontSize: 16 }}>
                          {t(section.titleKey)}
                        </Typography.Text>
                      </Flex>
                      <Typography.Text type="secondary">{t(section.descriptionKey)}</Typography.Text>
                      <div>
                        <Tag>{t('portal.section.pending')}</Tag>
                      </div>
                    </Flex>
                  </Card>
                </Col>
              ))}
            </Row>
          </div>
        </Flex>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center' }}>
        <Typography.Text type="secondary">{t('portal.footer')}</Typography.Text>
      </Layout.Footer>
    </Layout>
  );
}
