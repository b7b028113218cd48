// 名录库 (“一村（社区）一库”, `000`): the keepers (community workers, party secretary) register people, record their
// consent to be listed or its withdrawal; other staff see only those who consented. Phones are masked; showing one
// in full is recorded.
import { useState } from 'react';
import { App, Alert, Button, Card, Col, Form, Input, Modal, Popconfirm, Row, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { TALENT_CATEGORY_CODES as TALENT_CATEGORIES, TALENT_ROLE_CODES as TALENT_ROLES } from '@gongzhi/domain';
import type { Talent } from '@gongzhi/domain/contract';
import { createTalent, listTalents, revealTalentPhone, setTalentConsent, updateTalent } from '../../../api/cadres.ts';
import { useAuth, useMe } from '../../../auth/AuthContext.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { useApi } from '../../../lib/useApi.ts';
import { AreaTreeSelect } from '../../components/AreaTreeSelect.tsx';
import { LoadError } from '../../components/ErrorResult.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { applyServerErrors } from '../../components/formErrors.ts';

interface FormValues {
  areaCode: string;
  name: string;
  category: (typeof TALENT_CATEGORIES)[number];
  roles?: (typeof TALENT_ROLES)[number][];
  workplace?: string;
  expertise?: string;
  phone?: string;
  consent?: boolean;
  consentNote?: string;
}

function Phone({ talent }: { talent: Talent }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [value, setValue] = useState<string | null>(null);
  if (!talent.phone) return <>—</>;
  const show = async () => {
    try {
      setValue((await revealTalentPhone(talent.id)).value);
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Space size={4}>
      <span>{value ?? talent.phone}</span>
      {!value && talent.allowedActions.includes('reveal') && (
        <Typography.Link onClick={() => void show()} aria-label={`${t('talent.reveal')} ${talent.name}`}>
          {t('talent.reveal')}
        </Typography.Link>
      )}
    </Space>
  );
}

export default function TalentsPage() {
  const { t, tx } = useI18n();
  const { message } = App.useApp();
  const { can } = useAuth();
  const [area, setArea] = useState<string | undefined>();
  const [category, setCategory] = useState<(typeof TALENT_CATEGORIES)[number] | undefined>();
  const [editing, setEditing] = useState<Talent | 'new' | null>(null);
  const list = useApi((signal) => listTalents({ area, category, pageSize: 200 }, signal), [area, category]);
  const keeper = can('talents.manage');

  const consent = async (tal: Talent, given: boolean) => {
    try {
      await setTalentConsent(tal.id, given);
      list.reload();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const columns: ColumnsType<Talent> = [
    {
      title: t('talent.name'),
      dataIndex: 'name',
      key: 'name',
      width: 120,
      render: (n: string, r) => (r.allowedActions.includes('edit') ? <Typography.Link onClick={() => setEditing(r)}>{n}</Typography.Link> : n),
    },
    { title: t('talent.category'), dataIndex: 'category', key: 'category', width: 100, render: (c: string) => tx(`talent.cat.${c}`) },
    {
      title: t('talent.roles'),
      dataIndex: 'roles',
      key: 'roles',
      width: 220,
      render: (rs: string[]) => (
        <Space size={[4, 4]} wrap>
          {rs.map((r) => (
            <Tag key={r} color="blue">
              {tx(`talent.role.${r}`)}
            </Tag>
          ))}
        </Space>
      ),
    },
    { title: t('talent.workplace'), dataIndex: 'workplace', key: 'workplace', ellipsis: true, render: (w: string | null) => w ?? '—' },
    { title: t('talent.expertise'), dataIndex: 'expertise', key: 'expertise', ellipsis: true, render: (w: string | null) => w ?? '—' },
    { title: t('talent.phone'), key: 'phone', width: 170, render: (_: unknown, r) => <Phone talent={r} /> },
    {
      title: t('talent.consent'),
      key: 'consent',
      width: 220,
      render: (_: unknown, r) => (
        <Space size={4} wrap>
          {r.listed ? <Tag color="green">{t('talent.consentGiven')}</Tag> : r.consentWithdrawnAt ? <Tag color="orange">{t('talent.consentWithdrawn')}</Tag> : <Tag>{t('talent.consentNone')}</Tag>}
          {r.allowedActions.includes('record-consent') && (
            <Button size="small" type="link" onClick={() => void consent(r, true)} data-testid="talent-consent">
              {t('talent.recordConsent')}
            </Button>
          )}
          {r.allowedActions.includes('withdraw-consent') && (
            <Popconfirm title={t('talent.withdrawConfirm')} onConfirm={() => void consent(r, false)}>
              <Button size="small" type="link" danger>
                {t('talent.withdrawConsent')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <div data-testid="talents-page">
      <PageHeader
        title={t('talent.title')}
        description={t('talent.desc')}
        extra={
          keeper ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="talent-new">
              {t('talent.new')}
            </Button>
          ) : undefined
        }
      />
      <Card size="small" className="gz-filters">
        <Space wrap>
          <AreaTreeSelect value={area} onChange={setArea} placeholder={t('talent.area')} style={{ width: 220 }} />
          <Select allowClear style={{ width: 160 }} placeholder={t('talent.category')} value={category} onChange={setCategory} options={TALENT_CATEGORIES.map((c) => ({ value: c, label: tx(`talent.cat.${c}`) }))} aria-label={t('talent.category')} />
        </Space>
      </Card>
      <Alert type="info" showIcon message={keeper ? t('talent.keeperNote') : t('talent.readerNote')} style={{ marginBottom: 12 }} />
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : (
        <Table<Talent> rowKey="id" size="small" loading={list.loading} columns={columns} dataSource={list.data?.items ?? []} pagination={{ pageSize: 20, showSizeChanger: false }} locale={{ emptyText: t('talent.empty') }} scroll={{ x: 1100 }} />
      )}
      {editing && <TalentForm talent={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={() => (setEditing(null), list.reload())} />}
    </div>
  );
}

function TalentForm({ talent, onClose, onSaved }: { talent: Talent | null; onClose: () => void; onSaved: () => void }) {
  const { t, tx } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      if (talent) {
        await updateTalent(talent.id, { name: v.name, category: v.category, roles: v.roles ?? [], workplace: v.workplace || null, expertise: v.expertise || null, ...(v.phone ? { phone: v.phone } : {}) });
      } else {
        await createTalent({ areaCode: v.areaCode, name: v.name, category: v.category, roles: v.roles ?? [], workplace: v.workplace || null, expertise: v.expertise || null, phone: v.phone || null, consent: !!v.consent, consentNote: v.consentNote || null });
      }
      onSaved();
    } catch (e) {
      applyServerErrors(form, e, message, ['areaCode', 'name', 'category', 'roles', 'workplace', 'expertise', 'phone', 'consentNote']);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title={talent ? t('talent.edit') : t('talent.new')} onCancel={onClose} onOk={() => void save()} confirmLoading={saving} width={640} destroyOnHidden>
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={talent ? { areaCode: talent.areaCode, name: talent.name, category: talent.category, roles: talent.roles, workplace: talent.workplace ?? undefined, expertise: talent.expertise ?? undefined } : { areaCode: me.scope.level === 'village' ? me.scope.code : undefined, roles: [], consent: false }}
      >
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="name" label={t('talent.name')} rules={[{ required: true, max: 40 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="category" label={t('talent.category')} rules={[{ required: true }]}>
              <Select options={TALENT_CATEGORIES.map((c) => ({ value: c, label: tx(`talent.cat.${c}`) }))} />
            </Form.Item>
          </Col>
          {!talent && (
            <Col span={24}>
              <Form.Item name="areaCode" label={t('talent.area')} rules={[{ required: true }]}>
                <AreaTreeSelect selectableLevels={['village']} />
              </Form.Item>
            </Col>
          )}
          <Col span={24}>
            <Form.Item name="roles" label={t('talent.roles')}>
              <Select mode="multiple" options={TALENT_ROLES.map((r) => ({ value: r, label: tx(`talent.role.${r}`) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="workplace" label={t('talent.workplace')} rules={[{ max: 100 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="phone" label={t('talent.phone')} rules={[{ max: 20 }]} extra={talent?.phone ?? undefined}>
              <Input inputMode="tel" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="expertise" label={t('talent.expertise')} rules={[{ max: 300 }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </Col>
          {!talent && (
            <>
              <Col span={8}>
                <Form.Item name="consent" label={t('talent.consent')} valuePropName="checked">
                  <Switch />
                </Form.Item>
              </Col>
              <Col span={16}>
                <Form.Item name="consentNote" label={t('talent.consentNote')} rules={[{ max: 200 }]}>
                  <Input placeholder={t('talent.consentNotePlaceholder')} />
                </Form.Item>
              </Col>
            </>
          )}
        </Row>
      </Form>
    </Modal>
  );
}
