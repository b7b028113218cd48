// 联系户 (一户十联, 30比1): a grid's households and the backbone member each is linked to; the
// automatic proposal (balanced, no household left out) and moving a household by hand.
import { useState } from 'react';
import { Alert, App, Button, Card, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { get, api, errorMessage, post } from '../../../api/client.ts';
import type { GridLinks, LinkProposal } from '@gongzhi/domain/contract';
import type { AreaChildren } from '../../../api/types.ts';
import { useMe } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { useApi } from '../../../lib/useApi.ts';
import { LoadError } from '../../components/ErrorResult.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';

export default function LinksPage() {
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();
  const village = me.scope.code.length >= 12 ? me.scope.code.slice(0, 12) : null;
  const grids = useApi(
    me.scope.code.length === 15 ? null : village ? (signal) => get<AreaChildren>(`/api/areas/${village}/children`, undefined, signal) : null,
    [village, me.scope.code],
  );
  const [picked, setPicked] = useState<string | null>(null);
  const grid = me.scope.code.length === 15 ? me.scope.code : (picked ?? grids.data?.items.find((g) => g.level === 'grid')?.code ?? null);
  const links = useApi(grid ? (signal) => get<GridLinks>('/api/party/links', { grid }, signal) : null, [grid]);
  const [busy, setBusy] = useState(false);
  const d = links.data;

  const apply = async () => {
    setBusy(true);
    try {
      const r = await post<LinkProposal>('/api/party/links/propose', { grid, apply: true });
      message.success(t('party.links.applied', { n: r.linked }));
      links.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const move = async (householdId: string, memberId: string) => {
    try {
      await api(`/api/party/links/${householdId}`, { method: 'PUT', body: { memberId } });
      message.success(t('party.links.moved'));
      links.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  if (!village) return <Alert type="info" showIcon message={t('party.links.pickVillage')} />;
  return (
    <div className="gz-page" data-testid="party-links-page">
      <PageHeader
        title={t('party.menu.links')}
        description={t('party.links.desc')}
        extra={
          <Space>
            {grids.data && (
              <Select
                style={{ width: 220 }}
                value={grid}
                onChange={setPicked}
                aria-label={t('party.links.grid')}
                options={grids.data.items.filter((g) => g.level === 'grid').map((g) => ({ value: g.code, label: g.name }))}
                data-testid="party-links-grid"
              />
            )}
            {d?.allowedActions.includes('apply') && (
              <Popconfirm title={t('party.links.applyConfirm')} onConfirm={apply}>
                <Button type="primary" loading={busy} data-testid="party-links-apply">
                  {t('party.links.apply')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        }
      />
      {links.error ? (
        <LoadError error={links.error} />
      ) : (
        <>
          {d && (
            <Alert
              className="gz-party-alert"
              type={d.unlinked > 0 || d.shortBy > 0 ? 'warning' : 'success'}
              showIcon
              message={t('party.links.summary', { households: d.households, linked: d.linked, unlinked: d.unlinked, members: d.members.length, needed: d.needed })}
              description={d.shortBy > 0 ? t('party.links.short', { n: d.shortBy, target: d.target }) : undefined}
            />
          )}
          <div className="gz-party-layout">
            <Card size="small" title={t('party.links.members')}>
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={d?.members ?? []}
                columns={[
                  { title: t('party.member.name'), dataIndex: 'name', key: 'n' },
                  { title: t('party.links.households'), dataIndex: 'households', key: 'h', width: 90, render: (n: number) => (n > (d?.target ?? 30) ? <Tag color="orange">{n}</Tag> : n) },
                ]}
              />
            </Card>
            <Card size="small" title={t('party.links.list', { grid: d?.grid.name ?? '' })}>
              <Table
                size="small"
                rowKey={(r) => r.household.id}
                loading={links.loading}
                dataSource={d?.items ?? []}
                pagination={{ pageSize: 15, showSizeChanger: false }}
                columns={[
                  { title: t('party.links.address'), key: 'a', render: (_, r) => r.household.address },
                  { title: t('party.links.head'), key: 'h', width: 90, render: (_, r) => r.household.head ?? '—' },
                  {
                    title: t('party.links.member'),
                    key: 'm',
                    width: 200,
                    render: (_, r) =>
                      d?.allowedActions.includes('move') ? (
                        <Select size="small" style={{ width: 160 }} value={r.member?.id} aria-label={t('party.links.unlinked')} placeholder={t('party.links.unlinked')} onChange={(v) => move(r.household.id, v)} options={d.members.map((m) => ({ value: m.id, label: m.name }))} />
                      ) : (
                        (r.member?.name ?? <Tag color="red">{t('party.links.unlinked')}</Tag>)
                      ),
                  },
                  { title: t('party.links.visited'), key: 'v', width: 100, render: (_, r) => (r.visitedThisMonth ? <Tag color="green">{t('party.m.visited')}</Tag> : <Tag>{t('party.m.notVisited')}</Tag>) },
                ]}
              />
            </Card>
          </div>
        </>
      )}
    </div>
  );
}
