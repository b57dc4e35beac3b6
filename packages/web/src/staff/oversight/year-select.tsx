import { Select } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { getPlanYears } from '../../api/plan-endpoints.ts';
import { useApiQuery } from '../../api/use-api-query.ts';
import { useT } from '../../i18n/use-t.ts';
import { pickYear } from '../plan/pick-year.ts';

/** The plan year in the address (`?year=`), else the latest plan's; null while loading or without any plan. */
export function usePlanYear(): {
  year: number | null;
  years: number[] | null;
  setYear: (year: number) => void;
} {
  const [params, setParams] = useSearchParams();
  const years = useApiQuery('plan-years', getPlanYears);
  const list = years.state.status === 'loaded' ? years.state.data : null;
  return {
    year: list === null ? null : pickYear(list, params.get('year')),
    years: list,
    setYear: (year) => {
      const next = new URLSearchParams(params);
      next.set('year', String(year));
      setParams(next, { replace: true });
    },
  };
}

export function YearSelect({
  year,
  years,
  onChange,
}: {
  year: number | null;
  years: number[] | null;
  onChange: (year: number) => void;
}) {
  const t = useT();
  return (
    <Select<number>
      data-testid="oversight-year"
      value={year ?? undefined}
      loading={years === null}
      onChange={onChange}
      style={{ width: 120 }}
      options={(years ?? []).map((value) => ({ value, label: t('oversight.yearOption', { year: value }) }))}
    />
  );
}
