import { Tag } from 'antd';
import type { DelibSummary } from '../../../api/deliberations.ts';
import { useT } from '../../../i18n/index.tsx';

export function StateTag({ state, testId }: { state: string; testId?: string }) {
  const t = useT();
  return (
    <Tag color={state === 'open' ? 'processing' : 'default'} data-testid={testId}>
      {state === 'open' ? t('delib.state.open') : t('delib.state.decided')}
    </Tag>
  );
}

export function ResultTag({ result, testId }: { result: Pick<NonNullable<DelibSummary['result']>, 'held' | 'passed'> | null; testId?: string }) {
  const t = useT();
  if (!result) return <span>—</span>;
  if (!result.held)
    return (
      <Tag color="warning" data-testid={testId}>
        {t('delib.result.notHeld')}
      </Tag>
    );
  return (
    <Tag color={result.passed ? 'success' : 'error'} data-testid={testId}>
      {result.passed ? t('delib.result.passed') : t('delib.result.failed')}
    </Tag>
  );
}
