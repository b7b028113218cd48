import { useEffect, useState } from 'react';
import { Button, Form, Input, Popup, Selector, TextArea, Toast } from 'antd-mobile';
import { ApiError, patch, post } from '../../api/client.ts';
import type { Person } from '../../api/types.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { useT } from '../../i18n/index.tsx';
import { useDictionaries, useLabels } from '../../lib/labels.ts';
import { infoFromIdNumber, isValidIdNumber, isValidMobile, personNumbers } from '../../lib/validate.ts';

interface Values {
  name: string;
  gender: ('male' | 'female')[];
  birthDate?: string;
  idNumber?: string;
  phone?: string;
  relation: string[];
  residenceType: string[];
  tags: string[];
  note?: string;
}

const FIELDS = ['name', 'gender', 'birthDate', 'idNumber', 'phone', 'relation', 'residenceType', 'tags', 'note'] as const;
const RELATIONS = ['head', 'spouse', 'child', 'parent', 'grandchild', 'other'] as const;

/**
 * The grid worker's person form on the phone: a new member of a household (`household`) or the corrections to one
 * person (`person`). The same fields and checks as the console's form; the server's field errors land on the fields.
 * Blank numbers on an edit mean "unchanged": the current ones are masked and never sent back.
 */
export function MPersonForm({
  visible,
  household,
  person,
  onClose,
  onSaved,
}: {
  visible: boolean;
  household?: { id: string; areaCode: string };
  person?: Person;
  onClose: () => void;
  onSaved: (p: Person) => void;
}) {
  const t = useT();
  const labels = useLabels();
  const dict = useDictionaries();
  const { can } = useAuth();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const editing = Boolean(person);

  useEffect(() => {
    if (!visible) return;
    form.resetFields();
    form.setFieldsValue(
      person
        ? {
            name: person.name,
            gender: [person.gender],
            birthDate: person.birthDate ?? undefined,
            relation: [person.relation],
            residenceType: [person.residenceType],
            tags: person.tags,
            note: person.note ?? undefined,
          }
        : { gender: ['male'], relation: ['other'], residenceType: ['registered'], tags: [] },
    );
  }, [visible, person, form]);

  const tagOptions = dict.specialGroups.filter((g) => !g.sensitive || can('people.sensitive')).map((g) => ({ value: g.code, label: dict.name(g) }));
  const required = (field: string) => ({ required: true, message: t('common.required', { field }) });

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const body: Record<string, unknown> = {
      name: v.name.trim(),
      gender: v.gender[0],
      birthDate: v.birthDate || null,
      relation: v.relation[0],
      residenceType: v.residenceType[0],
      tags: v.tags ?? [],
      note: v.note?.trim() || null,
    };
    Object.assign(body, personNumbers(v, editing));
    if (household) Object.assign(body, { areaCode: household.areaCode, householdId: household.id });
    setSaving(true);
    try {
      const saved = person ? await patch<Person>(`/api/people/${person.id}`, body) : await post<Person>('/api/people', body);
      Toast.show({ icon: 'success', content: t(person ? 'person.updated' : 'person.created') });
      onSaved(saved);
    } catch (e) {
      const placed = e instanceof ApiError ? e.fieldErrors.filter((f) => (FIELDS as readonly string[]).includes(f.field)) : [];
      if (e instanceof ApiError && e.code === 'duplicate_id_number') form.setFields([{ name: 'idNumber', errors: [e.message] }]);
      else if (placed.length) form.setFields(placed.map((f) => ({ name: f.field, errors: [f.message] })));
      else Toast.show({ content: e instanceof Error ? e.message : String(e) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Popup visible={visible} onMaskClick={onClose} bodyStyle={{ borderTopLeftRadius: 8, borderTopRightRadius: 8, maxHeight: '88vh', overflowY: 'auto' }} destroyOnClose>
      <div className="m-popup-title">{t(person ? 'person.edit' : 'm.person.addMember')}</div>
      <Form
        form={form}
        layout="horizontal"
        data-testid="m-person-form"
        footer={
          <Button block color="primary" size="large" loading={saving} onClick={() => void submit()} data-testid="m-person-form-submit">
            {t('common.save')}
          </Button>
        }
      >
        <Form.Item name="name" label={t('person.name')} rules={[{ ...required(t('person.name')), whitespace: true }]}>
          <Input maxLength={40} clearable data-testid="m-pf-name" />
        </Form.Item>
        <Form.Item name="gender" label={t('person.gender')} rules={[required(t('person.gender'))]}>
          <Selector columns={2} options={(['male', 'female'] as const).map((g) => ({ value: g, label: labels.gender(g) }))} />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('person.idNumber')}
          rules={[
            {
              validator: async (_: unknown, v?: string) => {
                if (v && !isValidIdNumber(v.trim())) throw new Error(t('person.idInvalid'));
              },
            },
          ]}
        >
          <Input
            maxLength={18}
            autoComplete="off"
            placeholder={person?.idNumber ? t('person.keepNumber', { value: person.idNumber }) : undefined}
            onChange={(v) => {
              const info = v && isValidIdNumber(v.trim()) ? infoFromIdNumber(v.trim()) : null;
              if (info) form.setFieldsValue({ birthDate: info.birthDate, gender: [info.gender] });
            }}
            data-testid="m-pf-id"
          />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('person.phone')}
          rules={[
            {
              validator: async (_: unknown, v?: string) => {
                if (v && !isValidMobile(v.trim())) throw new Error(t('person.phoneInvalid'));
              },
            },
          ]}
        >
          <Input type="tel" maxLength={11} autoComplete="off" placeholder={person?.phone ? t('person.keepNumber', { value: person.phone }) : undefined} data-testid="m-pf-phone" />
        </Form.Item>
        <Form.Item
          name="birthDate"
          label={t('person.birthDate')}
          rules={[
            {
              validator: async (_: unknown, v?: string) => {
                if (v && v > new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)) throw new Error(t('m.person.birthInFuture'));
              },
            },
          ]}
        >
          <Input type="date" data-testid="m-pf-birth" />
        </Form.Item>
        <Form.Item name="relation" label={t('person.relation')} rules={[required(t('person.relation'))]}>
          <Selector columns={3} options={RELATIONS.map((r) => ({ value: r, label: labels.relation(r) }))} />
        </Form.Item>
        <Form.Item name="residenceType" label={t('person.residenceType')} rules={[required(t('person.residenceType'))]}>
          <Selector columns={2} options={dict.residenceTypes.map((r) => ({ value: r.code, label: dict.name(r) }))} />
        </Form.Item>
        <Form.Item name="tags" label={t('person.tags')}>
          <Selector multiple columns={2} options={tagOptions} />
        </Form.Item>
        <Form.Item name="note" label={t('person.note')}>
          <TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Form>
    </Popup>
  );
}
