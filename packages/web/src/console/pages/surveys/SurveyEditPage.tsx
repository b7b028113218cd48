// The editor of a questionnaire draft: its header (title, purpose, area, closing day, anonymity, public
// results) and its questions (add, reorder, remove; options of choice questions). Saving sends the whole
// draft; the server checks it again (choice counts, max picks) and answers with the field at fault.
import { useState } from 'react';
import { App, Button, Card, DatePicker, Empty, Form, Input, InputNumber, Radio, Select, Space, Spin, Switch, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate, useParams } from 'react-router-dom';
import { createSurvey, getSurvey, surveyAction, updateSurvey, type QuestionKind, type SurveyDetail, type SurveyInput } from '../../../api/surveys.ts';
import { errorMessage } from '../../../api/client.ts';
import { useMe } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { useApi } from '../../../lib/useApi.ts';
import { AreaTreeSelect } from '../../components/AreaTreeSelect.tsx';
import { LoadError } from '../../components/ErrorResult.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';

interface QDraft {
  key: number;
  kind: QuestionKind;
  title: string;
  required: boolean;
  choices: string[];
  maxPicks: number | null;
}

let nextKey = 1;
const blank = (kind: QuestionKind = 'single'): QDraft => ({ key: nextKey++, kind, title: '', required: true, choices: kind === 'single' || kind === 'multiple' ? ['', ''] : [], maxPicks: null });
const isChoice = (k: QuestionKind) => k === 'single' || k === 'multiple';

export default function SurveyEditPage() {
  const { id } = useParams();
  const existing = useApi(id ? (signal) => getSurvey(id, signal) : null, [id]);
  if (id && existing.error) return <LoadError error={existing.error} onRetry={existing.reload} />;
  if (id && !existing.data) return <div className="gz-page-loading"><Spin /></div>;
  return <Editor key={id ?? 'new'} id={id} initial={existing.data ?? null} />;
}

function Editor({ id, initial }: { id: string | undefined; initial: SurveyDetail | null }) {
  const t = useT();
  const me = useMe();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const [title, setTitle] = useState(initial?.title ?? '');
  const [purpose, setPurpose] = useState<'opinion' | 'satisfaction'>(initial?.purpose ?? 'opinion');
  const [intro, setIntro] = useState(initial?.intro ?? '');
  const [areaCode, setAreaCode] = useState<string | undefined>(initial?.area.code ?? (me.scope.code.length >= 9 ? me.scope.code : undefined));
  const [closesOn, setClosesOn] = useState<Dayjs | null>(initial?.closesAt ? dayjs(initial.closesAt) : null);
  const [anonymous, setAnonymous] = useState(initial?.anonymous ?? true);
  const [publicResults, setPublicResults] = useState(initial?.publicResults ?? false);
  const [questions, setQuestions] = useState<QDraft[]>(() =>
    initial ? initial.questions.map((q) => ({ key: nextKey++, kind: q.kind, title: q.title, required: q.required, choices: q.choices, maxPicks: q.maxPicks })) : [blank('rating')],
  );
  const [busy, setBusy] = useState(false);

  const patch = (i: number, p: Partial<QDraft>) => setQuestions((qs) => qs.map((q, j) => (j === i ? { ...q, ...p } : q)));
  const move = (i: number, d: -1 | 1) =>
    setQuestions((qs) => {
      const out = [...qs];
      const [q] = out.splice(i, 1);
      out.splice(i + d, 0, q!);
      return out;
    });

  const body = (): SurveyInput | null => {
    if (!title.trim()) {
      message.error(t('survey.f.required', { f: t('survey.f.title') }));
      return null;
    }
    if (!areaCode) {
      message.error(t('survey.f.required', { f: t('survey.f.area') }));
      return null;
    }
    return {
      title: title.trim(),
      purpose,
      intro: intro.trim(),
      areaCode,
      closesAt: closesOn ? closesOn.endOf('day').format('YYYY-MM-DDTHH:mm:ssZ') : null,
      anonymous,
      publicResults,
      questions: questions.map((q) => ({
        kind: q.kind,
        title: q.title.trim(),
        required: q.required,
        choices: isChoice(q.kind) ? q.choices.map((c) => c.trim()) : [],
        maxPicks: q.kind === 'multiple' ? q.maxPicks : null,
      })),
    };
  };

  const save = async (): Promise<string | null> => {
    const b = body();
    if (!b) return null;
    setBusy(true);
    try {
      const saved = id ? await updateSurvey(id, b) : await createSurvey(b);
      message.success(t('survey.saved'));
      if (!id) navigate(`/surveys/${saved.id}/edit`, { replace: true });
      return saved.id;
    } catch (e) {
      message.error(errorMessage(e));
      return null;
    } finally {
      setBusy(false);
    }
  };

  const publish = () =>
    modal.confirm({
      title: t('survey.publishConfirm'),
      okText: t('survey.publish'),
      onOk: async () => {
        const sid = await save();
        if (!sid) return;
        try {
          await surveyAction(sid, 'publish');
          message.success(t('survey.published'));
          navigate(`/surveys/${sid}`);
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });

  return (
    <div className="gz-page" data-testid="survey-edit-page">
      <PageHeader
        title={id ? t('survey.edit') : t('survey.new')}
        testId="survey-edit-title"
        extra={
          <Space>
            <Button onClick={() => navigate('/surveys')}>{t('survey.back')}</Button>
            <Button onClick={() => void save()} loading={busy} data-testid="survey-save">
              {t('survey.save')}
            </Button>
            <Button type="primary" onClick={publish} loading={busy} data-testid="survey-publish">
              {t('survey.publish')}
            </Button>
          </Space>
        }
      />
      <Card className="gz-card" size="small">
        <Form layout="vertical" style={{ maxWidth: 760 }}>
          <Form.Item label={t('survey.f.title')} required htmlFor="survey-title">
            <Input id="survey-title" value={title} maxLength={80} onChange={(e) => setTitle(e.target.value)} data-testid="survey-f-title" />
          </Form.Item>
          <Form.Item label={t('survey.f.purpose')}>
            <Radio.Group value={purpose} onChange={(e) => setPurpose(e.target.value as 'opinion')} aria-label={t('survey.f.purpose')}>
              <Radio.Button value="opinion">{t('survey.purpose.opinion')}</Radio.Button>
              <Radio.Button value="satisfaction">{t('survey.purpose.satisfaction')}</Radio.Button>
            </Radio.Group>
          </Form.Item>
          <Form.Item label={t('survey.f.intro')} htmlFor="survey-intro">
            <Input.TextArea id="survey-intro" value={intro} maxLength={2000} rows={3} onChange={(e) => setIntro(e.target.value)} />
          </Form.Item>
          <Space wrap size="large">
            <Form.Item label={t('survey.f.area')} required htmlFor="survey-area">
              <AreaTreeSelect id="survey-area" value={areaCode} onChange={setAreaCode} selectableLevels={['district', 'town', 'village', 'grid']} allowClear={false} style={{ width: 260 }} testId="survey-f-area" />
            </Form.Item>
            <Form.Item label={t('survey.f.window')} htmlFor="survey-closes">
              <DatePicker id="survey-closes" value={closesOn} onChange={(d) => setClosesOn(d)} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
            </Form.Item>
            <Form.Item label={t('survey.f.anonymous')}>
              <Switch checked={anonymous} onChange={setAnonymous} aria-label={t('survey.f.anonymous')} />
            </Form.Item>
            <Form.Item label={t('survey.f.public')}>
              <Switch checked={publicResults} onChange={setPublicResults} aria-label={t('survey.f.public')} />
            </Form.Item>
          </Space>
        </Form>
      </Card>
      <Typography.Title level={5} style={{ margin: '16px 0 8px' }}>
        {t('survey.f.questions')}
      </Typography.Title>
      {questions.length === 0 && <Empty description={t('survey.q.none')} />}
      {questions.map((q, i) => (
        <Card key={q.key} className="gz-card" size="small" style={{ marginBottom: 12 }} data-testid="survey-question" title={t('survey.q.n', { n: i + 1 })}
          extra={
            <Space>
              <Button size="small" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('survey.q.up')} />
              <Button size="small" icon={<ArrowDownOutlined />} disabled={i === questions.length - 1} onClick={() => move(i, 1)} aria-label={t('survey.q.down')} />
              <Button size="small" danger icon={<DeleteOutlined />} onClick={() => setQuestions((qs) => qs.filter((_, j) => j !== i))} aria-label={t('survey.q.remove')} />
            </Space>
          }
        >
          <Space wrap align="start" style={{ width: '100%' }}>
            <Select
              aria-label={t('survey.q.kind')}
              value={q.kind}
              style={{ width: 140 }}
              onChange={(kind: QuestionKind) => patch(i, { kind, choices: isChoice(kind) ? (q.choices.length >= 2 ? q.choices : ['', '']) : [], maxPicks: null })}
              options={(['single', 'multiple', 'rating', 'text'] as const).map((k) => ({ value: k, label: t(`survey.kind.${k}`) }))}
              data-testid="survey-q-kind"
            />
            <Input aria-label={t('survey.q.title')} placeholder={t('survey.q.title')} value={q.title} maxLength={200} style={{ width: 420 }} onChange={(e) => patch(i, { title: e.target.value })} data-testid="survey-q-title" />
            <Space>
              <Switch size="small" checked={q.required} onChange={(required) => patch(i, { required })} aria-label={t('survey.q.required')} />
              <span>{t('survey.q.required')}</span>
            </Space>
          </Space>
          {isChoice(q.kind) && (
            <div style={{ marginTop: 8 }}>
              {q.choices.map((c, ci) => (
                <Space key={ci} style={{ display: 'flex', marginBottom: 6 }}>
                  <Input
                    aria-label={t('survey.q.choice', { n: ci + 1 })}
                    placeholder={t('survey.q.choice', { n: ci + 1 })}
                    value={c}
                    maxLength={60}
                    style={{ width: 320 }}
                    onChange={(e) => patch(i, { choices: q.choices.map((x, k) => (k === ci ? e.target.value : x)) })}
                    data-testid="survey-q-choice"
                  />
                  <Button size="small" icon={<DeleteOutlined />} disabled={q.choices.length <= 2} onClick={() => patch(i, { choices: q.choices.filter((_, k) => k !== ci) })} aria-label={t('survey.q.removeChoice')} />
                </Space>
              ))}
              <Space>
                <Button size="small" icon={<PlusOutlined />} onClick={() => patch(i, { choices: [...q.choices, ''] })} disabled={q.choices.length >= 20} data-testid="survey-q-add-choice">
                  {t('survey.q.addChoice')}
                </Button>
                {q.kind === 'multiple' && (
                  <>
                    <span>{t('survey.q.maxPicks')}</span>
                    <InputNumber size="small" min={1} max={q.choices.length} value={q.maxPicks} placeholder={t('survey.q.maxPicksAny')} onChange={(v) => patch(i, { maxPicks: v ?? null })} aria-label={t('survey.q.maxPicks')} />
                  </>
                )}
              </Space>
            </div>
          )}
        </Card>
      ))}
      <Button icon={<PlusOutlined />} onClick={() => setQuestions((qs) => [...qs, blank()])} data-testid="survey-q-add">
        {t('survey.q.add')}
      </Button>
    </div>
  );
}
