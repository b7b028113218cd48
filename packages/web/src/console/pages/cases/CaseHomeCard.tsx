import type { Todo, TodoKind } from '@gongzhi/domain/contract';
import { Button, Card, Tag } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { listCases, type CaseState } from '../../../api/cases.ts';
import { get } from '../../../api/client.ts';
import { useMe } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { fmtNumber } from '../../../lib/format.ts';
import { useCaseLabels } from '../../../lib/cases.ts';
import { useApi } from '../../../lib/useApi.ts';
import './cases.css';

const STATES: CaseState[] = ['reported', 'accepted', 'dispatched', 'acknowledged', 'handled', 'closed'];
const CENTRE_ROLES = ['community-worker', 'town-dispatcher', 'district-dispatcher'];

/** Where each kind of work is done in the console. */
const TODO_PATHS: Record<TodoKind, string> = {
  cases: '/cases?tab=mine',
  wishes: '/wishes?tab=submitted',
  registrations: '/party/orgs',
  awards: '/points/awards',
  orders: '/orders?tab=ordered',
  'order-tasks': '/orders?tab=dispatched',
  'wish-tasks': '/wishes?tab=claimed',
  redemptions: '/points/items',
  'burden-tasks': '/burden?tab=inbox',
  'burden-forms': '/burden?tab=returns',
  'burden-requests': '/burden?tab=requests',
};

/** The work bench's case strip: what waits for me, what is overdue, and the cases of my scope by state. */
export function CaseHomeCard() {
  const t = useT();
  const labels = useCaseLabels();
  const navigate = useNavigate();
  const all = useApi((signal) => listCases({ pageSize: 1 }, signal), []);
  const me = useMe();
  const isCentre = me.roles.some((r) => CENTRE_ROLES.includes(r));
  // 我的待办 counts everything the account can act on, across modules, from one endpoint.
  const todo = useApi((signal) => get<Todo>('/api/todo', undefined, signal), []);
  const revisit = useApi(isCentre ? (signal) => listCases({ box: 'revisit', pageSize: 1 }, signal) : null, [isCentre]);
  if (all.error || !all.data) return null;
  const counts = all.data.counts;
  const waiting = (todo.data?.items ?? []).filter((i) => i.count > 0);
  const onlyCases = waiting.every((i) => i.kind === 'cases');
  const tiles = [
    { key: 'mine', label: t('todo.title'), n: todo.data?.total, to: onlyCases ? '/cases?tab=mine' : TODO_PATHS[waiting[0]?.kind ?? 'cases'], tone: 'gz-ch-hot' },
    ...(isCentre ? [{ key: 'revisit', label: t('case.tab.revisitHome'), n: revisit.data?.total, to: '/cases?tab=revisit', tone: '' }] : []),
    { key: 'overdue', label: t('case.overdue'), n: all.data.overdueCount, to: '/cases?tab=all&overdue=true', tone: all.data.overdueCount ? 'gz-ch-red' : '' },
    ...STATES.filter((s) => !isCentre || s !== 'closed').map((s) => ({ key: s, label: labels.state(s), n: counts[s] ?? 0, to: `/cases?tab=${s}`, tone: '' })),
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
      {waiting.length > 0 && (
        <div className="gz-todo-kinds" data-testid="home-todo">
          <span className="gz-muted">{t('todo.title')}：</span>
          {waiting.map((i) => (
            <Tag key={i.kind} color="red" className="gz-todo-kind" onClick={() => navigate(TODO_PATHS[i.kind])} data-testid={`home-todo-${i.kind}`}>
              <a>
                {t(`todo.kind.${i.kind}`)} {fmtNumber(i.count)}
              </a>
            </Tag>
          ))}
        </div>
      )}
    </Card>
  );
}
