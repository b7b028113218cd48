// The phone's 问卷调查: the published questionnaires of the resident's area, answering one (once, with an
// Idempotency-Key so a repeated tap replays), a "thanks, your answer was recorded" state, and the
// results when the questionnaire makes them public after closing. Plain buttons with aria states give
// big touch targets that also work in 长辈版.
import { useMemo, useState } from 'react';
import { Button, NavBar, Tag, Toast } from 'antd-mobile';
import { phoneIcon } from '../../icon.tsx';
import CheckCircleFilledSvg from '@ant-design/icons-svg/es/asn/CheckCircleFilled';
import FormOutlinedSvg from '@ant-design/icons-svg/es/asn/FormOutlined';
import { useNavigate, useParams } from 'react-router-dom';
import { errorMessage } from '../../../api/client.ts';
import { newIdempotencyKey } from '../../../api/cases.ts';
import { answerSurvey, getSurvey, getSurveyResults, listAvailableSurveys, type AnswerInput, type SurveyDetail } from '../../../api/surveys.ts';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { fmtDate } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { MError, MLoading } from '../../components.tsx';
import { MEmpty, MListCard, MListPage, MListState } from '../../list.tsx';
import { MTiles } from '../wishes/common.tsx';
import '../wishes/wishes.css';
import './surveys.css';

const CheckCircleFilled = phoneIcon(CheckCircleFilledSvg);
const FormOutlined = phoneIcon(FormOutlinedSvg);

const pct = (pm: number | null) => (pm === null ? '—' : `${(pm / 10).toFixed(1)}%`);
const RATINGS = [5, 4, 3, 2, 1] as const;

/** The home page's tile for residents. */
export function MSurveyEntry() {
  const t = useT();
  const { can } = useAuth();
  const navigate = useNavigate();
  if (!can('surveys.answer')) return null;
  return <MTiles title={t('survey.m.entry')} testId="m-survey-entry" tiles={[{ key: 'list', icon: <FormOutlined />, title: t('survey.m.title'), desc: t('survey.state.open'), onClick: () => navigate('/m/surveys'), tone: 'm-wo-red' }]} />;
}

export function MSurveys() {
  const t = useT();
  const navigate = useNavigate();
  const list = useApi((signal) => listAvailableSurveys(signal), []);
  const items = list.data?.items ?? [];
  return (
    <MListPage testId="m-surveys" title={t('survey.m.title')}>
      <MListState res={list} count={items.length} empty={<MEmpty text={t('survey.m.empty')} testId="m-survey-empty" />}>
        <div className="m-wo-list">
          {items.map((s) => (
            <MListCard
              key={s.id}
              onClick={() => navigate(`/m/surveys/${s.id}`)}
              testId="m-survey-card"
              title={s.title}
              tag={
                <Tag color={s.answered ? 'success' : s.state === 'open' ? 'primary' : 'default'} fill="outline">
                  {s.answered ? t('survey.m.answered') : t(`survey.state.${s.state}`)}
                </Tag>
              }
              meta={
                <>
                  <span>{t(`survey.purpose.${s.purpose}`)}</span>
                  {s.closesAt && <span>{t('survey.m.closesAt', { t: fmtDate(s.closesAt) })}</span>}
                </>
              }
            />
          ))}
        </div>
      </MListState>
    </MListPage>
  );
}

function Question({ q, index, value, onChange }: { q: SurveyDetail['questions'][number]; index: number; value: AnswerInput | undefined; onChange: (a: AnswerInput) => void }) {
  const t = useT();
  const picks = value?.choices ?? [];
  const hint = q.kind === 'multiple' ? (q.maxPicks ? t('survey.m.pickUpTo', { n: q.maxPicks }) : t('survey.m.multi')) : q.required ? t('survey.m.required') : '';
  return (
    <div className="m-wo-card m-sv-q" data-testid="m-survey-question" role="group" aria-labelledby={`q-${q.id}`}>
      <div className="m-sv-q-title" id={`q-${q.id}`}>
        {index + 1}. {q.title}
        {hint && <span className="m-sv-q-hint">（{hint}）</span>}
      </div>
      {q.kind === 'text' ? (
        <textarea className="m-sv-text" aria-labelledby={`q-${q.id}`} maxLength={500} placeholder={t('survey.m.textPlaceholder')} value={value?.text ?? ''} onChange={(e) => onChange({ questionId: q.id, text: e.target.value })} data-testid="m-survey-text" />
      ) : q.kind === 'rating' ? (
        <div className="m-sv-opts" role="radiogroup" aria-labelledby={`q-${q.id}`}>
          {RATINGS.map((r) => (
            <button key={r} type="button" role="radio" aria-checked={value?.rating === r} className="m-sv-opt" onClick={() => onChange({ questionId: q.id, rating: r })} data-testid={`m-survey-rating-${r}`}>
              <span className="m-sv-mark">{value?.rating === r ? '✓' : ''}</span>
              {t(`survey.rating.${r}`)}
            </button>
          ))}
        </div>
      ) : (
        <div className="m-sv-opts" role={q.kind === 'single' ? 'radiogroup' : 'group'} aria-labelledby={`q-${q.id}`}>
          {q.choices.map((c, i) => {
            const on = picks.includes(i);
            const toggle = () => {
              if (q.kind === 'single') return onChange({ questionId: q.id, choices: [i] });
              const next = on ? picks.filter((x) => x !== i) : [...picks, i];
              if (!on && q.maxPicks && next.length > q.maxPicks) {
                Toast.show({ content: t('survey.m.pickUpTo', { n: q.maxPicks }) });
                return;
              }
              onChange({ questionId: q.id, choices: next });
            };
            return q.kind === 'single' ? (
              <button key={i} type="button" role="radio" aria-checked={on} className="m-sv-opt" onClick={toggle} data-testid="m-survey-choice">
                <span className="m-sv-mark">{on ? '✓' : ''}</span>
                {c}
              </button>
            ) : (
              <button key={i} type="button" aria-pressed={on} className="m-sv-opt" onClick={toggle} data-testid="m-survey-choice">
                <span className="m-sv-mark m-sv-mark-square">{on ? '✓' : ''}</span>
                {c}
              </button>
            );
          })}
        </div>
      )}
    </div>
  );
}

function Results({ id }: { id: string }) {
  const t = useT();
  const res = useApi((signal) => getSurveyResults(id, signal), [id]);
  if (res.error) return <MError error={res.error} />;
  const r = res.data;
  if (!r) return <MLoading />;
  return (
    <div data-testid="m-survey-results">
      <div className="m-wo-card">
        <div className="m-wo-card-title">{t('survey.m.results')}</div>
        <div className="m-wo-card-meta">
          <span>
            {t('survey.res.respondents')}：{r.respondents}
          </span>
          {r.satisfactionPermille !== null && (
            <span>
              {t('survey.res.rate')}：{pct(r.satisfactionPermille)}
            </span>
          )}
        </div>
      </div>
      {r.questions.map((q, i) => (
        <div className="m-wo-card" key={q.questionId}>
          <div className="m-sv-q-title">
            {i + 1}. {q.title}
          </div>
          {q.kind === 'rating' &&
            q.levels.map((l) => (
              <div key={l.rating}>
                <div className="m-sv-row">
                  <span>{l.label}</span>
                  <span>{pct(l.permille)}</span>
                </div>
                <div className="m-sv-bar" aria-hidden>
                  <span style={{ width: `${l.permille / 10}%` }} />
                </div>
              </div>
            ))}
          {(q.kind === 'single' || q.kind === 'multiple') &&
            q.options.map((o) => (
              <div key={o.index}>
                <div className="m-sv-row">
                  <span>{o.label}</span>
                  <span>{pct(o.permille)}</span>
                </div>
                <div className="m-sv-bar" aria-hidden>
                  <span style={{ width: `${o.permille / 10}%` }} />
                </div>
              </div>
            ))}
          {q.kind === 'text' && <div className="m-wo-card-meta">{t('survey.res.answered', { n: q.answered })}</div>}
        </div>
      ))}
    </div>
  );
}

export function MSurvey() {
  const t = useT();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const res = useApi((signal) => getSurvey(id, signal), [id]);
  const [answers, setAnswers] = useState<Record<string, AnswerInput>>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  // One key per answering: a second tap (or a retry after a lost answer) replays the first submission.
  const key = useMemo(() => newIdempotencyKey(), []);
  const s = res.data;
  const submit = async () => {
    if (!s) return;
    const missing = s.questions.findIndex((q) => {
      const a = answers[q.id];
      const empty = !a || (q.kind === 'text' ? !a.text?.trim() : q.kind === 'rating' ? !a.rating : !a.choices?.length);
      return q.required && empty;
    });
    if (missing >= 0) {
      Toast.show({ content: t('survey.m.missing', { n: missing + 1 }) });
      return;
    }
    const body = s.questions
      .map((q) => answers[q.id])
      .filter((a): a is AnswerInput => !!a && (a.text === undefined || a.text.trim() !== '') && (a.choices === undefined || a.choices.length > 0));
    setBusy(true);
    try {
      await answerSurvey(id, body, key);
      setDone(true);
      window.scrollTo?.(0, 0);
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };
  const answered = done || (s?.answered ?? false);
  return (
    <div className="m-page" data-testid="m-survey">
      <NavBar onBack={() => navigate('/m/surveys')} className="m-navbar">
        {t('survey.m.title')}
      </NavBar>
      {res.error ? (
        <MError error={res.error} />
      ) : !s ? (
        <MLoading />
      ) : (
        <div className="m-wo-list">
          <div className="m-wo-card">
            <div className="m-wo-card-head">
              <span className="m-wo-card-title">{s.title}</span>
              <Tag color="primary" fill="outline">
                {t(`survey.purpose.${s.purpose}`)}
              </Tag>
            </div>
            {s.intro && <div style={{ marginTop: 6, color: '#444', whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{s.intro}</div>}
            <div className="m-wo-card-meta">
              <span>{s.area.name}</span>
              {s.closesAt && <span>{t('survey.m.closesAt', { t: fmtDate(s.closesAt) })}</span>}
            </div>
          </div>
          {answered ? (
            <div className="m-wo-card m-sv-thanks" data-testid="m-survey-thanks" role="status">
              <CheckCircleFilled className="m-sv-thanks-icon" />
              <div className="m-wo-card-title" style={{ marginTop: 8 }}>
                {t('survey.m.thanks')}
              </div>
              <div className="m-wo-card-meta" style={{ justifyContent: 'center' }}>
                {t('survey.m.thanksNote')}
              </div>
            </div>
          ) : s.allowedActions.includes('answer') ? (
            <>
              {s.questions.map((q, i) => (
                <Question key={q.id} q={q} index={i} value={answers[q.id]} onChange={(a) => setAnswers((cur) => ({ ...cur, [q.id]: a }))} />
              ))}
              <Button block color="primary" size="large" loading={busy} onClick={submit} data-testid="m-survey-submit">
                {t('survey.m.submit')}
              </Button>
            </>
          ) : (
            !s.allowedActions.includes('results') && <div className="m-wo-empty">{t('survey.m.notAnswerable')}</div>
          )}
          {s.allowedActions.includes('results') && <Results id={id} />}
        </div>
      )}
    </div>
  );
}
