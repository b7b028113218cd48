import { lazy, memo, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { Button, Input, Switch, TextArea, Toast } from 'antd-mobile';
import { phoneIcon } from '../../icon.tsx';
import AimOutlinedSvg from '@ant-design/icons-svg/es/asn/AimOutlined';
import CheckCircleFilledSvg from '@ant-design/icons-svg/es/asn/CheckCircleFilled';
import CopyOutlinedSvg from '@ant-design/icons-svg/es/asn/CopyOutlined';
import EnvironmentFilledSvg from '@ant-design/icons-svg/es/asn/EnvironmentFilled';
import LockOutlinedSvg from '@ant-design/icons-svg/es/asn/LockOutlined';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { resetUploadToken, splitPhotos, type CaseInput, type CreatedCase, type Crs, type FileRef, type PublicArea } from '../../../api/cases.ts';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { isMobile, loadCatalogue, titleFrom, useCaseLabels } from '../../../lib/cases.ts';
import { fmtTime } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { getOrCopy, saveCopy } from '../../../lib/offlineDb.ts';
import { preloadedFor, requestUrl } from '../../../api/preload.ts';
import { onSent, submit as submitQueued } from '../../../lib/outbox.ts';
import { MPhotoUploader } from './MPhotos.tsx';
import { MTypePicker } from './MTypePicker.tsx';
import { MSuggestChips } from './MSuggest.tsx';
import { Later } from '../../later.tsx';
import { rememberArea } from './MPublicShell.tsx';
import { MStateTag, rememberReport } from './common.tsx';
import { placeRequest, scannedArea } from './reportRequests.ts';

const AimOutlined = phoneIcon(AimOutlinedSvg);
const CheckCircleFilled = phoneIcon(CheckCircleFilledSvg);
const CopyOutlined = phoneIcon(CopyOutlinedSvg);
const EnvironmentFilled = phoneIcon(EnvironmentFilledSvg);
const LockOutlined = phoneIcon(LockOutlinedSvg);

const MPointMap = lazy(() => import('../../MPointMap.tsx'));

// A report sent from 待发送 (now or after the connection returned): its query code is kept for 我的上报.
onSent('report', (item, answer) => {
  const c = answer as Partial<CreatedCase> | null;
  if (c?.code && c.queryCode) rememberReport({ code: c.code, queryCode: c.queryCode, title: c.title ?? item.title, at: c.createdAt ?? new Date().toISOString() });
});

/** The located point on a small map (drag to correct it), inside the grid when the reporter may read it. */
export function LocatedMap({ loc, gridCode, onMove }: { loc: Located; gridCode: string | null; onMove: (p: { lat: number; lng: number }) => void }) {
  return (
    <Suspense fallback={<div className="m-point-map m-point-map-wait" />}>
      <MPointMap point={loc} gridCode={gridCode} onMove={onMove} />
    </Suspense>
  );
}

/**
 * Browsers report WGS84 from `navigator.geolocation`. A WeChat mini-program or an AMap/Tencent SDK
 * embedding this page reports GCJ-02: set 'gcj02' there and the server converts it.
 */
export const BROWSER_CRS: Crs = 'wgs84';

export interface Located {
  lat: number;
  lng: number;
  accuracy: number | null;
  crs: Crs;
}

/** One tap to the phone's position; null until the user asks for it. */
export function useLocate() {
  const t = useT();
  const [loc, setLoc] = useState<Located | null>(null);
  const [busy, setBusy] = useState(false);
  const locate = useCallback(() => {
    if (!('geolocation' in navigator)) {
      Toast.show({ content: t('m.case.locateUnsupported') });
      return;
    }
    setBusy(true);
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setBusy(false);
        // No toast: the line beside the button says where, and the map that opens below it shows the point. (A toast
        // here once took the taps meant for the map's pin; no toast takes taps now: mobile.css.)
        setLoc({ lat: p.coords.latitude, lng: p.coords.longitude, accuracy: Number.isFinite(p.coords.accuracy) ? p.coords.accuracy : null, crs: BROWSER_CRS });
      },
      (err) => {
        setBusy(false);
        Toast.show({ content: err.code === err.PERMISSION_DENIED ? t('m.case.locateDenied') : t('m.case.locateFailed') });
      },
      { enableHighAccuracy: true, timeout: 12_000, maximumAge: 60_000 },
    );
  }, [t]);
  /** A point the user moved the pin to (WGS84, from the map). */
  const adjust = useCallback((p: { lat: number; lng: number }) => setLoc({ lat: p.lat, lng: p.lng, accuracy: null, crs: 'wgs84' }), []);
  return { loc, busy, locate, adjust, clear: () => setLoc(null) };
}

/** The description box's height: four rows empty, up to ten with text (one object, so its effect runs only when the text changes). */
const DESC_SIZE = { minRows: 4, maxRows: 10 };

/**
 * 扫码上报 / 随手拍: a resident reports a problem, with or without an account.
 *
 * The form's cards are memoised parts with stable handlers: what arrives after the first render (the place's name, the
 * session, the catalogue) renders the part that shows it and not the whole form again — on a slow phone each such
 * render of the whole form was a task of ~100 ms, blocking the first taps.
 */
export function MReport() {
  const t = useT();
  const { me } = useAuth();
  const [params] = useSearchParams();
  const areaParam = params.get('area');
  // Scanned codes name the place; a signed-in resident without one reports in their own area.
  const areaCode = scannedArea(areaParam) ?? me?.scope.code ?? null;
  const [type, setType] = useState<string | undefined>();
  // A type the reporter picked by hand is never replaced by a suggestion.
  const typeByHand = useRef(false);
  const [desc, setDesc] = useState('');
  const [photos, setPhotos] = useState<FileRef[]>([]);
  const [uploading, setUploading] = useState(false);
  const [address, setAddress] = useState('');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<CreatedCase | null>(null);
  const [queued, setQueued] = useState(0);
  // A new form (after a report) gets a fresh photo picker.
  const [formKey, setFormKey] = useState(0);
  const { loc, busy: locating, locate, adjust } = useLocate();
  // The grid's outline for a signed-in reporter inside their own area (others may not read it).
  const gridCode = me && areaCode && areaCode.startsWith(me.scope.code) && areaCode.length >= 15 ? areaCode.slice(0, 15) : null;

  useEffect(() => rememberArea(areaParam), [areaParam]);

  const pickType = useCallback((code: string, byHand: boolean) => {
    if (!byHand && typeByHand.current) return;
    if (byHand) typeByHand.current = true;
    setType(code);
    setErrors((x) => (x.type ? { ...x, type: '' } : x));
  }, []);

  const answered = (c: CreatedCase) => {
    resetUploadToken();
    setDone(c);
    window.scrollTo(0, 0);
  };
  const clearForm = () => {
    resetUploadToken();
    setFormKey((k) => k + 1);
    setType(undefined);
    typeByHand.current = false;
    setDesc('');
    setPhotos([]);
    setAddress('');
  };

  if (done) {
    return (
      <MReportDone
        c={done}
        onAgain={() => {
          clearForm();
          setDone(null);
        }}
      />
    );
  }

  const submit = async () => {
    const e: Record<string, string> = {};
    if (!type) e.type = t('m.case.err.type');
    if (desc.trim().length < 5) e.desc = t('m.case.err.desc');
    if (!anonymous && !me && !phone.trim()) e.phone = t('m.case.err.phoneRequired');
    if (!anonymous && phone.trim() && !isMobile(phone)) e.phone = t('m.case.err.phone');
    if (!areaCode && !loc) e.place = t('m.case.err.place');
    setErrors(e);
    if (Object.keys(e).length) {
      Toast.show({ content: Object.values(e)[0] });
      return;
    }
    setBusy(true);
    try {
      const typeName = (await loadCatalogue()).name(type);
      const split = splitPhotos(photos);
      const input: CaseInput = {
        title: titleFrom(typeName, desc),
        description: desc.trim(),
        categoryCode: type!,
        channel: areaParam ? 'qr' : 'mobile',
        areaCode: areaCode ?? undefined,
        location: loc ? { lat: loc.lat, lng: loc.lng, crs: loc.crs } : undefined,
        address: address.trim() || undefined,
        reporter: anonymous ? undefined : { name: name.trim() || undefined, phone: phone.trim() || undefined },
        public: consent,
        attachments: split.ids.length ? split.ids : undefined,
      };
      // Through 待发送: stored on the phone first, sent at once, and sent again by itself if no answer comes.
      const r = await submitQueued<CreatedCase>({ kind: 'report', path: '/api/cases', body: { ...input }, title: input.title, photos: split.local });
      if (r.sent) answered(r.answer);
      else {
        Toast.show({ content: t('offline.queuedReport'), duration: 3000 });
        setQueued((n) => n + 1);
        clearForm();
        window.scrollTo(0, 0);
      }
    } catch (err) {
      Toast.show({ content: err instanceof Error ? err.message : String(err), icon: 'fail', duration: 3000 });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="m-page m-report" data-testid="m-report">
      <ReportHero areaCode={areaCode} />

      {queued > 0 && (
        <div className="m-card m-card-overlap m-note m-note-warn" role="status" data-testid="m-report-queued">
          {t('offline.queuedReport')}
        </div>
      )}

      {/* A page the server drew is taken over a card per task (mobile/later.tsx). */}
      <Later>
        <TypeCard overlap={queued === 0} type={type} error={errors.type} onPick={pickType} />
      </Later>
      <Later>
        <DescribeCard
          desc={desc}
          onDesc={setDesc}
          error={errors.desc}
          areaCode={areaCode}
          loc={loc}
          type={type}
          onPick={pickType}
          formKey={formKey}
          photos={photos}
          onPhotos={setPhotos}
          onUploading={setUploading}
        />
      </Later>
      <Later>
        <WhereCard loc={loc} locating={locating} locate={locate} adjust={adjust} areaCode={areaCode} gridCode={gridCode} error={errors.place} address={address} onAddress={setAddress} />
      </Later>
      <Later>
        <ContactCard
          signedIn={Boolean(me)}
          anonymous={anonymous}
          onAnonymous={setAnonymous}
          name={name}
          onName={setName}
          phone={phone}
          onPhone={setPhone}
          error={errors.phone}
          consent={consent}
          onConsent={setConsent}
        />
      </Later>

      <div className="m-submit-wrap">
        <Button block color="primary" size="large" loading={busy} disabled={uploading} onClick={submit} data-testid="m-report-submit">
          {uploading ? t('m.case.uploading') : t('m.case.submit')}
        </Button>
        <div className="m-muted m-submit-note">{t('m.case.submitNote')}</div>
      </div>
    </div>
  );
}

/**
 * The page's head: where the report is for, named once the place's names are here (at once when the server drew the
 * page with them: firstFrame.tsx).
 */
const ReportHero = memo(function ReportHero({ areaCode }: { areaCode: string | null }) {
  const t = useT();
  const req = areaCode ? placeRequest(areaCode) : null;
  const [arrived] = useState(() => preloadedFor<PublicArea>(req));
  const place = useApi(req ? (signal) => getOrCopy<PublicArea>(req.path, req.query, signal) : null, [areaCode], arrived);
  // The names the page arrived with are kept on the phone as a read would keep them, for a report made offline later.
  useEffect(() => {
    if (req && arrived) void saveCopy(requestUrl(req), arrived);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, for the answer the page arrived with
  }, []);
  const placeNames = place.data ? place.data.path.filter((p) => p.level !== 'district').map((p) => p.name) : [];
  return (
    <div className="m-report-hero">
      <div className="m-report-hero-title">{t('m.case.reportTitle')}</div>
      <div className="m-report-hero-sub">{t('m.case.reportSub')}</div>
      <div className="m-report-place" data-testid="m-report-place">
        <EnvironmentFilled />
        {place.error ? (
          <span>{t('m.case.placeUnknown')}</span>
        ) : placeNames.length ? (
          <span>
            {t('m.case.placeAt')}
            <strong>{placeNames.join(' · ')}</strong>
          </span>
        ) : areaCode ? (
          <span>{t('common.loading')}</span>
        ) : (
          <span>{t('m.case.placeNone')}</span>
        )}
      </div>
    </div>
  );
});

type Pick = (code: string, byHand: boolean) => void;

const TypeCard = memo(function TypeCard({ overlap, type, error, onPick }: { overlap: boolean; type: string | undefined; error: string | undefined; onPick: Pick }) {
  const t = useT();
  const onChange = useCallback((c: string) => onPick(c, true), [onPick]);
  return (
    <div className={overlap ? 'm-card m-card-overlap' : 'm-card'}>
      <div className="m-card-title">
        {t('m.case.whatType')} <span className="m-required">*</span>
      </div>
      <MTypePicker value={type} onChange={onChange} />
      {error && <div className="m-field-error">{error}</div>}
    </div>
  );
});

interface DescribeProps {
  desc: string;
  onDesc: (v: string) => void;
  error: string | undefined;
  areaCode: string | null;
  loc: Located | null;
  type: string | undefined;
  onPick: Pick;
  formKey: number;
  photos: FileRef[];
  onPhotos: (v: FileRef[]) => void;
  onUploading: (busy: boolean) => void;
}

const DescribeCard = memo(function DescribeCard({ desc, onDesc, error, areaCode, loc, type, onPick, formKey, photos, onPhotos, onUploading }: DescribeProps) {
  const t = useT();
  // The description box grows with its text from the first focus or the first word on, not from the first render: its
  // measuring forced the page's first layout inside the render task (~120 ms of the report page's blocking time under
  // Lighthouse's 4× slower CPU). Empty, it is four rows high either way.
  const [focused, setFocused] = useState(false);
  return (
    <div className="m-card">
      <div className="m-card-title">
        {t('m.case.describe')} <span className="m-required">*</span>
      </div>
      <TextArea
        value={desc}
        onChange={onDesc}
        placeholder={t('m.case.describePlaceholder')}
        rows={4}
        maxLength={2000}
        showCount
        autoSize={focused || desc !== '' ? DESC_SIZE : undefined}
        onFocus={() => setFocused(true)}
        className="m-textarea"
        data-testid="m-report-desc"
      />
      {error && <div className="m-field-error">{error}</div>}
      <MSuggestChips q={{ description: desc, areaCode: areaCode ?? undefined, location: loc ? { lat: loc.lat, lng: loc.lng, crs: loc.crs } : undefined }} value={type} onPick={onPick} />
      <div className="m-card-subtitle">{t('m.case.photos')}</div>
      <MPhotoUploader key={formKey} value={photos} onChange={onPhotos} onBusy={onUploading} testId="m-report-photos" />
    </div>
  );
});

interface WhereProps {
  loc: Located | null;
  locating: boolean;
  locate: () => void;
  adjust: (p: { lat: number; lng: number }) => void;
  areaCode: string | null;
  gridCode: string | null;
  error: string | undefined;
  address: string;
  onAddress: (v: string) => void;
}

const WhereCard = memo(function WhereCard({ loc, locating, locate, adjust, areaCode, gridCode, error, address, onAddress }: WhereProps) {
  const t = useT();
  return (
    <div className="m-card">
      <div className="m-card-title">{t('m.case.where')}</div>
      <div className="m-locate-row">
        <div className="m-locate-text">
          {loc ? (
            <span data-testid="m-report-located">
              {t('m.case.locatedAt', { lat: loc.lat.toFixed(5), lng: loc.lng.toFixed(5) })}
              {loc.accuracy !== null && <span className="m-muted"> ±{Math.round(loc.accuracy)}m</span>}
            </span>
          ) : (
            <span className="m-muted">{areaCode ? t('m.case.locateOptional') : t('m.case.locateNeeded')}</span>
          )}
        </div>
        <Button size="small" fill="outline" color="primary" loading={locating} onClick={locate} data-testid="m-report-locate">
          <AimOutlined /> {loc ? t('m.case.relocate') : t('m.case.locate')}
        </Button>
      </div>
      {loc && <LocatedMap loc={loc} gridCode={gridCode} onMove={adjust} />}
      {error && <div className="m-field-error">{error}</div>}
      <Input value={address} onChange={onAddress} placeholder={t('m.case.addressPlaceholder')} maxLength={200} clearable className="m-input-line" data-testid="m-report-address" />
    </div>
  );
});

interface ContactProps {
  signedIn: boolean;
  anonymous: boolean;
  onAnonymous: (v: boolean) => void;
  name: string;
  onName: (v: string) => void;
  phone: string;
  onPhone: (v: string) => void;
  error: string | undefined;
  consent: boolean;
  onConsent: (v: boolean) => void;
}

const ContactCard = memo(function ContactCard({ signedIn, anonymous, onAnonymous, name, onName, phone, onPhone, error, consent, onConsent }: ContactProps) {
  const t = useT();
  return (
    <div className="m-card">
      <div className="m-card-title m-card-title-row">
        <span>{t('m.case.contact')}</span>
        <span className="m-switch-inline">
          {t('m.case.anonymous')}
          <Switch checked={anonymous} onChange={onAnonymous} data-testid="m-report-anonymous" />
        </span>
      </div>
      {anonymous ? (
        <div className="m-note m-note-warn" data-testid="m-report-anon-note">
          <LockOutlined /> {t('m.case.anonymousNote')}
        </div>
      ) : (
        <>
          <Input value={name} onChange={onName} placeholder={t('m.case.namePlaceholder')} maxLength={40} clearable className="m-input-line" data-testid="m-report-name" />
          <Input
            value={phone}
            onChange={(v) => onPhone(v.replace(/\D/g, '').slice(0, 11))}
            placeholder={signedIn ? t('m.case.phonePlaceholderOptional') : t('m.case.phonePlaceholder')}
            type="tel"
            inputMode="numeric"
            clearable
            className="m-input-line"
            data-testid="m-report-phone"
          />
          {error && <div className="m-field-error">{error}</div>}
          <div className="m-note">{t('m.case.phoneNote')}</div>
        </>
      )}
      <div className="m-consent">
        <div>
          <div className="m-consent-title">{t('m.case.consent')}</div>
          <div className="m-muted">{t('m.case.consentNote')}</div>
        </div>
        <Switch checked={consent} onChange={onConsent} data-testid="m-report-public" />
      </div>
    </div>
  );
});

function MReportDone({ c, onAgain }: { c: CreatedCase; onAgain: () => void }) {
  const t = useT();
  const labels = useCaseLabels();
  const navigate = useNavigate();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(c.queryCode ? `${t('m.case.codeLabel')} ${c.code} ${t('m.case.queryCodeLabel')} ${c.queryCode}` : c.code);
      Toast.show({ content: t('common.copyOk'), icon: 'success' });
    } catch {
      Toast.show({ content: c.code });
    }
  };
  return (
    <div className="m-page m-done" data-testid="m-report-done">
      <div className="m-done-top">
        <CheckCircleFilled className="m-done-icon" />
        <div className="m-done-title">{t('m.case.doneTitle')}</div>
        <div className="m-done-sub">{t('m.case.doneSub', { state: labels.state(c.state) })}</div>
      </div>
      <div className="m-card m-card-overlap m-done-card">
        <div className="m-muted">{t('m.case.codeLabel')}</div>
        <div className="m-done-code" data-testid="m-report-code" onClick={copy}>
          {c.code}
        </div>
        {c.queryCode && (
          <>
            <div className="m-muted">{t('m.case.queryCodeLabel')}</div>
            <div className="m-done-code m-done-query" data-testid="m-report-query-code" onClick={copy}>
              {c.queryCode}
            </div>
            <div className="m-done-hint" data-testid="m-report-query-note">
              {t('m.case.queryCodeNote')}
            </div>
          </>
        )}
        <Button size="small" fill="outline" color="primary" onClick={copy} data-testid="m-report-copy">
          <CopyOutlined /> {t(c.queryCode ? 'm.case.copyAll' : 'm.case.copyCode')}
        </Button>
        <div className="m-done-hint">{t('m.case.trackHint')}</div>
        <div className="m-done-meta">
          <span>{c.categoryName}</span>
          <span>{[c.townName, c.villageName].filter(Boolean).join(' ')}</span>
          <span>{fmtTime(c.createdAt)}</span>
        </div>
      </div>
      {c.duplicates.length > 0 && (
        <div className="m-card" data-testid="m-report-duplicates">
          <div className="m-card-title">{t('m.case.dupTitle', { n: c.duplicates.length })}</div>
          <div className="m-note">{t('m.case.dupNote')}</div>
          {c.duplicates.map((d) => (
            <div key={d.id} className="m-dup">
              <div className="m-dup-line">
                <span className="m-mono m-muted">{d.code}</span>
                <MStateTag state={d.state} />
              </div>
              <div className="m-dup-title">{d.title}</div>
              <div className="m-muted">{fmtTime(d.createdAt)}</div>
            </div>
          ))}
        </div>
      )}
      <div className="m-submit-wrap">
        <Button block color="primary" size="large" onClick={() => navigate(`/m/track?code=${c.code}`, { state: { queryCode: c.queryCode ?? null } })} data-testid="m-report-track">
          {t('m.case.trackNow')}
        </Button>
        <Button block size="large" onClick={onAgain} className="m-btn-gap" data-testid="m-report-again">
          {t('m.case.reportAgain')}
        </Button>
      </div>
    </div>
  );
}
