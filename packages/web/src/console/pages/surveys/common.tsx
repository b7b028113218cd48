import { Tag } from 'antd';
import { useT } from '../../../i18n/index.tsx';

export function SurveyStateTag({ state, testId }: { state: string; testId?: string }) {
  const t = useT();
  const color = state === 'open' ? 'processing' : state === 'draft' ? 'warning' : 'default';
  return (
    <Tag color={color} data-testid={testId}>
      {t(`survey.state.${state}` as 'survey.state.open')}
    </Tag>
  );
}

/** 667 → 66.7% */
export const pct = (permille: number | null | undefined) => (permille === null || permille === undefined ? '—' : `${(permille / 10).toFixed(1)}%`);
