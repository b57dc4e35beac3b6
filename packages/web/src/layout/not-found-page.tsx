import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useT } from '../i18n/use-t.ts';

/** 404 inside or outside the shell; `home` is where the button leads. */
export function NotFoundPage({ home = '/public' }: { home?: string }) {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t('common.notFound.title')}
      subTitle={t('common.notFound.description')}
      extra={
        <Button
          type="primary"
          onClick={() => {
            void navigate(home);
          }}
        >
          {t('common.backHome')}
        </Button>
      }
    />
  );
}
