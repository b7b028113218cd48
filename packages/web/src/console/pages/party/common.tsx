import { StarFilled } from '@ant-design/icons';
import { Tooltip } from 'antd';
import type { Vanguard } from '@gongzhi/domain/contract';
import { useT } from '../../../i18n/index.tsx';
import { fmtOneDecimal } from '../../../lib/format.ts';

export function StarsCell({ v }: { v: Vanguard | null }) {
  const t = useT();
  if (!v) return <span className="gz-muted">—</span>;
  return (
    <Tooltip title={t('party.vanguard.tooltip', { index: v.index, n: v.stars })}>
      <span className="gz-party-stars" data-testid="party-stars" data-stars={v.stars}>
        {[1, 2, 3, 4, 5].map((i) => (
          <StarFilled key={i} style={{ color: i <= v.stars ? '#f5a623' : '#e8e8e8' }} />
        ))}
        <span className="gz-party-index">{fmtOneDecimal(v.index)}</span>
      </span>
    </Tooltip>
  );
}

export const pct = (rate: number) => `${fmtOneDecimal(rate * 100)}%`;
