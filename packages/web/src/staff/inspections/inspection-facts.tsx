import { Card, Descriptions, Empty, Flex, List, Tag, Typography } from 'antd';
import type { InspectionDto, ObjectKind } from '@ssj/server/api-types';
import { useT } from '../../i18n/use-t.ts';
import { useIsPhone } from '../../layout/use-is-phone.ts';
import { ResultCodeTags } from './result-code-tags.tsx';

const OBJECT_KINDS: readonly string[] = [
  'enterprise',
  'individual',
  'cooperative',
  'institution',
  'social-organisation',
  'project',
  'facility',
] satisfies readonly ObjectKind[];

function isObjectKind(kind: string): kind is ObjectKind {
  return OBJECT_KINDS.includes(kind);
}

/** The object at the door (检查对象): ids, address, legal representative, status and licences with expiry. */
export function ObjectCard({ inspection, today }: { inspection: InspectionDto; today: string }) {
  const t = useT();
  const isPhone = useIsPhone();
  const { object } = inspection;
  return (
    <Card title={t('inspection.object')} size={isPhone ? 'small' : 'default'} data-testid="inspection-object">
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'name', label: t('inspection.objectName'), children: inspection.objectName },
          {
            key: 'id',
            label:
              object.uscc === null && object.regNo !== null ? t('inspection.regNo') : t('inspection.uscc'),
            children: (
              <Typography.Text copyable data-testid="inspection-object-id">
                {object.uscc ?? object.regNo ?? inspection.canonicalId}
              </Typography.Text>
            ),
          },
          { key: 'address', label: t('inspection.address'), children: inspection.address },
          { key: 'legal', label: t('inspection.legalRepresentative'), children: object.legalRepresentative },
          {
            key: 'kind',
            label: t('inspection.kind'),
            children: isObjectKind(object.kind) ? t(`objectKind.${object.kind}`) : object.kind,
          },
          { key: 'status', label: t('inspection.objectStatus'), children: object.status },
          {
            key: 'capital',
            label: t('inspection.capital'),
            children: object.registeredCapital === null ? '—' : object.registeredCapital.toLocaleString(),
          },
          { key: 'established', label: t('inspection.established'), children: object.establishedOn ?? '—' },
          {
            key: 'scope',
            label: t('inspection.businessScope'),
            children: (
              <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} style={{ margin: 0 }}>
                {object.businessScope === '' ? '—' : object.businessScope}
              </Typography.Paragraph>
            ),
          },
          {
            key: 'licences',
            label: t('inspection.licences'),
            children:
              object.licences.length === 0 ? (
                t('inspection.noLicences')
              ) : (
                <Flex vertical gap={4}>
                  {object.licences.map((l) => {
                    const expired = l.expiresOn !== null && l.expiresOn < today;
                    return (
                      <Flex key={`${l.name}/${l.number}`} wrap gap={4} align="center">
                        <Typography.Text>{l.name}</Typography.Text>
                        <Typography.Text type="secondary">{l.number}</Typography.Text>
                        <Tag color={expired ? 'red' : undefined}>
                          {l.expiresOn === null
                            ? t('inspection.licenceNoExpiry')
                            : t(expired ? 'inspection.licenceExpired' : 'inspection.licenceExpires', {
                                date: l.expiresOn,
                              })}
                        </Tag>
                      </Flex>
                    );
                  })}
                </Flex>
              ),
          },
        ]}
      />
    </Card>
  );
}

/** The tasks and matters the visit serves, each with its publication deadline, and the drawn team. */
export function TasksAndTeamCard({ inspection }: { inspection: InspectionDto }) {
  const t = useT();
  const isPhone = useIsPhone();
  return (
    <Card
      title={t('inspection.tasksAndTeam')}
      size={isPhone ? 'small' : 'default'}
      data-testid="inspection-tasks"
    >
      <Flex vertical gap="middle">
        {inspection.tasks.map((task) => (
          <Flex key={`${task.taskId}/${task.batch}`} vertical gap={4}>
            <Typography.Text strong>
              <Typography.Text code>{task.code}</Typography.Text> {task.name}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('inspection.taskFacts', {
                batch: task.batch,
                department: task.departmentName,
                deadline: task.deadline,
              })}
            </Typography.Text>
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {task.matters.map((matter) => (
                <li key={matter}>{matter}</li>
              ))}
            </ul>
          </Flex>
        ))}
        <Typography.Text type="secondary">
          {t('inspection.window', { from: inspection.windowFrom, to: inspection.windowTo })}
        </Typography.Text>
        <div>
          <Typography.Text strong>{t('inspection.team')}</Typography.Text>
          <List
            size="small"
            data-testid="inspection-team"
            dataSource={inspection.team}
            renderItem={(m) => (
              <List.Item style={{ paddingInline: 0 }}>
                <Flex wrap gap={8} align="center">
                  <Typography.Text>{m.name}</Typography.Text>
                  <Typography.Text type="secondary">{m.code}</Typography.Text>
                  <Tag>{m.departmentName}</Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('inspection.certificate', { date: m.certificateExpiresOn })}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        </div>
      </Flex>
    </Card>
  );
}

/** Published results of earlier visits to the same object (历次检查结果). */
export function HistoryCard({ inspection }: { inspection: InspectionDto }) {
  const t = useT();
  const isPhone = useIsPhone();
  return (
    <Card
      title={t('inspection.history')}
      size={isPhone ? 'small' : 'default'}
      data-testid="inspection-history"
    >
      {inspection.history.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inspection.noHistory')} />
      ) : (
        <List
          size="small"
          dataSource={inspection.history}
          renderItem={(h) => (
            <List.Item style={{ paddingInline: 0 }}>
              <Flex vertical gap={4}>
                <Typography.Text>
                  {h.publishedOn} · <Typography.Text code>{h.taskCode}</Typography.Text> · {h.matter}
                </Typography.Text>
                <ResultCodeTags codes={h.codes} />
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
