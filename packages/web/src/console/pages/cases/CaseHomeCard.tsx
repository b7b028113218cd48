import { Button, Card } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { listCases, type CaseState } from '../../../api/cases.ts';
import { useT } from '../../../i18n/index.tsx';
import { fmtNumber } from '../../../lib/format.ts';
import { useCaseLabels } from '../../../lib/cases.ts';
import { useApi } from '../../../lib/useApi.ts';
import './cases.css';

const STATES: CaseState[] = ['reported', 'accepted', 'dispatched', 'acknowledged', 'handled', 'closed'];

/** The work bench's case strip: what waits for me, what is overdue, and the cases of my scope by state. */
export function CaseHomeCard() {
  const t = useT();
  const labels = useCaseLabels();
  const navigate = useNavigate();
  const all = useApi((signal) => listCases({ pageSize: 1 }, signal), []);
  const mine = useApi((signal) => listCases({ box: 'mine', pageSize: 1 }, signal), []);
  if (all.error || !all.data) return null;
  const counts = all.data.counts;
  const tiles = [
    { key: 'mine', label: t('case.tab.mine'), n: mine.data?.total, to: '/cases?tab=mine', tone: 'gz-ch-hot' },
    { key: 'overdue', label: t('case.overdue'), n: all.data.overdueCount, to: '/cases?tab=all&overdue=true', tone: all.data.overdueCount ? 'gz-ch-red' : '' },
    ...STATES.map((s) => ({ key: s, label: labels.state(s), n: counts[s] ?? 0, to: `/cases?tab=${s}`, tone: '' })),
  ];
  return (
    <Card
      className="gz-card gz-case-home"
      title={t('menu.cases')}
      size="small"
      extra={
        <Button type="link" size="small" onClick={() => navigate('/cases')}>
          {t('case.home.open')} <RightOutlined />
        </Button>
      }
      data-testid="home-cases"
    >
      <div className="gz-ch-grid">
        {tiles.map((x) => (
          <button key={x.key} type="button" className={`gz-ch-tile ${x.tone}`} onClick={() => navigate(x.to)} data-testid={`home-cases-${x.key}`}>
            <span className="gz-ch-n">{x.n === undefined ? '—' : fmtNumber(x.n)}</span>
            <span className="gz-ch-label">{x.label}</span>
          </button>
        ))}
      </div>
    </Card>
  );
}
