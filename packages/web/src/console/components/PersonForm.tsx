import { useEffect, useState } from 'react';
import { App, Col, DatePicker, Form, Input, Modal, Radio, Row, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError, get, patch, post } from '../../api/client.ts';
import type { AreaHouseholds, Person } from '../../api/types.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { useT } from '../../i18n/index.tsx';
import { levelOfCode } from '../../lib/areas.ts';
import { useDictionaries, useLabels } from '../../lib/labels.ts';
import { useApi } from '../../lib/useApi.ts';
import { infoFromIdNumber, isValidIdNumber, isValidMobile, personNumbers } from '../../lib/validate.ts';
import { AreaTreeSelect } from './AreaTreeSelect.tsx';
import { applyServerErrors } from './formErrors.ts';

interface Values {
  name: string;
  gender: 'male' | 'female';
  birthDate?: Dayjs | null;
  ethnicity?: string;
  idNumber?: string;
  phone?: string;
  areaCode?: string;
  householdId?: string | null;
  relation?: string;
  residenceType?: string;
  tags?: string[];
  partyMember?: boolean;
  note?: string;
}

const FIELDS = ['name', 'gender', 'birthDate', 'ethnicity', 'idNumber', 'phone', 'areaCode', 'householdId', 'relation', 'residenceType', 'tags', 'partyMember', 'note'] as const;
const RELATIONS = ['head', 'spouse', 'child', 'parent', 'grandchild', 'other'] as const;
const PERSON_LEVELS = ['grid', 'building', 'unit'] as const;

/** Adds a person (no `person`) or edits one; validation mirrors the server, whose errors land on the fields. */
export function PersonFormModal({
  open,
  person,
  defaultAreaCode,
  onClose,
  onSaved,
}: {
  open: boolean;
  person?: Person;
  defaultAreaCode?: string;
  onClose: () => void;
  onSaved: (p: Person) => void;
}) {
  const t = useT();
  const labels = useLabels();
  const dict = useDictionaries();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const areaCode = Form.useWatch('areaCode', form);
  const editing = Boolean(person);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      person
        ? {
            name: person.name,
            gender: person.gender,
            birthDate: person.birthDate ? dayjs(person.birthDate) : null,
            ethnicity: person.ethnicity ?? undefined,
            areaCode: person.areaCode,
            householdId: person.householdId,
            relation: person.relation,
            residenceType: person.residenceType,
            tags: person.tags,
            partyMember: person.partyMember,
            note: person.note ?? undefined,
          }
        : {
            gender: 'male',
            ethnicity: '汉族',
            relation: 'head',
            residenceType: 'registered',
            partyMember: false,
            tags: [],
            areaCode: defaultAreaCode && PERSON_LEVELS.some((l) => l === levelOfCode(defaultAreaCode)) ? defaultAreaCode : undefined,
          },
    );
  }, [open, person, defaultAreaCode, form]);

  const validArea = areaCode && PERSON_LEVELS.some((l) => l === levelOfCode(areaCode));
  const households = useApi(
    open && validArea ? (signal) => get<AreaHouseholds>(`/api/areas/${areaCode}/households`, { page: 1, pageSize: 200 }, signal) : null,
    [open, areaCode],
  );

  const tagOptions = dict.specialGroups
    .filter((g) => !g.sensitive || can('people.sensitive'))
    .map((g) => ({ value: g.code, label: dict.name(g) }));

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const body: Record<string, unknown> = {
      name: v.name.trim(),
      gender: v.gender,
      birthDate: v.birthDate ? v.birthDate.format('YYYY-MM-DD') : null,
      ethnicity: v.ethnicity?.trim() || undefined,
      areaCode: v.areaCode,
      householdId: v.householdId || null,
      relation: v.relation,
      residenceType: v.residenceType,
      tags: v.tags ?? [],
      partyMember: Boolean(v.partyMember),
      note: v.note?.trim() || null,
    };
    Object.assign(body, personNumbers(v, editing));
    setSaving(true);
    try {
      const saved = person ? await patch<Person>(`/api/people/${person.id}`, body) : await post<Person>('/api/people', body);
      message.success(t(person ? 'person.updated' : 'person.created'));
      onSaved(saved);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'duplicate_id_number') form.setFields([{ name: 'idNumber', errors: [e.message] }]);
      else applyServerErrors(form, e, message, FIELDS);
    } finally {
      setSaving(false);
    }
  };

  const required = (field: string) => ({ required: true, message: t('common.required', { field }) });

  return (
    <Modal
      title={t(person ? 'person.edit' : 'person.add')}
      open={open}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
      okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'person-form-submit' } as Record<string, string>}
      width={760}
      forceRender
    >
      <Form<Values> form={form} layout="vertical" requiredMark data-testid="person-form" className="gz-person-form">
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="name" label={t('person.name')} rules={[{ ...required(t('person.name')), whitespace: true }, { max: 40 }]}>
              <Input maxLength={40} data-testid="pf-name" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="gender" label={t('person.gender')} rules={[required(t('person.gender'))]}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'male', label: labels.gender('male') },
                  { value: 'female', label: labels.gender('female') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="ethnicity" label={t('person.ethnicity')} rules={[{ max: 20 }]}>
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="idNumber"
              label={t('person.idNumber')}
              normalize={(v: string) => v.toUpperCase().replace(/\s/g, '')}
              rules={[
                {
                  validator: async (_, v: string | undefined) => {
                    if (v && !isValidIdNumber(v)) throw new Error(t('person.idInvalid'));
                  },
                },
              ]}
            >
              <Input
                maxLength={18}
                className="gz-mono"
                autoComplete="off"
                placeholder={person?.idNumber ? t('person.keepNumber', { value: person.idNumber }) : undefined}
                data-testid="pf-id"
                onBlur={(e) => {
                  const info = infoFromIdNumber(e.target.value);
                  if (info && !form.getFieldValue('birthDate')) {
                    form.setFieldsValue({ birthDate: dayjs(info.birthDate), gender: info.gender });
                    message.info(t('person.fillFromId'));
                  }
                }}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="phone"
              label={t('person.phone')}
              normalize={(v: string) => v.replace(/\s/g, '')}
              rules={[
                {
                  validator: async (_, v: string | undefined) => {
                    if (v && !isValidMobile(v)) throw new Error(t('person.phoneInvalid'));
                  },
                },
              ]}
            >
              <Input maxLength={11} className="gz-mono" autoComplete="off" placeholder={person?.phone ? t('person.keepNumber', { value: person.phone }) : undefined} data-testid="pf-phone" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="birthDate" label={t('person.birthDate')}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="relation" label={t('person.relation')}>
              <Select options={RELATIONS.map((r) => ({ value: r, label: labels.relation(r) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="residenceType" label={t('person.residenceType')}>
              <Select options={dict.residenceTypes.map((r) => ({ value: r.code, label: dict.name(r) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="areaCode"
              label={t('person.area')}
              rules={[
                { required: true, message: t('common.requiredSelect', { field: t('person.area') }) },
                {
                  validator: async (_, v: string | undefined) => {
                    if (v && !PERSON_LEVELS.some((l) => l === levelOfCode(v))) throw new Error(t('person.areaLevelInvalid'));
                  },
                },
              ]}
            >
              <AreaTreeSelect
                aria-label={t('person.areaHint')} placeholder={t('person.areaHint')}
                selectableLevels={[...PERSON_LEVELS]}
                allowClear={false}
                testId="pf-area"
                onChange={() => form.setFieldsValue({ householdId: null })}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="householdId" label={t('person.household')}>
              <Select
                allowClear
                aria-label={t('person.householdHint')} placeholder={t('person.householdHint')}
                showSearch={{ optionFilterProp: 'label' }}
                disabled={!validArea}
                loading={households.loading}
                options={(households.data?.items ?? []).map((h) => ({
                  value: h.id,
                  label: h.head ? t('household.optionHead', { address: h.address, head: h.head }) : h.address,
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={18}>
            <Form.Item name="tags" label={t('person.tags')}>
              <Select mode="multiple" allowClear options={tagOptions} aria-label={t('person.tagsHint')} placeholder={t('person.tagsHint')} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="partyMember" label={t('person.partyMember')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="note" label={t('person.note')} rules={[{ max: 500 }]}>
              <Input.TextArea rows={2} maxLength={500} showCount />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
