import { DownloadOutlined, FileAddOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Input, Modal, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import type { BulletinDto } from '@ssj/server/api-types';
import { describeError } from '../../api/describe-error.ts';
import { useApiQuery } from '../../api/use-api-query.ts';
import { useT } from '../../i18n/use-t.ts';
import { QueryErrorAlert } from '../../layout/query-error-alert.tsx';
import { useSession } from '../../session/use-session.ts';
import { bulletinDownloadUrl, getBulletins, issueBulletin } from './oversight-endpoints.ts';
import { YearSelect, usePlanYear } from './year-select.tsx';

/**
 * `/app/bulletins` 通报: the progress bulletins issued (numbered .docx: title, 文号, date, body, tables by
 * department, ranking), on demand by the office or monthly by the schedule; everyone but inspectors downloads them.
 */
export function BulletinsPage() {
  const t = useT();
  const { message } = App.useApp();
  const { session, csrfToken } = useSession();
  const isOffice = session?.user.role === 'office_admin';
  const bulletins = useApiQuery('bulletins', getBulletins);
  const { year, years, setYear } = usePlanYear();
  const [asking, setAsking] = useState(false);
  const [asOf, setAsOf] = useState('');
  const [busy, setBusy] = useState(false);
  const [latest, setLatest] = useState<number | null>(null);

  const issue = async () => {
    if (year === null || csrfToken === null) return;
    setBusy(true);
    try {
      const issued = await issueBulletin({ year, asOf: asOf === '' ? undefined : asOf }, csrfToken);
      setLatest(issued.id);
      setAsking(false);
      void message.success(t('oversight.bulletin.issued', { number: issued.number }));
      bulletins.reload();
    } catch (error) {
      void message.error(describeError(error, t));
    } finally {
      setBusy(false);
    }
  };

  const columns: TableColumnsType<BulletinDto> = [
    { key: 'number', title: t('oversight.bulletin.number'), dataIndex: 'number', width: 220 },
    { key: 'title', title: t('oversight.bulletin.title'), dataIndex: 'title' },
    {
      key: 'kind',
      title: t('oversight.bulletin.kind'),
      width: 100,
      render: (_, b) => (
        <Tag>{t(b.kind === 'monthly' ? 'oversight.bulletin.monthly' : 'oversight.bulletin.onDemand')}</Tag>
      ),
    },
    { key: 'asOf', title: t('oversight.bulletin.asOf'), dataIndex: 'asOf', width: 110 },
    { key: 'issuedOn', title: t('oversight.bulletin.issuedOn'), dataIndex: 'issuedOn', width: 110 },
    {
      key: 'figures',
      title: t('oversight.bulletin.figures'),
      width: 220,
      render: (_, b) =>
        t('oversight.bulletin.figureText', {
          published: b.totals.published,
          due: b.totals.due,
          red: b.redDepartments,
        }),
    },
    {
      key: 'download',
      title: '',
      width: 110,
      render: (_, b) => (
        <Button
          size="small"
          icon={<DownloadOutlined />}
          href={bulletinDownloadUrl(b.id)}
          download
          data-testid={`bulletin-download-${b.id}`}
        >
          {t('oversight.download')}
        </Button>
      ),
    },
  ];

  return (
    <Card
      title={t('oversight.bulletins.title')}
      extra={
        isOffice ? (
          <Button
            type="primary"
            icon={<FileAddOutlined />}
            onClick={() => {
              setAsking(true);
            }}
            data-testid="bulletin-new"
          >
            {t('oversight.bulletin.new')}
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">{t('oversight.bulletins.description')}</Typography.Paragraph>
      {bulletins.state.status === 'error' ? (
        <QueryErrorAlert
          title={t('oversight.loadFailed')}
          error={bulletins.state.error}
          onRetry={bulletins.reload}
        />
      ) : null}
      {bulletins.state.status === 'loaded' && bulletins.state.data.length === 0 ? (
        <Empty description={t('oversight.bulletins.empty')} />
      ) : (
        <Table<BulletinDto>
          data-testid="bulletins-table"
          size="small"
          rowKey="id"
          loading={bulletins.state.status === 'loading'}
          columns={columns}
          dataSource={bulletins.state.status === 'loaded' ? bulletins.state.data : []}
          onRow={(b) => ({
            'data-latest': b.id === latest ? 'true' : 'false',
            style: b.id === latest ? { background: '#f6ffed' } : {},
          })}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          scroll={{ x: 1000 }}
        />
      )}
      <Modal
        open={asking}
        title={t('oversight.bulletin.new')}
        okText={t('oversight.bulletin.issue')}
        confirmLoading={busy}
        okButtonProps={{ 'data-testid': 'bulletin-issue' }}
        onOk={() => {
          void issue();
        }}
        onCancel={() => {
          setAsking(false);
        }}
      >
        <Flex vertical gap="middle">
          <Flex align="center" gap="small">
            <Typography.Text>{t('oversight.bulletin.year')}</Typography.Text>
            <YearSelect year={year} years={years} onChange={setYear} />
          </Flex>
          <Flex align="center" gap="small">
            <Typography.Text>{t('oversight.bulletin.asOfInput')}</Typography.Text>
            <Input
              type="date"
              value={asOf}
              onChange={(e) => {
                setAsOf(e.target.value);
              }}
              style={{ width: 180 }}
              data-testid="bulletin-as-of"
            />
          </Flex>
          <Typography.Text type="secondary">{t('oversight.bulletin.hint')}</Typography.Text>
        </Flex>
      </Modal>
    </Card>
  );
}
