import { useEffect, useState } from 'react';
import { Dialog, ErrorBlock, Toast } from 'antd-mobile';
import { phoneIcon } from './icon.tsx';
import EyeOutlinedSvg from '@ant-design/icons-svg/es/asn/EyeOutlined';
import { post } from '../api/client.ts';
import type { RevealedNumber } from '@gongzhi/domain/contract';
import type { AreaCounts, AreaLevel } from '../api/types.ts';
import { useT } from '../i18n/index.tsx';
import { countKeysBelow } from '../lib/areas.ts';
import { fmtNumber } from '../lib/format.ts';

const EyeOutlined = phoneIcon(EyeOutlinedSvg);

export { MLoading } from './lazyPage.tsx';

export function MError({ error }: { error: Error }) {
  const t = useT();
  return <ErrorBlock status="default" title={t('error.title')} description={<span data-testid="m-error">{error.message}</span>} />;
}

/** The counts that mean something below `level`, as a grid of figures. */
export function MStats({ level, counts }: { level: AreaLevel; counts: AreaCounts }) {
  const t = useT();
  const keys = countKeysBelow(level);
  return (
    <div className={`m-stats m-stats-${keys.length}`} data-testid="m-stats">
      {keys.map((k) => (
        <div key={k} className={`m-stat m-stat-${k}`}>
          <div className="m-stat-value" data-testid={`m-count-${k}`}>
            {fmtNumber(counts[k])}
          </div>
          <div className="m-stat-label">{t(`count.${k}`)}</div>
        </div>
      ))}
    </div>
  );
}

const SHOW_SECONDS = 30;

/** Masked number with a confirmed, audited reveal. */
export function MSensitive({ personId, field, masked, canReveal }: { personId: string; field: 'idNumber' | 'phone'; masked: string | null; canReveal: boolean }) {
  const t = useT();
  const [value, setValue] = useState<string | null>(null);

  useEffect(() => {
    if (!value) return;
    const id = window.setTimeout(() => setValue(null), SHOW_SECONDS * 1000);
    return () => window.clearTimeout(id);
  }, [value]);

  if (!masked) return <span className="m-muted">—</span>;
  const reveal = async () => {
    const ok = await Dialog.confirm({ title: t('reveal.title'), content: t('reveal.confirm'), confirmText: t('common.ok'), cancelText: t('common.cancel') });
    if (!ok) return;
    try {
      const r = await post<RevealedNumber>(`/api/people/${personId}/reveal`, { field });
      setValue(r.value);
    } catch (e) {
      Toast.show({ content: e instanceof Error ? e.message : String(e), icon: 'fail' });
    }
  };
  return (
    <span className="m-sensitive">
      <span className={value ? 'm-mono m-revealed' : 'm-mono'} data-testid={value ? `m-revealed-${field}` : `m-masked-${field}`}>
        {value ?? masked}
      </span>
      {canReveal && !value && (
        <a className="m-reveal" onClick={reveal} data-testid={`m-reveal-${field}`}>
          <EyeOutlined /> {t('reveal.action')}
        </a>
      )}
    </span>
  );
}

export const RISK_CLASS: Record<string, string> = { red: 'm-risk-red', orange: 'm-risk-orange', yellow: 'm-risk-yellow', blue: 'm-risk-blue' };
