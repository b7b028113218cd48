import { useRef, useState } from 'react';
import { Button, Input, NavBar, Picker, Switch, TextArea, Toast } from 'antd-mobile';
import { phoneIcon } from '../../icon.tsx';
import AimOutlinedSvg from '@ant-design/icons-svg/es/asn/AimOutlined';
import DownOutlinedSvg from '@ant-design/icons-svg/es/asn/DownOutlined';
import EnvironmentOutlinedSvg from '@ant-design/icons-svg/es/asn/EnvironmentOutlined';
import { useNavigate } from 'react-router-dom';
import { getOrCopy } from '../../../lib/offlineDb.ts';
import { splitPhotos, type CaseInput, type CreatedCase, type FileRef } from '../../../api/cases.ts';
import type { AreaSummary } from '../../../api/types.ts';
import { useMe } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { titleFrom, useCatalogue } from '../../../lib/cases.ts';
import { useApi } from '../../../lib/useApi.ts';
import { submit as submitQueued } from '../../../lib/outbox.ts';
import { MPhotoUploader } from './MPhotos.tsx';
import { MTypePicker } from './MTypePicker.tsx';
import { MSuggestChips } from './MSuggest.tsx';
import { LocatedMap, useLocate } from './MReport.tsx';

const AimOutlined = phoneIcon(AimOutlinedSvg);
const DownOutlined = phoneIcon(DownOutlinedSvg);
const EnvironmentOutlined = phoneIcon(EnvironmentOutlinedSvg);

/** 巡查上报: a grid worker reports what the patrol found, and may settle a small matter on the spot (小事不出网格). */
export function MPatrol() {
  const t = useT();
  const me = useMe();
  const cat = useCatalogue();
  const navigate = useNavigate();
  const children = useApi((signal) => getOrCopy<{ items: AreaSummary[] }>(`/api/areas/${me.scope.code}/children`, undefined, signal), [me.scope.code]);
  const [area, setArea] = useState(me.scope.code);
  const [pickArea, setPickArea] = useState(false);
  const [type, setType] = useState<string | undefined>();
  const [desc, setDesc] = useState('');
  // A type the grid worker picked by hand is never replaced by a suggestion.
  const typeByHand = useRef(false);
  const pickType = (code: string, byHand: boolean) => {
    if (!byHand && typeByHand.current) return;
    if (byHand) typeByHand.current = true;
    setType(code);
  };
  const [photos, setPhotos] = useState<FileRef[]>([]);
  const [address, setAddress] = useState('');
  const [onSpot, setOnSpot] = useState(false);
  const [spotNote, setSpotNote] = useState('');
  const [spotPhotos, setSpotPhotos] = useState<FileRef[]>([]);
  const [uploading, setUploading] = useState(0);
  const [busy, setBusy] = useState(false);
  const { loc, busy: locating, locate, adjust } = useLocate();
  const areaName = area === me.scope.code ? me.scope.name : (children.data?.items.find((a) => a.code === area)?.name ?? area);

  const answered = (c: CreatedCase) => {
    Toast.show({ content: c.state === 'closed' ? t('m.case.patrolClosed', { code: c.code }) : t('m.case.patrolDone', { code: c.code }), icon: 'success' });
    navigate(`/m/cases/${c.id}`, { replace: true });
  };

  const submit = async () => {
    if (!type) return void Toast.show({ content: t('m.case.err.type') });
    if (desc.trim().length < 5) return void Toast.show({ content: t('m.case.err.desc') });
    if (onSpot && !spotNote.trim()) return void Toast.show({ content: t('m.case.err.spotNote') });
    const main = splitPhotos(photos);
    const spot = splitPhotos(spotPhotos);
    const input: CaseInput = {
      title: titleFrom(cat.name(type), desc),
      description: desc.trim(),
      categoryCode: type,
      channel: 'patrol',
      areaCode: area,
      location: loc ? { lat: loc.lat, lng: loc.lng, crs: loc.crs } : undefined,
      address: address.trim() || undefined,
      attachments: main.ids.length ? main.ids : undefined,
      onSpot: onSpot ? { note: spotNote.trim(), attachments: spot.ids.length ? spot.ids : undefined } : undefined,
    };
    setBusy(true);
    try {
      // Through 待发送: kept on the phone and sent again by itself while no answer comes (basements, villages).
      const r = await submitQueued<CreatedCase>({ kind: 'report', path: '/api/cases', body: { ...input }, title: input.title, photos: main.local, spotPhotos: onSpot ? spot.local : [] });
      if (r.sent) answered(r.answer);
      else {
        Toast.show({ content: t('offline.queuedReport'), duration: 3000 });
        navigate('/m/outbox', { replace: true });
      }
    } catch (e) {
      Toast.show({ content: e instanceof Error ? e.message : String(e), icon: 'fail', duration: 3000 });
    } finally {
      setBusy(false);
    }
  };

  const columns = [[{ label: t('m.case.wholeGrid', { name: me.scope.name }), value: me.scope.code }, ...(children.data?.items ?? []).map((a) => ({ label: a.name, value: a.code }))]];

  return (
    <div className="m-page m-patrol" data-testid="m-patrol">
      <NavBar onBack={() => navigate(-1)} className="m-navbar">
        {t('m.case.patrolTitle')}
      </NavBar>
      <div className="m-card">
        <div className="m-card-title">{t('m.case.patrolWhere')}</div>
        <button type="button" className="m-area-pick" onClick={() => setPickArea(true)} data-testid="m-patrol-area">
          <EnvironmentOutlined /> <span className="m-area-pick-name">{areaName}</span> <DownOutlined className="m-muted" />
        </button>
        <div className="m-locate-row">
          <div className="m-locate-text">
            {loc ? t('m.case.locatedAt', { lat: loc.lat.toFixed(5), lng: loc.lng.toFixed(5) }) : <span className="m-muted">{t('m.case.locatePatrol')}</span>}
          </div>
          <Button size="small" fill="outline" color="primary" loading={locating} onClick={locate}>
            <AimOutlined /> {loc ? t('m.case.relocate') : t('m.case.locate')}
          </Button>
        </div>
        {loc && <LocatedMap loc={loc} gridCode={area.length >= 15 ? area.slice(0, 15) : null} onMove={adjust} />}
        <Input value={address} onChange={setAddress} placeholder={t('m.case.addressPlaceholder')} maxLength={200} clearable className="m-input-line" />
      </div>
      <div className="m-card">
        <div className="m-card-title">
          {t('m.case.whatType')} <span className="m-required">*</span>
        </div>
        <MTypePicker value={type} onChange={(c) => pickType(c, true)} />
      </div>
      <div className="m-card">
        <div className="m-card-title">
          {t('m.case.describe')} <span className="m-required">*</span>
        </div>
        <TextArea value={desc} onChange={setDesc} placeholder={t('m.case.patrolPlaceholder')} rows={3} maxLength={2000} showCount className="m-textarea" data-testid="m-patrol-desc" />
        <MSuggestChips q={{ description: desc, areaCode: area }} value={type} onPick={pickType} />
        <div className="m-card-subtitle">{t('m.case.photos')}</div>
        <MPhotoUploader value={photos} onChange={setPhotos} onBusy={(b) => setUploading((n) => (b ? n | 1 : n & ~1))} testId="m-patrol-photos" />
      </div>
      <div className="m-card">
        <div className="m-consent">
          <div>
            <div className="m-consent-title">{t('m.case.onSpot')}</div>
            <div className="m-muted">{t('m.case.onSpotNote')}</div>
          </div>
          <Switch checked={onSpot} onChange={setOnSpot} data-testid="m-patrol-onspot" />
        </div>
        {onSpot && (
          <>
            <TextArea value={spotNote} onChange={setSpotNote} placeholder={t('m.case.spotPlaceholder')} rows={3} maxLength={1000} showCount className="m-textarea m-gap-top" data-testid="m-patrol-spot-note" />
            <div className="m-card-subtitle">{t('m.case.spotPhotos')}</div>
            <MPhotoUploader value={spotPhotos} onChange={setSpotPhotos} onBusy={(b) => setUploading((n) => (b ? n | 2 : n & ~2))} testId="m-patrol-spot-photos" />
          </>
        )}
      </div>
      <div className="m-submit-wrap">
        <Button block color="primary" size="large" loading={busy} disabled={uploading !== 0} onClick={submit} data-testid="m-patrol-submit">
          {uploading ? t('m.case.uploading') : onSpot ? t('m.case.submitClosed') : t('m.case.submit')}
        </Button>
      </div>
      <Picker
        columns={columns}
        visible={pickArea}
        onClose={() => setPickArea(false)}
        value={[area]}
        onConfirm={(v) => {
          const next = v[0];
          if (typeof next === 'string') setArea(next);
        }}
        title={t('m.case.patrolWhere')}
      />
    </div>
  );
}
