// 红心物业 on the phone: the community's inspection of a compound (checklist with photos). The red and black lists on
// the public wall are in MPropertyLists.tsx.
import { useState } from 'react';
import { Button, NavBar, Radio, Selector, Space, TextArea, Toast } from 'antd-mobile';
import { phoneIcon } from '../../icon.tsx';
import SafetyCertificateOutlinedSvg from '@ant-design/icons-svg/es/asn/SafetyCertificateOutlined';
import { useNavigate } from 'react-router-dom';
import type { FileRef } from '../../../api/cases.ts';
import { errorMessage } from '../../../api/client.ts';
import { createInspection, INSPECTION_ITEMS, listCompounds, type InspectionItem } from '../../../api/property.ts';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { useApi } from '../../../lib/useApi.ts';
import { MError, MLoading } from '../../components.tsx';
import { MPhotoUploader } from '../cases/MPhotos.tsx';
import { MTiles } from '../wishes/common.tsx';
import '../wishes/wishes.css';
import './property.css';

const SafetyCertificateOutlined = phoneIcon(SafetyCertificateOutlinedSvg);

/** The home page's tile for community and grid staff. */
export function MPropertyEntry() {
  const t = useT();
  const { can } = useAuth();
  const navigate = useNavigate();
  if (!can('property.inspect')) return null;
  return (
    <MTiles
      title={t('prop.menu.group')}
      testId="m-property-entry"
      tiles={[{ key: 'inspect', icon: <SafetyCertificateOutlined />, title: t('prop.m.tile'), desc: t('prop.m.tileDesc'), onClick: () => navigate('/m/property/inspect'), tone: 'm-wo-red' }]}
    />
  );
}


export function MPropertyInspect() {
  const t = useT();
  const navigate = useNavigate();
  const compounds = useApi((signal) => listCompounds(signal), []);
  const [placeId, setPlaceId] = useState<string | null>(null);
  const [results, setResults] = useState<Partial<Record<InspectionItem, boolean>>>({});
  const [photos, setPhotos] = useState<FileRef[]>([]);
  const [uploading, setUploading] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const options = (compounds.data?.items ?? []).filter((c) => c.company);
  const submit = async () => {
    const problem = !placeId ? 'prop.m.pickCompound' : !INSPECTION_ITEMS.every((i) => typeof results[i] === 'boolean') ? 'prop.m.incomplete' : !photos.length ? 'prop.m.needPhoto' : null;
    if (problem || !placeId) {
      Toast.show({ content: t(problem ?? 'prop.m.pickCompound') });
      return;
    }
    setBusy(true);
    try {
      const r = await createInspection({ placeId, results: results as Record<string, boolean>, photoIds: photos.map((p) => p.id), ...(note.trim() ? { note: note.trim() } : {}) });
      Toast.show({ content: t('prop.m.done', { score: r.score.toFixed(0) }), icon: 'success' });
      navigate('/m');
    } catch (e) {
      Toast.show({ content: errorMessage(e), icon: 'fail' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="m-page" data-testid="m-property-inspect">
      <NavBar onBack={() => navigate('/m')} className="m-navbar">
        {t('prop.m.title')}
      </NavBar>
      {compounds.error ? (
        <MError error={compounds.error} />
      ) : !compounds.data ? (
        <MLoading />
      ) : options.length === 0 ? (
        <div className="m-wo-empty">{t('prop.m.noCompounds')}</div>
      ) : (
        <div className="m-prop-form">
          <div className="m-card">
            <div className="m-card-title">{t('prop.m.compound')}</div>
            <Selector
              columns={1}
              value={placeId ? [placeId] : []}
              onChange={(v) => setPlaceId(v[0] ?? null)}
              options={options.map((c) => ({ value: c.id, label: c.name, description: `${c.company?.name ?? ''}${c.blacklisted ? ` · ${t('prop.blacklisted')}` : ''}` }))}
              data-testid="m-prop-compounds"
            />
          </div>
          <div className="m-card">
            {INSPECTION_ITEMS.map((item) => (
              <div key={item} className="m-prop-item" data-testid={`m-prop-item-${item}`}>
                <div className="m-prop-item-label">{t(`prop.item.${item}`)}</div>
                <Radio.Group value={results[item] === undefined ? undefined : results[item] ? 'pass' : 'fail'} onChange={(v) => setResults((r) => ({ ...r, [item]: v === 'pass' }))}>
                  <Space>
                    <Radio value="pass" data-testid={`m-prop-pass-${item}`}>
                      {t('prop.m.pass')}
                    </Radio>
                    <Radio value="fail" data-testid={`m-prop-fail-${item}`}>
                      {t('prop.m.fail')}
                    </Radio>
                  </Space>
                </Radio.Group>
              </div>
            ))}
          </div>
          <div className="m-card">
            <div className="m-card-title">{t('prop.m.photos')}</div>
            <MPhotoUploader value={photos} onChange={setPhotos} onBusy={setUploading} max={9} testId="m-prop-photos" />
            <TextArea placeholder={t('prop.m.note')} value={note} onChange={setNote} maxLength={500} rows={2} aria-label={t('prop.m.note')} />
          </div>
          <Button block color="primary" size="large" loading={busy} disabled={uploading} onClick={submit} data-testid="m-prop-submit">
            {t('prop.m.submit')}
          </Button>
        </div>
      )}
    </div>
  );
}

