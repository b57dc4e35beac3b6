import {
  AuditOutlined,
  FileTextOutlined,
  OrderedListOutlined,
  RightOutlined,
  SafetyCertificateOutlined,
  SolutionOutlined,
  FileSearchOutlined,
} from '@ant-design/icons';
import { Alert, Card, Col, Flex, Row, Tag, Typography, theme } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../i18n/use-t.ts';
import type { MessageKey } from '../i18n/zh-cn.ts';
import { useIsPhone } from '../layout/use-is-phone.ts';
import { PortalFrame } from './portal-frame.tsx';
import { PublicOverviewCard } from './public-overview-card.tsx';

interface PortalSection {
  key: string;
  icon: ReactNode;
  titleKey: MessageKey;
  descriptionKey: MessageKey;
  /** The section's page, once it exists. */
  to?: string;
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
    to: '/public/plan',
  },
  {
    key: 'tasks',
    icon: <FileSearchOutlined />,
    titleKey: 'portal.section.tasks.title',
    descriptionKey: 'portal.section.tasks.description',
    to: '/public/draws',
  },
  {
    key: 'results',
    icon: <AuditOutlined />,
    titleKey: 'portal.section.results.title',
    descriptionKey: 'portal.section.results.description',
    to: '/public/results',
  },
  {
    key: 'follow-up',
    icon: <SolutionOutlined />,
    titleKey: 'portal.section.followUp.title',
    descriptionKey: 'portal.section.followUp.description',
    to: '/public/follow-ups',
  },
];

/** `/public`: the portal anyone can read without logging in. */
export function PublicPortalPage() {
  const t = useT();
  const isPhone = useIsPhone();
  const { token } = theme.useToken();

  return (
    <PortalFrame>
      <div>
        <Typography.Title level={isPhone ? 3 : 2} data-testid="portal-title" style={{ marginTop: 8 }}>
          {t('portal.title')}
        </Typography.Title>
        <Typography.Paragraph style={{ fontSize: 15 }}>{t('portal.intro')}</Typography.Paragraph>
        <Alert type="success" showIcon icon={<SafetyCertificateOutlined />} title={t('portal.verifiable')} />
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
                    {section.to === undefined ? (
                      <Tag>{t('portal.section.pending')}</Tag>
                    ) : (
                      <Link to={section.to} data-testid={`portal-section-${section.key}-link`}>
                        {t('portal.section.open')} <RightOutlined />
                      </Link>
                    )}
                  </div>
                </Flex>
              </Card>
            </Col>
          ))}
        </Row>
      </div>
    </PortalFrame>
  );
}
