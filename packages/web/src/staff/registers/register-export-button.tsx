import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { RegisterKind } from './register-kind.ts';
import { useT } from '../../i18n/use-t.ts';
import { useSession } from '../../session/use-session.ts';

/** 导出 Excel: the register in the layout its importer reads back (a county user gets its own region). */
export function RegisterExportButton({ kind }: { kind: RegisterKind }) {
  const t = useT();
  const { session } = useSession();
  const role = session?.user.role;
  if (role !== 'office_admin' && role !== 'department_admin' && role !== 'auditor') return null;
  return (
    <Button
      icon={<DownloadOutlined />}
      href={`/api/registers/${kind}/export.xlsx`}
      data-testid={`${kind}-export`}
    >
      {t('registers.export')}
    </Button>
  );
}
