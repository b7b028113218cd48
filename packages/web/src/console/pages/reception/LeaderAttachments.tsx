import { useState } from 'react';
import { App, Empty, Spin, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { api, get } from '../../../api/client.ts';
import type { ReceptionLeader, ReceptionLeaders } from '../../../api/reception.ts';
import { useT } from '../../../i18n/index.tsx';
import { useApi } from '../../../lib/useApi.ts';
import { AreaTreeSelect } from '../../components/AreaTreeSelect.tsx';
import { LoadError } from '../../components/ErrorResult.tsx';

/** 领导包片联系: the towns and communities each leader is attached to; the centres edit those in their area. */
export function LeaderAttachments({ onChanged }: { onChanged?: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const res = useApi((signal) => get<ReceptionLeaders>('/api/reception-leaders', undefined, signal), []);
  const [busy, setBusy] = useState<string | null>(null);

  const save = async (l: ReceptionLeader, codes: string[]) => {
    setBusy(l.id);
    try {
      // Only the attachments inside the caller's area are replaced; the others stay as they are.
      await api(`/api/reception-leaders/${l.id}/attachments`, { method: 'PUT', body: { areaCodes: codes } });
      message.success(t('rc.att.saved'));
      res.reload();
      onChanged?.();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  const columns: ColumnsType<ReceptionLeader> = [
    { title: t('rc.col.leader'), dataIndex: 'name', key: 'name', width: 170, ellipsis: true },
    { title: t('rc.att.scope'), key: 'scope', width: 110, render: (_: unknown, l) => l.scope.name },
    {
      title: t('rc.att.places'),
      key: 'places',
      render: (_: unknown, l) => {
        const mine = l.attachments.filter((a) => a.editable).map((a) => a.code);
        const editable = l.allowedActions.includes('attach');
        return (
          <Spin spinning={busy === l.id}>
            <div className="gz-rc-att" data-testid="reception-attachments">
              {l.attachments.length === 0 && <span className="gz-muted">{t('rc.att.none')}</span>}
              {l.attachments.map((a) => (
                <Tag key={a.code} closable={editable && a.editable} onClose={(e) => (e.preventDefault(), save(l, mine.filter((c) => c !== a.code)))}>
                  {a.name}
                </Tag>
              ))}
            </div>
            {editable && (
              <AreaTreeSelect
                value={undefined}
                selectableLevels={['town', 'village']}
                placeholder={t('rc.att.add')}
                onChange={(code) => code && !mine.includes(code) && save(l, [...mine, code])}
                style={{ width: 260, marginTop: 6 }}
              />
            )}
          </Spin>
        );
      },
    },
  ];

  if (res.error && !res.data) return <LoadError error={res.error} onRetry={res.reload} />;
  return (
    <>
      <p className="gz-muted">{t('rc.att.desc')}</p>
      <Table<ReceptionLeader>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={res.data?.items ?? []}
        loading={res.loading && !res.data}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rc.att.noLeaders')} /> }}
      />
    </>
  );
}
