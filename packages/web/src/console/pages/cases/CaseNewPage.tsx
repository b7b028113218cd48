import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, Collapse, Form, Input, InputNumber, List, Result, Row, Select, Space, Switch, Tag, Typography } from 'antd';
import gcoord from 'gcoord';
import { Link, useNavigate } from 'react-router-dom';
import { createCase, newIdempotencyKey, type CaseInput, type Channel, type CreatedCase, type Crs, type FileRef } from '../../../api/cases.ts';
import { useMe } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { fmtTime } from '../../../lib/format.ts';
import { isMobile, useCaseLabels, useCatalogue } from '../../../lib/cases.ts';
import { AreaTreeSelect } from '../../components/AreaTreeSelect.tsx';
import LocationPicker, { type PickedPoint } from '../../components/LocationPicker.tsx';
import { ForbiddenPage } from '../../components/ErrorResult.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { applyServerErrors } from '../../components/formErrors.ts';
import { CategorySelect } from './CategorySelect.tsx';
import { StateTag } from './CaseTags.tsx';
import { PhotoUpload } from './PhotoUpload.tsx';
import { registerChannels } from './access.ts';

interface Values {
  channel: Channel;
  categoryCode?: string;
  title?: string;
  description?: string;
  areaCode?: string;
  lat?: number | null;
  lng?: number | null;
  crs: Crs;
  address?: string;
  reporterName?: string;
  reporterPhone?: string;
  photos?: FileRef[];
  urgent?: boolean;
  public?: boolean;
}

export default function CaseNewPage() {
  const t = useT();
  const me = useMe();
  const labels = useCaseLabels();
  const cat = useCatalogue();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [key, setKey] = useState(newIdempotencyKey);
  const [saving, setSaving] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [created, setCreated] = useState<CreatedCase | null>(null);
  const channels = registerChannels(me);
  const category = Form.useWatch('categoryCode', form);
  const type = category ? cat.byCode.get(category) : undefined;
  const areaCode = Form.useWatch('areaCode', form);
  const lat = Form.useWatch('lat', form);
  const lng = Form.useWatch('lng', form);
  const crs = Form.useWatch('crs', form);
  const point = pointOf(lat, lng, crs);

  if (channels.length === 0) return <ForbiddenPage />;

  const submit = async (v: Values) => {
    const hasPoint = typeof v.lat === 'number' && typeof v.lng === 'number';
    const input: CaseInput = {
      title: v.title!.trim(),
      description: v.description!.trim(),
      categoryCode: v.categoryCode!,
      channel: v.channel,
      areaCode: v.areaCode || undefined,
      location: hasPoint ? { lat: v.lat!, lng: v.lng!, crs: v.crs } : undefined,
      address: v.address?.trim() || undefined,
      reporter: v.reporterName?.trim() || v.reporterPhone?.trim() ? { name: v.reporterName?.trim() || undefined, phone: v.reporterPhone?.trim() || undefined } : undefined,
      public: Boolean(v.public),
      attachments: v.photos?.length ? v.photos.map((p) => p.id) : undefined,
      urgent: v.urgent,
    };
    setSaving(true);
    try {
      const c = await createCase(input, key);
      setCreated(c);
      message.success(t('case.new.created', { code: c.code }));
    } catch (e) {
      applyServerErrors(form, e, message, ['title', 'description', 'categoryCode', 'channel', 'areaCode', 'location', 'address', 'reporter', 'attachments']);
    } finally {
      setSaving(false);
    }
  };

  const again = () => {
    setCreated(null);
    setKey(newIdempotencyKey());
    form.resetFields();
  };

  if (created) {
    return (
      <div className="gz-page" data-testid="case-new-page">
        <PageHeader title={t('menu.caseNew')} />
        <Card className="gz-card">
          <Result
            status="success"
            title={t('case.new.createdTitle')}
            subTitle={
              <span>
                {t('case.new.createdCode')}{' '}
                <Typography.Text copyable className="gz-mono gz-created-code" data-testid="created-code">
                  {created.code}
                </Typography.Text>{' '}
                <StateTag state={created.state} />
                {created.queryCode && (
                  <span className="gz-created-query">
                    <br />
                    {t('case.new.queryCode')}{' '}
                    <Typography.Text copyable className="gz-mono gz-created-code" data-testid="created-query-code">
                      {created.queryCode}
                    </Typography.Text>
                    <br />
                    <Typography.Text type="secondary">{t('case.new.queryCodeHint')}</Typography.Text>
                  </span>
                )}
              </span>
            }
            extra={[
              <Button type="primary" key="open" onClick={() => navigate(`/cases/${created.id}`)} data-testid="created-open">
                {t('case.new.open')}
              </Button>,
              <Button key="again" onClick={again} data-testid="created-again">
                {t('case.new.again')}
              </Button>,
            ]}
          />
          {created.duplicates.length > 0 && <Duplicates items={created.duplicates} />}
        </Card>
      </div>
    );
  }

  return (
    <div className="gz-page" data-testid="case-new-page">
      <PageHeader title={t('menu.caseNew')} description={t('case.new.desc')} testId="case-new-title" />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ channel: channels[0], crs: 'wgs84', public: false }}
        data-testid="case-new-form"
        onValuesChange={(changed: Partial<Values>) => {
          if ('categoryCode' in changed) {
            const ty = changed.categoryCode ? cat.byCode.get(changed.categoryCode) : undefined;
            form.setFieldValue('urgent', ty?.urgent ?? false);
          }
        }}
      >
        <Row gutter={16}>
          <Col xs={24} xl={16}>
            <Card className="gz-card" title={t('case.new.sectionCase')} size="small">
              <Row gutter={16}>
                <Col xs={24} md={8}>
                  <Form.Item name="channel" label={t('case.field.channel')} rules={[{ required: true }]}>
                    <Select options={channels.map((ch) => ({ value: ch, label: labels.channel(ch) }))} data-testid="new-channel" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={16}>
                  <Form.Item
                    name="categoryCode"
                    label={t('case.field.type')}
                    rules={[{ required: true, message: t('common.requiredSelect', { field: t('case.field.type') }) }]}
                    extra={type ? `${labels.specs(type.deadline)}${type.verifyOnSite ? ` · ${t('case.catalog.verifyOnSite')}` : ''}` : t('case.new.typeHint')}
                  >
                    <CategorySelect leafOnly placeholder={t('case.new.typePlaceholder')} testId="new-category" />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="title" label={t('case.field.title')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('case.field.title') }) }, { max: 100 }]}>
                <Input maxLength={100} showCount placeholder={t('case.new.titlePlaceholder')} data-testid="new-title" />
              </Form.Item>
              <Form.Item
                name="description"
                label={t('case.field.description')}
                rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('case.field.description') }) }, { max: 2000 }]}
              >
                <Input.TextArea rows={5} maxLength={2000} showCount placeholder={t('case.new.descPlaceholder')} data-testid="new-description" />
              </Form.Item>
              <Form.Item name="photos" label={t('case.form.photos')}>
                <PhotoUpload onBusy={setUploading} testId="new-photos" />
              </Form.Item>
            </Card>
          </Col>
          <Col xs={24} xl={8}>
            <Card className="gz-card" title={t('case.new.sectionPlace')} size="small">
              <Form.Item
                name="areaCode"
                label={t('case.field.area')}
                extra={t('case.new.areaHint')}
                dependencies={['lat', 'lng']}
                rules={[
                  ({ getFieldValue }) => ({
                    validator: (_, v) =>
                      v || (typeof getFieldValue('lat') === 'number' && typeof getFieldValue('lng') === 'number') ? Promise.resolve() : Promise.reject(new Error(t('case.new.placeRequired'))),
                  }),
                ]}
              >
                <AreaTreeSelect aria-label={t('case.new.areaPlaceholder')} placeholder={t('case.new.areaPlaceholder')} testId="new-area" />
              </Form.Item>
              <Form.Item label={t('case.pick.label')}>
                <LocationPicker
                  area={areaCode || me.scope.code}
                  scope={me.scope.code}
                  value={point}
                  onChange={(p: PickedPoint | null) => {
                    form.setFieldsValue({ lat: p?.lat ?? null, lng: p?.lng ?? null, crs: 'wgs84' });
                    void form.validateFields(['areaCode']).catch(() => undefined);
                  }}
                />
              </Form.Item>
              <Collapse
                ghost
                size="small"
                className="gz-pick-advanced"
                items={[
                  {
                    key: 'typed',
                    label: t('case.pick.typed'),
                    forceRender: true,
                    children: (
                      <Form.Item label={t('case.new.point')} extra={t('case.new.pointHint')}>
                        <Space.Compact style={{ width: '100%' }}>
                          <Form.Item name="lat" noStyle rules={[{ type: 'number', min: -90, max: 90 }]}>
                            <InputNumber placeholder={t('case.new.lat')} aria-label={t('case.new.lat')} style={{ width: '36%' }} step={0.000001} data-testid="new-lat" />
                          </Form.Item>
                          <Form.Item name="lng" noStyle rules={[{ type: 'number', min: -180, max: 180 }]}>
                            <InputNumber placeholder={t('case.new.lng')} aria-label={t('case.new.lng')} style={{ width: '36%' }} step={0.000001} data-testid="new-lng" />
                          </Form.Item>
                          <Form.Item name="crs" noStyle>
                            <Select
                              aria-label={t('case.new.crs')}
                              style={{ width: '28%' }}
                              options={[
                                { value: 'wgs84', label: 'WGS84' },
                                { value: 'gcj02', label: t('case.new.crsGcj') },
                                { value: 'bd09', label: t('case.new.crsBd') },
                              ]}
                            />
                          </Form.Item>
                        </Space.Compact>
                      </Form.Item>
                    ),
                  },
                ]}
              />
              <Form.Item name="address" label={t('case.field.address')} rules={[{ max: 200 }]}>
                <Input maxLength={200} placeholder={t('case.new.addressPlaceholder')} data-testid="new-address" />
              </Form.Item>
            </Card>
            <Card className="gz-card" title={t('case.new.sectionReporter')} size="small">
              <Form.Item name="reporterName" label={t('case.reporter.name')} rules={[{ max: 40 }]}>
                <Input maxLength={40} placeholder={t('case.new.reporterNamePlaceholder')} data-testid="new-reporter-name" />
              </Form.Item>
              <Form.Item
                name="reporterPhone"
                label={t('case.reporter.phone')}
                extra={t('case.new.phoneHint')}
                rules={[{ validator: (_, v: string | undefined) => (!v?.trim() || isMobile(v) ? Promise.resolve() : Promise.reject(new Error(t('case.new.phoneInvalid')))) }]}
              >
                <Input maxLength={11} inputMode="numeric" placeholder="13900000000" data-testid="new-reporter-phone" />
              </Form.Item>
              <Form.Item name="public" valuePropName="checked">
                <Checkbox data-testid="new-public">{t('case.new.public')}</Checkbox>
              </Form.Item>
              <Form.Item name="urgent" label={t('case.new.urgent')} valuePropName="checked" extra={t('case.new.urgentHint')}>
                <Switch data-testid="new-urgent" />
              </Form.Item>
            </Card>
          </Col>
        </Row>
        <div className="gz-form-footer">
          <Space>
            <Button onClick={() => navigate('/cases')}>{t('common.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={saving} disabled={uploading} data-testid="new-submit">
              {t('case.new.submit')}
            </Button>
          </Space>
        </div>
      </Form>
    </div>
  );
}

/** The point of the form's fields in WGS84 (typed GCJ-02 or BD-09 coordinates converted), or null. */
function pointOf(lat: unknown, lng: unknown, crs: Crs | undefined): PickedPoint | null {
  if (typeof lat !== 'number' || typeof lng !== 'number' || !Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
  if (!crs || crs === 'wgs84') return { lat, lng };
  const [x, y] = gcoord.transform<[number, number]>([lng, lat], crs === 'gcj02' ? gcoord.GCJ02 : gcoord.BD09, gcoord.WGS84);
  return { lat: Math.round(y * 1e6) / 1e6, lng: Math.round(x * 1e6) / 1e6 };
}

function Duplicates({ items }: { items: CreatedCase['duplicates'] }) {
  const t = useT();
  return (
    <Alert
      type="warning"
      showIcon
      className="gz-duplicates"
      data-testid="created-duplicates"
      title={t('case.dup.title', { n: items.length })}
      description={
        <List
          size="small"
          dataSource={items}
          renderItem={(d) => (
            <List.Item extra={<Tag>{t('case.dup.score', { n: Math.round(d.score * 100) })}</Tag>}>
              <Space>
                <Link to={`/cases/${d.id}`} className="gz-mono">
                  {d.code}
                </Link>
                <StateTag state={d.state} />
                <span>{d.title}</span>
                <span className="gz-muted">{fmtTime(d.createdAt)}</span>
              </Space>
            </List.Item>
          )}
        />
      }
    />
  );
}
