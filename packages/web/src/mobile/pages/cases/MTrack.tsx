import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Input, Popup, TextArea, Toast } from 'antd-mobile';
import { phoneIcon } from '../../icon.tsx';
import CommentOutlinedSvg from '@ant-design/icons-svg/es/asn/CommentOutlined';
import FrownOutlinedSvg from '@ant-design/icons-svg/es/asn/FrownOutlined';
import MehOutlinedSvg from '@ant-design/icons-svg/es/asn/MehOutlined';
import RightOutlinedSvg from '@ant-design/icons-svg/es/asn/RightOutlined';
import SearchOutlinedSvg from '@ant-design/icons-svg/es/asn/SearchOutlined';
import SmileOutlinedSvg from '@ant-design/icons-svg/es/asn/SmileOutlined';
import { useLocation, useSearchParams } from 'react-router-dom';
import { ApiError, post } from '../../../api/client.ts';
import { listCases, trackCase, type CaseDetail, type CaseSummary, type Rating } from '../../../api/cases.ts';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { fmtTime } from '../../../lib/format.ts';
import { useCaseLabels } from '../../../lib/cases.ts';
import { MPhotoGrid } from './MPhotos.tsx';
import { MRating, MStateTag, MTimeline, recentReports } from './common.tsx';

const CommentOutlined = phoneIcon(CommentOutlinedSvg);
const FrownOutlined = phoneIcon(FrownOutlinedSvg);
const MehOutlined = phoneIcon(MehOutlinedSvg);
const RightOutlined = phoneIcon(RightOutlinedSvg);
const SearchOutlined = phoneIcon(SearchOutlinedSvg);
const SmileOutlined = phoneIcon(SmileOutlinedSvg);

/** Accounts whose case list is their own reports (not an area's): they follow them without a query code. */
const REPORTER_ROLES = ['resident', 'party-member', 'merchant'];

/**
 * 查进度: the reporter follows a case with its code and the query code given at submission;
 * a signed-in resident sees their own reports at once, without any code.
 */
export function MTrack() {
  const t = useT();
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const passed = (location.state as { queryCode?: string | null } | null)?.queryCode ?? '';
  const [code, setCode] = useState(params.get('code') ?? '');
  const [queryCode, setQueryCode] = useState(passed);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [c, setC] = useState<CaseDetail | null>(null);
  const asked = useRef<string>('');
  const recent = recentReports();
  const reporterAccount = !!me && me.roles.some((r) => REPORTER_ROLES.includes(r));
  const [mine, setMine] = useState<CaseSummary[] | null>(null);

  useEffect(() => {
    if (!reporterAccount) return;
    const ac = new AbortController();
    listCases({ pageSize: 50 }, ac.signal).then(
      (r) => setMine(r.items),
      () => setMine([]),
    );
    return () => ac.abort();
  }, [reporterAccount]);

  const query = useCallback(
    async (qCode: string, qSecret: string, own = false) => {
      const cc = qCode.trim().toUpperCase();
      const qc = qSecret.trim().toUpperCase().replace(/[\s-]/g, '');
      if (!/^[A-Z0-9]{6,32}$/.test(cc)) return setError(t('m.case.err.code'));
      if (!own && !/^[A-Z0-9]{6}$/.test(qc)) return setError(t('m.case.err.queryCode'));
      setError(null);
      setBusy(true);
      try {
        const r = await trackCase(cc, qc || undefined);
        setC(r);
        setParams({ code: cc }, { replace: true, state: location.state });
      } catch (e) {
        setC(null);
        // The server's 404 speaks of scope; a resident only needs to check the two codes.
        setError(e instanceof ApiError && e.status === 404 ? t('m.case.notFound') : e instanceof Error ? e.message : String(e));
      } finally {
        setBusy(false);
      }
    },
    [t, setParams, location.state],
  );

  // Arriving from the success page (or a link) with what is needed: look it up at once.
  useEffect(() => {
    const initialCode = params.get('code');
    if (initialCode && (passed || reporterAccount) && asked.current !== initialCode) {
      asked.current = initialCode;
      void query(initialCode, passed, !passed && reporterAccount);
    }
  }, [params, passed, query, reporterAccount]);

  return (
    <div className="m-page m-track" data-testid="m-track">
      <div className="m-report-hero m-track-hero">
        <div className="m-report-hero-title">{t('m.case.trackTitle')}</div>
        <div className="m-report-hero-sub">{reporterAccount ? t('m.case.mineNote') : t('m.case.trackSub')}</div>
      </div>
      {reporterAccount && !c && (
        <div className="m-card m-card-overlap" data-testid="m-track-mine">
          <div className="m-card-subtitle">{t('m.case.mine')}</div>
          {mine && mine.length === 0 && <div className="m-muted">{t('m.case.mineEmpty')}</div>}
          {(mine ?? []).map((m) => (
            <button
              key={m.id}
              type="button"
              className="m-recent-item"
              data-testid="m-track-mine-item"
              onClick={() => {
                setCode(m.code);
                void query(m.code, '', true);
              }}
            >
              <span className="m-recent-text">
                <span className="m-recent-title">{m.title}</span>
                <span className="m-mono m-muted">
                  {m.code} · {m.stateLabel} · {fmtTime(m.createdAt)}
                </span>
              </span>
              <RightOutlined className="m-muted" />
            </button>
          ))}
        </div>
      )}
      <div className={reporterAccount && !c ? 'm-card' : 'm-card m-card-overlap'}>
        <Input value={code} onChange={(v) => setCode(v.toUpperCase())} placeholder={t('m.case.codePlaceholder')} clearable className="m-input-line m-mono" data-testid="m-track-code" />
        <Input
          value={queryCode}
          onChange={(v) => setQueryCode(v.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 6))}
          placeholder={t('m.case.queryCodePlaceholder')}
          autoComplete="off"
          clearable
          className="m-input-line m-mono"
          data-testid="m-track-query-code"
        />
        {error && (
          <div className="m-field-error" data-testid="m-track-error">
            {error}
          </div>
        )}
        <Button block color="primary" size="large" loading={busy} onClick={() => query(code, queryCode)} className="m-btn-gap" data-testid="m-track-submit">
          <SearchOutlined /> {t('m.case.trackQuery')}
        </Button>
        {!c && recent.length > 0 && (
          <div className="m-recent">
            <div className="m-card-subtitle">{t('m.case.recent')}</div>
            {recent.map((r) => (
              <button
                key={r.code}
                type="button"
                className="m-recent-item"
                onClick={() => {
                  setCode(r.code);
                  setQueryCode(r.queryCode);
                  void query(r.code, r.queryCode);
                }}
              >
                <span className="m-recent-text">
                  <span className="m-recent-title">{r.title}</span>
                  <span className="m-mono m-muted">
                    {r.code} · {fmtTime(r.at)}
                  </span>
                </span>
                <RightOutlined className="m-muted" />
              </button>
            ))}
          </div>
        )}
      </div>
      {c && <TrackResult c={c} queryCode={queryCode || undefined} onChange={setC} />}
    </div>
  );
}

function TrackResult({ c, queryCode, onChange }: { c: CaseDetail; queryCode: string | undefined; onChange: (c: CaseDetail) => void }) {
  const t = useT();
  const labels = useCaseLabels();
  const [score, setScore] = useState<Rating | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState('');
  const canRate = c.allowedActions.includes('rate');
  const canWithdraw = c.allowedActions.includes('withdraw');

  const rate = async () => {
    if (!score) return void Toast.show({ content: t('m.case.err.score') });
    setBusy(true);
    try {
      const r = await post<CaseDetail>(`/api/track/${c.code}/rate`, { queryCode, score, comment: comment.trim() || undefined });
      onChange(r);
      Toast.show({ content: t('m.case.rated'), icon: 'success' });
    } catch (e) {
      Toast.show({ content: e instanceof Error ? e.message : String(e), icon: 'fail' });
    } finally {
      setBusy(false);
    }
  };

  const withdraw = async () => {
    if (!reason.trim()) return void Toast.show({ content: t('m.case.err.reason') });
    setBusy(true);
    try {
      const r = await post<CaseDetail>(`/api/track/${c.code}/withdraw`, { queryCode, reason: reason.trim() });
      onChange(r);
      setWithdrawing(false);
      Toast.show({ content: t('m.case.withdrawn'), icon: 'success' });
    } catch (e) {
      Toast.show({ content: e instanceof Error ? e.message : String(e), icon: 'fail' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="m-track-result" data-state={c.state}>
      <div className="m-card">
        <div className="m-case-head-line">
          <span className="m-mono m-muted" data-testid="m-track-result-code">
            {c.code}
          </span>
          <MStateTag state={c.state} testId="m-track-state" />
        </div>
        <div className="m-case-title">{c.title}</div>
        <div className="m-case-meta">
          <span>{c.categoryName}</span>
          <span>{[c.townName, c.villageName].filter(Boolean).join(' ')}</span>
          <span>{fmtTime(c.createdAt)}</span>
        </div>
        <div className="m-case-desc">{c.description}</div>
        <MPhotoGrid files={c.attachments.filter((a) => (a.mime ?? 'image/').startsWith('image/'))} />
      </div>

      {c.followed && (
        <div className="m-card" data-testid="m-track-followed" data-state={c.followed.state}>
          <div className="m-case-title">{t('case.followed.title', { code: c.followed.code })}</div>
          <div className="m-case-meta">
            <span>{t('case.followed.state', { state: c.followed.stateLabel })}</span>
          </div>
          {c.followed.timeline.slice(-5).map((e, i) => (
            <div key={i} className="m-case-meta">
              <span>{fmtTime(e.at)}</span>
              <span>{e.actionLabel}</span>
            </div>
          ))}
        </div>
      )}

      {c.answer && (
        <div className="m-card m-answer" data-testid="m-track-answer">
          <div className="m-card-title">
            <CommentOutlined /> {t('m.case.answer')}
          </div>
          <div className="m-answer-text">{c.answer}</div>
          {c.handlerUnit && <div className="m-muted">— {c.handlerUnit.name}</div>}
        </div>
      )}

      {c.rating && (
        <div className="m-card" data-testid="m-track-rating">
          <div className="m-card-title">{t('m.case.yourRating')}</div>
          <MRating rating={c.rating} />
          {c.ratingComment && <div className="m-rating-comment">“{c.ratingComment}”</div>}
        </div>
      )}

      {canRate && (
        <div className="m-card m-rate-card" data-testid="m-rate">
          <div className="m-card-title">{t('m.case.rateTitle')}</div>
          <div className="m-note">{t('m.case.rateNote')}</div>
          <div className="m-rate-buttons">
            {(
              [
                ['satisfied', <SmileOutlined key="s" />],
                ['basically-satisfied', <MehOutlined key="m" />],
                ['unsatisfied', <FrownOutlined key="f" />],
              ] as const
            ).map(([s, icon]) => (
              <button key={s} type="button" className={`m-rate-btn m-rate-${s}${score === s ? ' m-rate-on' : ''}`} onClick={() => setScore(s)} data-testid={`m-rate-${s}`} aria-pressed={score === s}>
                <span className="m-rate-icon">{icon}</span>
                {labels.rating(s)}
              </button>
            ))}
          </div>
          <TextArea value={comment} onChange={setComment} placeholder={t('m.case.rateComment')} rows={2} maxLength={500} className="m-textarea" data-testid="m-rate-comment" />
          <Button block color="primary" size="large" loading={busy} onClick={rate} className="m-btn-gap" data-testid="m-rate-submit">
            {t('m.case.rateSubmit')}
          </Button>
        </div>
      )}

      <div className="m-card">
        <div className="m-card-title">{t('m.case.progress')}</div>
        <MTimeline c={c} />
      </div>

      {canWithdraw && (
        <div className="m-submit-wrap">
          <Button block fill="outline" color="danger" onClick={() => setWithdrawing(true)} data-testid="m-track-withdraw">
            {t('m.case.withdraw')}
          </Button>
        </div>
      )}
      <Popup visible={withdrawing} onMaskClick={() => setWithdrawing(false)} bodyClassName="m-action-popup">
        <div className="m-popup-title">{t('m.case.withdraw')}</div>
        <div className="m-note">{t('m.case.withdrawNote')}</div>
        <TextArea value={reason} onChange={setReason} placeholder={t('m.case.withdrawReason')} rows={3} maxLength={500} className="m-textarea" data-testid="m-withdraw-reason" />
        <Button block color="danger" size="large" loading={busy} onClick={withdraw} className="m-btn-gap" data-testid="m-withdraw-submit">
          {t('m.case.withdrawConfirm')}
        </Button>
      </Popup>
    </div>
  );
}
