// 我的待办 on the phone: what waits for the account across modules (GET /api/todo), each kind a row
// that opens where the work is done. Hidden when nothing waits.
import type { Todo, TodoKind } from '@gongzhi/domain/contract';
import { List } from 'antd-mobile';
import { useNavigate } from 'react-router-dom';
import { get } from '../../api/client.ts';
import { useT } from '../../i18n/index.tsx';
import { fmtNumber } from '../../lib/format.ts';
import { useApi } from '../../lib/useApi.ts';

/** Where each kind is done on the phone (reviews of registrations and awards are console work). */
const PATHS: Record<TodoKind, string> = {
  cases: '/m/cases',
  wishes: '/m/wishes',
  'wish-tasks': '/m/wishes',
  orders: '/m/orders',
  'order-tasks': '/m/orders',
  redemptions: '/m/points/merchant',
  registrations: '/party/orgs',
  awards: '/points/awards',
  'burden-tasks': '/m/burden',
  'burden-forms': '/m/burden?tab=forms',
  'burden-requests': '/burden?tab=requests',
};

export function MTodo() {
  const t = useT();
  const navigate = useNavigate();
  const todo = useApi((signal) => get<Todo>('/api/todo', undefined, signal), []);
  const waiting = (todo.data?.items ?? []).filter((i) => i.count > 0);
  if (!todo.data || todo.data.total === 0) return null;
  return (
    <List header={`${t('todo.title')} ${fmtNumber(todo.data.total)}`} className="m-list" data-testid="m-todo">
      {waiting.map((i) => (
        <List.Item key={i.kind} onClick={() => (PATHS[i.kind].startsWith('/m') ? navigate(PATHS[i.kind]) : window.location.assign(PATHS[i.kind]))} extra={<b className="m-todo-n">{fmtNumber(i.count)}</b>} data-testid={`m-todo-${i.kind}`}>
          {t(`todo.kind.${i.kind}`)}
        </List.Item>
      ))}
    </List>
  );
}
