import { useState } from 'react';
import { Button, Descriptions, Drawer, Result, Skeleton, Table, Tag, Typography } from 'antd';
import { EditOutlined, ExportOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { get } from '../../api/client.ts';
import type { PersonDetail } from '../../api/types.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { useT } from '../../i18n/index.tsx';
import { fmtDate, fmtTime } from '../../lib/format.ts';
import { useLabels } from '../../lib/labels.ts';
import { useApi } from '../../lib/useApi.ts';
import { SensitiveNumber } from './SensitiveNumber.tsx';
import { PartyTag, PersonTags } from './PersonTags.tsx';
import { PersonFormModal } from './PersonForm.tsx';
import { AreaName } from './AreaName.tsx';

/** One person's record and their household; "编辑" only when the server allows it. */
export function PersonDrawer({ id, onClose, onChanged }: { id: string | null; onClose: () => void; onChanged?: () => void }) {
  const t = useT();
  const labels = useLabels();
  const { can } = useAuth();
  const [editing, setEditing] = useState(false);
  // Clicking a household member switches the drawer to them; a new `id` from outside starts over.
  const [member, setMember] = useState<{ base: string | null; id: string } | null>(null);
  const personId = member && member.base === id ? member.id : id;
  const setCurrent = (m: string) => setMember({ base: id, id: m });
  const res = useApi(personId ? (signal) => get<PersonDetail>(`/api/people/${personId}`, undefined, signal) : null, [personId]);
  const p = res.data?.id === personId ? res.data : undefined;
  const canReveal = Boolean(p?.allowedActions.includes('reveal'));
  const canEdit = Boolean(p?.allowedActions.includes('edit')) && can('people.write');

  return (
    <Drawer
      title={p ? `${t('person.detail')} · ${p.name}` : t('person.detail')}
      open={id !== null}
      onClose={onClose}
      size={720}
      destroyOnHidden
      data-testid="person-drawer"
      extra={
        <>
          {p && (
            <Link to={`/people/${p.id}`} data-testid="person-open-page" style={{ marginRight: 8 }}>
              <ExportOutlined /> {t('personPage.open')}
            </Link>
          )}
          {canEdit && (
            <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="person-edit">
              {t('common.edit')}
            </Button>
          )}
        </>
      }
    >
      {res.error ? (
        <Result status="warning" subTitle={res.error.message} />
      ) : !p ? (
        <Skeleton active />
      ) : (
        <>
          <h3 className="gz-section-title gz-first">{t('person.basic')}</h3>
          <Descriptions
            size="small"
            bordered
            column={2}
            data-testid="person-detail"
            items={[
              { key: 'name', label: t('person.name'), children: <strong>{p.name}</strong> },
              { key: 'gender', label: t('person.gender'), children: labels.gender(p.gender) },
              { key: 'birth', label: t('person.birthDate'), children: fmtDate(p.birthDate) },
              { key: 'age', label: t('person.age'), children: p.age === null ? '—' : t('person.ageValue', { n: p.age }) },
              { key: 'ethnicity', label: t('person.ethnicity'), children: p.ethnicity ?? '—' },
              { key: 'party', label: t('person.partyMember'), children: <PartyTag partyMember={p.partyMember} /> },
              { key: 'id', label: t('person.idNumber'), span: 2, children: <SensitiveNumber personId={p.id} field="idNumber" masked={p.idNumber} canReveal={canReveal} /> },
              { key: 'phone', label: t('person.phone'), span: 2, children: <SensitiveNumber personId={p.id} field="phone" masked={p.phone} canReveal={canReveal} /> },
              { key: 'address', label: t('person.address'), span: 2, children: p.address ?? <AreaName code={p.areaCode} full /> },
              { key: 'relation', label: t('person.relation'), children: labels.relation(p.relation) },
              { key: 'residence', label: t('person.residenceType'), children: labels.residence(p.residenceType) },
              { key: 'tags', label: t('person.tags'), span: 2, children: <PersonTags tags={p.tags} /> },
              { key: 'note', label: t('person.note'), span: 2, children: p.note || '—' },
              { key: 'area', label: t('area.code'), children: <span className="gz-mono">{p.areaCode}</span> },
              { key: 'updated', label: t('person.updatedAt'), children: fmtTime(p.updatedAt) },
            ]}
          />
          <h3 className="gz-section-title">{t('person.householdMembers')}</h3>
          {p.household ? (
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={p.household.members}
              data-testid="person-household"
              columns={[
                {
                  title: t('person.name'),
                  dataIndex: 'name',
                  key: 'name',
                  render: (n: string, m) =>
                    m.id === p.id ? (
                      <span>
                        {n} <Tag>{t('person.current')}</Tag>
                      </span>
                    ) : (
                      <Typography.Link onClick={() => setCurrent(m.id)}>{n}</Typography.Link>
                    ),
                },
                { title: t('person.relation'), dataIndex: 'relation', key: 'relation', render: (r: string) => labels.relation(r) },
                { title: t('person.gender'), dataIndex: 'gender', key: 'gender', render: (g: string) => labels.gender(g) },
                { title: t('person.age'), dataIndex: 'age', key: 'age', align: 'right', render: (a: number | null) => a ?? '—' },
              ]}
            />
          ) : (
            <div className="gz-muted">{t('person.noHousehold')}</div>
          )}
          <PersonFormModal
            open={editing}
            person={p}
            onClose={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              res.reload();
              onChanged?.();
            }}
          />
        </>
      )}
    </Drawer>
  );
}
