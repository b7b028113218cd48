import { useState, type HTMLAttributes } from 'react';
import { Descriptions, Drawer, Result, Skeleton, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { get } from '../../api/client.ts';
import type { Household, Person } from '../../api/types.ts';
import { useT } from '../../i18n/index.tsx';
import { useLabels } from '../../lib/labels.ts';
import { useApi } from '../../lib/useApi.ts';
import { fmtNumber } from '../../lib/format.ts';
import { RiskTag } from './RiskTag.tsx';
import { AreaName } from './AreaName.tsx';
import { SensitiveNumber } from './SensitiveNumber.tsx';
import { PartyTag, PersonTags } from './PersonTags.tsx';
import { PersonDrawer } from './PersonDrawer.tsx';
import { HouseholdHistory } from './HouseholdHistory.tsx';
import { HouseholdRisk } from './RiskPanel.tsx';

/** A household and its members (numbers masked; reveal where the role allows it). */
export function HouseholdDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const t = useT();
  const labels = useLabels();
  const [person, setPerson] = useState<string | null>(null);
  const res = useApi(id ? (signal) => get<Household>(`/api/households/${id}`, undefined, signal) : null, [id]);
  const h = res.data?.id === id ? res.data : undefined;

  const columns: ColumnsType<Person> = [
    {
      title: t('person.name'),
      dataIndex: 'name',
      key: 'name',
      width: 84,
      render: (n: string, p) => <Typography.Link onClick={() => setPerson(p.id)}>{n}</Typography.Link>,
    },
    { title: t('person.relation'), dataIndex: 'relation', key: 'relation', width: 96, render: (r: string) => labels.relation(r) },
    { title: t('person.gender'), dataIndex: 'gender', key: 'gender', width: 60, render: (g: string) => labels.gender(g) },
    { title: t('person.age'), dataIndex: 'age', key: 'age', width: 60, align: 'right', render: (a: number | null) => (a ?? '—') },
    {
      title: t('person.idNumber'),
      dataIndex: 'idNumber',
      key: 'idNumber',
      width: 214,
      render: (v: string | null, p) => <SensitiveNumber personId={p.id} field="idNumber" masked={v} canReveal={p.allowedActions.includes('reveal')} />,
    },
    {
      title: t('person.phone'),
      dataIndex: 'phone',
      key: 'phone',
      width: 158,
      render: (v: string | null, p) => <SensitiveNumber personId={p.id} field="phone" masked={v} canReveal={p.allowedActions.includes('reveal')} />,
    },
    { title: t('person.residenceType'), dataIndex: 'residenceType', key: 'residenceType', width: 90, render: (r: string) => labels.residence(r) },
    { title: t('person.tags'), dataIndex: 'tags', key: 'tags', render: (tags: string[]) => <PersonTags tags={tags} /> },
    { title: t('person.partyMember'), dataIndex: 'partyMember', key: 'party', width: 64, render: (v: boolean) => <PartyTag partyMember={v} /> },
  ];

  return (
    <Drawer
      title={h ? `${t('household.title')} · ${h.address}` : t('household.title')}
      open={id !== null}
      onClose={onClose}
      size={1080}
      destroyOnHidden
      data-testid="household-drawer"
    >
      {res.error ? (
        <Result status="warning" subTitle={res.error.message} />
      ) : !h ? (
        <Skeleton active />
      ) : (
        <>
          <Descriptions
            size="small"
            bordered
            column={2}
            items={[
              { key: 'address', label: t('household.address'), children: h.address, span: 2 },
              { key: 'doorplate', label: t('household.doorplate'), children: h.doorplate ?? '—' },
              { key: 'risk', label: t('household.risk'), children: <RiskTag colour={h.riskColour} /> },
              {
                key: 'area',
                label: t('person.area'),
                children: (
                  <span>
                    <AreaName code={h.areaCode} /> <span className="gz-mono-soft gz-muted">{h.areaCode}</span>
                  </span>
                ),
              },
              { key: 'members', label: t('household.members'), children: fmtNumber(h.members.length) },
            ]}
          />
          <h3 className="gz-section-title">{t('household.memberList', { n: fmtNumber(h.members.length) })}</h3>
          <Table<Person>
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={h.members}
            pagination={false}
            scroll={{ x: 'max-content' }}
            data-testid="household-members"
            onRow={() => ({ 'data-testid': 'member-row' }) as HTMLAttributes<HTMLElement>}
          />
          <HouseholdHistory household={h} onChanged={res.reload} />
          <HouseholdRisk householdId={h.id} onChanged={res.reload} />
        </>
      )}
      <PersonDrawer id={person} onClose={() => setPerson(null)} />
    </Drawer>
  );
}
