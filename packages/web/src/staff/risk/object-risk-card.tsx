import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Card, Flex, List, Skeleton, Tag, Typography } from 'antd';
import type { ObjectRiskDto, RiskBandDto } from '@ssj/server/api-types';
import { isApiStatus } from '../../api/api-error.ts';
import { useApiQuery } from '../../api/use-api-query.ts';
import { useT } from '../../i18n/use-t.ts';
import { getObjectRisk } from './risk-endpoints.ts';
import { RISK_BAND_KEY } from './risk-format.ts';

const BAND_COLOR: Readonly<Record<RiskBandDto, string>> = { 高: 'red', 中: 'orange', 低: 'green' };

/** The model band as a coloured tag (高 red, 中 orange, 低 green). */
export function RiskBandTag({ band }: { band: RiskBandDto }) {
  const t = useT();
  return (
    <Tag color={BAND_COLOR[band]} data-testid="object-risk-band" data-band={band}>
      {t(RISK_BAND_KEY[band])}
    </Tag>
  );
}

function RiskBody({ risk }: { risk: ObjectRiskDto }) {
  const t = useT();
  if (risk.model === null || risk.band === null) {
    return <Typography.Text type="secondary">{t('risk.card.noModel')}</Typography.Text>;
  }
  return (
    <Flex vertical gap="small">
      <Flex align="center" gap="small" wrap>
        <Typography.Text>{t('risk.card.band')}</Typography.Text>
        <RiskBandTag band={risk.band} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('risk.card.model', { version: risk.model.version, date: risk.asOf })}
        </Typography.Text>
      </Flex>
      <Typography.Text strong>{t('risk.card.reasons')}</Typography.Text>
      <List
        size="small"
        split={false}
        dataSource={risk.reasons}
        renderItem={(reason, index) => (
          <List.Item style={{ paddingInline: 0, paddingBlock: 2 }} data-testid="object-risk-reason">
            <Flex gap="small" align="baseline">
              <Typography.Text type="secondary">{index + 1}.</Typography.Text>
              {reason.contribution >= 0 ? (
                <ArrowUpOutlined style={{ color: '#cf1322' }} aria-label={t('risk.reason.raises')} />
              ) : (
                <ArrowDownOutlined style={{ color: '#389e0d' }} aria-label={t('risk.reason.lowers')} />
              )}
              <Typography.Text>{reason.description}</Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('risk.card.sealed')}
      </Typography.Text>
    </Flex>
  );
}

/**
 * An object's risk band under the newest model and its top three reasons (issue #9), for the inspection page. Shown
 * only to those the server allows (the office, the object's departments, inspectors on a visit to it): for anyone
 * else the card is left out.
 */
export function ObjectRiskCard({ objectKey }: { objectKey: string }) {
  const t = useT();
  const query = useApiQuery(`object-risk:${objectKey}`, (signal) => getObjectRisk(objectKey, signal));
  if (query.state.status === 'error' && isApiStatus(query.state.error, 403)) return null;
  return (
    <Card title={t('risk.card.title')} data-testid="object-risk-card">
      {query.state.status === 'loading' ? <Skeleton active paragraph={{ rows: 3 }} /> : null}
      {query.state.status === 'error' ? (
        <Typography.Text type="warning">{t('risk.card.loadFailed')}</Typography.Text>
      ) : null}
      {query.state.status === 'loaded' ? <RiskBody risk={query.state.data} /> : null}
    </Card>
  );
}
