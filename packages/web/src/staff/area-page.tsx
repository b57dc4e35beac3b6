import { Card, Result, Tag, theme } from 'antd';
import { useT } from '../i18n/use-t.ts';
import type { StaffArea } from './staff-areas.tsx';

/** A work area that is not built yet: says honestly what will appear here. No sample data. */
export function AreaPage({ area }: { area: StaffArea }) {
  const t = useT();
  const { token } = theme.useToken();
  return (
    <Card data-testid={`area-${area.path}`}>
      <Result
        icon={<span style={{ fontSize: 56, color: token.colorPrimary }}>{area.icon}</span>}
        title={t(area.titleKey)}
        subTitle={t(area.descriptionKey)}
        extra={<Tag>{t('area.notYet')}</Tag>}
      />
    </Card>
  );
}
