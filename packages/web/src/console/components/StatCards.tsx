import { Card, Statistic } from 'antd';
import { ApartmentOutlined, BankOutlined, BorderOuterOutlined, HomeOutlined, TeamOutlined, BuildOutlined, AppstoreOutlined } from '@ant-design/icons';
import type { CSSProperties, ReactNode } from 'react';
import type { AreaCounts, AreaLevel } from '../../api/types.ts';
import { countKeysBelow, type CountKey } from '../../lib/areas.ts';
import { useT } from '../../i18n/index.tsx';
import { fmtNumber } from '../../lib/format.ts';

const ICONS: Record<CountKey, ReactNode> = {
  towns: <BankOutlined />,
  villages: <ApartmentOutlined />,
  grids: <BorderOuterOutlined />,
  buildings: <BuildOutlined />,
  units: <AppstoreOutlined />,
  households: <HomeOutlined />,
  people: <TeamOutlined />,
};

/** One card per count that means something below `level` (a community shows grids … people, not towns). */
export function StatCards({ level, counts, loading, compact }: { level: AreaLevel; counts: AreaCounts | undefined; loading?: boolean; compact?: boolean }) {
  const t = useT();
  const keys = countKeysBelow(level);
  return (
    <div className={compact ? 'gz-stats gz-stats-compact' : 'gz-stats'} style={{ '--gz-cols': keys.length } as CSSProperties}>
      {keys.map((k) => (
          <Card
            key={k} size="small" className={`gz-stat gz-stat-${k}`} loading={loading && !counts}>
            <Statistic
              title={
                <span className="gz-stat-title">
                  <span className="gz-stat-icon">{ICONS[k]}</span>
                  {t(`count.${k}`)}
                </span>
              }
              value={counts ? counts[k] : 0}
              formatter={(v) => <span data-testid={`count-${k}`}>{fmtNumber(Number(v))}</span>}
              suffix={<span className="gz-stat-suffix">{t(`unit.${k}`)}</span>}
            />
          </Card>
      ))}
    </div>
  );
}
