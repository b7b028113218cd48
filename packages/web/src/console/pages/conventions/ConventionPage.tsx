// One village's 村规民约 or community's 居民公约: the articles in force with the date and the vote that
// adopted them, the version history with an article-by-article comparison, the area's own points rules,
// and — for the village's own staff — the draft editor and the adoption dialog.
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Descriptions, Empty, Input, Modal, Radio, Select, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowLeftOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { CONVENTION_ADOPTING_BODIES, type ConventionKind } from '@gongzhi/domain/conventions';
import { errorMessage } from '../../../api/client.ts';
import { adoptDraft, conventionDiff, getConvention, openDraft, saveDraft, type ConventionArticle, type ConventionDetail, type ConventionVersion } from '../../../api/conventions.ts';
import { listDeliberations } from '../../../api/deliberations.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { fmtDate } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { LoadError } from '../../components/ErrorResult.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';

const STATE_COLOURS: Record<string, string> = { draft: 'processing', adopted: 'success', superseded: 'default' };

export function Articles({ articles, testId }: { articles: ConventionArticle[]; testId?: string }) {
  const { t } = useI18n();
  return (
    <ol className="gz-conv-articles" style={{ listStyle: 'none', paddingLeft: 0, margin: 0 }} data-testid={testId}>
      {articles.map((a, i) => {
        const head = a.chapter && a.chapter !== (articles[i - 1]?.chapter ?? null) ? a.chapter : null;
        return (
          <li key={a.id} style={{ marginBottom: 8 }}>
            {head && (
              <Typography.Title level={5} style={{ marginTop: i ? 16 : 0 }}>
                {head}
              </Typography.Title>
            )}
            <Typography.Text strong>{t('conv.article', { n: i + 1 })}</Typography.Text> <Typography.Text>{a.text}</Typography.Text>
          </li>
        );
      })}
    </ol>
  );
}

function Basis({ v }: { v: ConventionVersion }) {
  const { t } = useI18n();
  if (v.deliberation)
    return (
      <Link to={`/deliberations/${v.deliberation.id}`} data-testid="conv-basis-delib">
        {v.deliberation.bodyLabel}：{v.deliberation.title}
      </Link>
    );
  if (v.paperNote) return <span>{`${t('conv.basis.paper')}：${v.paperNote}`}</span>;
  return <span>—</span>;
}

function DiffModal({ conventionId, from, to, onClose }: { conventionId: string; from: ConventionVersion; to: ConventionVersion; onClose: () => void }) {
  const { t } = useI18n();
  const diff = useApi((signal) => conventionDiff(conventionId, from.id, to.id, signal), [conventionId, from.id, to.id]);
  const [onlyChanges, setOnlyChanges] = useState(true);
  const colours = { added: 'success', removed: 'error', changed: 'warning', same: 'default' } as const;
  const rows = (diff.data?.articles ?? []).filter((a) => !onlyChanges || a.change !== 'same');
  return (
    <Modal open title={t('conv.diff.title', { from: from.versionNo, to: to.versionNo })} onCancel={onClose} footer={null} width={860}>
      {diff.error ? (
        <LoadError error={diff.error} />
      ) : (
        <>
          <Space style={{ marginBottom: 12 }} wrap>
            {diff.data && <span data-testid="conv-diff-summary">{t('conv.diff.summary', diff.data.summary)}</span>}
            <Switch checked={onlyChanges} onChange={setOnlyChanges} aria-label={t('conv.diff.onlyChanges')} /> <span>{t('conv.diff.onlyChanges')}</span>
          </Space>
          <Table
            rowKey={(r) => `${r.change}-${r.id}`}
            size="small"
            loading={diff.loading}
            pagination={false}
            dataSource={rows}
            data-testid="conv-diff"
            columns={[
              { title: '', dataIndex: 'change', width: 70, render: (c: keyof typeof colours) => <Tag color={colours[c]}>{t(`conv.diff.${c}`)}</Tag> },
              { title: t('conv.versionNo', { n: from.versionNo }), key: 'from', render: (_, r) => (r.fromNo ? <span>{`${t('conv.article', { n: r.fromNo })} ${r.fromText ?? ''}`}</span> : '—') },
              { title: t('conv.versionNo', { n: to.versionNo }), key: 'to', render: (_, r) => (r.toNo ? <span>{`${t('conv.article', { n: r.toNo })} ${r.toText ?? ''}`}</span> : '—') },
            ]}
          />
        </>
      )}
    </Modal>
  );
}

interface EditArticle {
  key: string;
  id?: string;
  chapter: string;
  text: string;
}

function DraftEditor({ c, draft, onSaved }: { c: ConventionDetail; draft: ConventionVersion; onSaved: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [title, setTitle] = useState(draft.title);
  const [rows, setRows] = useState<EditArticle[]>(() => draft.articles.map((a) => ({ key: a.id, id: a.id, chapter: a.chapter ?? '', text: a.text })));
  const [rules, setRules] = useState<string[]>(draft.pointsRuleIds);
  const [busy, setBusy] = useState(false);
  const set = (i: number, patch: Partial<EditArticle>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const move = (i: number, d: -1 | 1) =>
    setRows((rs) => {
      const next = [...rs];
      const [x] = next.splice(i, 1);
      next.splice(i + d, 0, x!);
      return next;
    });
  const save = async () => {
    setBusy(true);
    try {
      await saveDraft(c.id, draft.id, { title, articles: rows.map((r) => ({ ...(r.id ? { id: r.id } : {}), chapter: r.chapter.trim() || null, text: r.text })), pointsRuleIds: rules });
      message.success(t('conv.draft.saved'));
      onSaved();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid="conv-draft-editor">
      <Space direction="vertical" style={{ width: '100%' }}>
        <label>
          {t('conv.draft.title')}
          <Input value={title} maxLength={80} onChange={(e) => setTitle(e.target.value)} data-testid="conv-draft-title" />
        </label>
        {rows.length === 0 && <Empty description={t('conv.draft.empty')} />}
        {rows.map((r, i) => (
          <Card key={r.key} size="small" title={t('conv.article', { n: i + 1 })} data-testid="conv-draft-article"
            extra={
              <Space>
                <Button size="small" icon={<ArrowUpOutlined />} aria-label={t('conv.draft.up')} disabled={i === 0} onClick={() => move(i, -1)} />
                <Button size="small" icon={<ArrowDownOutlined />} aria-label={t('conv.draft.down')} disabled={i === rows.length - 1} onClick={() => move(i, 1)} />
                <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('conv.draft.remove')} onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))} data-testid="conv-draft-remove" />
              </Space>
            }
          >
            <Input placeholder={t('conv.draft.chapter')} aria-label={t('conv.draft.chapter')} value={r.chapter} maxLength={40} onChange={(e) => set(i, { chapter: e.target.value })} style={{ marginBottom: 8 }} />
            <Input.TextArea aria-label={t('conv.draft.text')} value={r.text} maxLength={2000} autoSize={{ minRows: 2, maxRows: 8 }} onChange={(e) => set(i, { text: e.target.value })} data-testid="conv-draft-text" />
          </Card>
        ))}
        <Button icon={<PlusOutlined />} onClick={() => setRows((rs) => [...rs, { key: `new-${Date.now()}-${rs.length}`, chapter: rs.at(-1)?.chapter ?? '', text: '' }])} data-testid="conv-draft-add">
          {t('conv.draft.add')}
        </Button>
        {c.pointsRules.length > 0 && (
          <div>
            <Typography.Text strong>{t('conv.draft.rules')}</Typography.Text>
            <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', marginTop: 4 }} value={rules} onChange={(v) => setRules(v as string[])} options={c.pointsRules.map((r) => ({ value: r.id, label: `${r.name}（${r.points} 分）` }))} />
          </div>
        )}
        <Button type="primary" loading={busy} onClick={save} data-testid="conv-draft-save">
          {t('conv.draft.save')}
        </Button>
      </Space>
    </div>
  );
}

function AdoptModal({ c, draft, onClose, onDone }: { c: ConventionDetail; draft: ConventionVersion; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [how, setHow] = useState<'delib' | 'paper'>('delib');
  const [deliberationId, setDeliberationId] = useState<string | undefined>(draft.deliberation?.id);
  const [paperOn, setPaperOn] = useState('');
  const [paperNote, setPaperNote] = useState('');
  const [busy, setBusy] = useState(false);
  const bodies = CONVENTION_ADOPTING_BODIES[c.kind as ConventionKind] as readonly string[];
  const delibs = useApi((signal) => listDeliberations({ area: c.areaCode, state: 'decided', pageSize: 100 }, signal), [c.areaCode]);
  const options = (delibs.data?.items ?? []).filter((d) => d.areaCode === c.areaCode && d.result?.passed && bodies.includes(d.body)).map((d) => ({ value: d.id, label: `${d.title}（${fmtDate(d.closedAt ?? d.createdAt)}）` }));
  const submit = async () => {
    setBusy(true);
    try {
      await adoptDraft(c.id, draft.id, how === 'delib' ? { deliberationId } : { paperAdoptedOn: paperOn, paperNote });
      message.success(t('conv.adopt.done'));
      onDone();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('conv.adopt.title', { n: draft.versionNo })} onCancel={onClose} onOk={submit} okText={t('conv.adopt')} confirmLoading={busy} okButtonProps={{ 'data-testid': 'conv-adopt-ok' } as Record<string, string>}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Radio.Group value={how} onChange={(e) => setHow(e.target.value as 'delib' | 'paper')} aria-label={t('conv.adopt.how')}>
          <Radio value="delib">{t('conv.adopt.byDelib')}</Radio>
          <Radio value="paper" data-testid="conv-adopt-paper">{t('conv.adopt.byPaper')}</Radio>
        </Radio.Group>
        {how === 'delib' ? (
          <>
            <Select style={{ width: '100%' }} value={deliberationId} onChange={setDeliberationId} options={options} loading={delibs.loading} placeholder={t('conv.adopt.delib')} aria-label={t('conv.adopt.delib')} data-testid="conv-adopt-delib" />
            <Typography.Text type="secondary">{t('conv.adopt.delibHint')}</Typography.Text>
          </>
        ) : (
          <>
            <label>
              {t('conv.adopt.paperOn')}
              <Input type="date" value={paperOn} onChange={(e) => setPaperOn(e.target.value)} data-testid="conv-adopt-paper-on" />
            </label>
            <label>
              {t('conv.adopt.paperNote')}
              <Input.TextArea value={paperNote} maxLength={500} onChange={(e) => setPaperNote(e.target.value)} data-testid="conv-adopt-paper-note" />
            </label>
          </>
        )}
      </Space>
    </Modal>
  );
}

export default function ConventionPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const res = useApi((signal) => getConvention(id, signal), [id]);
  const [chosenTab, setTab] = useState<string | null>(null);
  const [diffOf, setDiffOf] = useState<{ from: ConventionVersion; to: ConventionVersion } | null>(null);
  const [adopting, setAdopting] = useState(false);
  const [busy, setBusy] = useState(false);
  const c = res.data;
  const adopted = c?.versions.find((v) => v.state === 'adopted');
  const draft = c?.versions.find((v) => v.state === 'draft');
  // A convention with only a draft opens on the draft.
  const tab = chosenTab ?? (c && !adopted && draft && c.allowedActions.includes('edit') ? 'draft' : 'current');
  const ordered = useMemo(() => [...(c?.versions ?? [])].sort((a, b) => a.versionNo - b.versionNo), [c]);
  if (res.error) return <LoadError error={res.error} onRetry={res.reload} />;
  if (!c) return <Card loading className="gz-card" />;
  const newDraft = async () => {
    setBusy(true);
    try {
      await openDraft(c.id);
      setTab('draft');
      res.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const versionColumns: ColumnsType<ConventionVersion> = [
    { title: t('conv.col.adopted'), key: 'no', width: 90, render: (_, v) => t('conv.versionNo', { n: v.versionNo }) },
    { title: t('conv.draft.title'), dataIndex: 'title', ellipsis: true },
    { title: '', dataIndex: 'state', width: 90, render: (s: string) => <Tag color={STATE_COLOURS[s]}>{t(`conv.state.${s}` as 'conv.state.draft')}</Tag> },
    { title: t('conv.col.adoptedOn'), dataIndex: 'adoptedOn', width: 130, render: (d: string | null) => (d ? fmtDate(d) : '—') },
    { title: t('conv.basis'), key: 'basis', ellipsis: true, render: (_, v) => <Basis v={v} /> },
    { title: t('conv.col.articles'), key: 'n', width: 80, render: (_, v) => t('conv.articleCount', { n: v.articles.length }) },
    {
      title: '',
      key: 'diff',
      width: 130,
      render: (_, v) => {
        const prev = [...ordered].reverse().find((x) => x.versionNo < v.versionNo);
        return prev ? (
          <Button size="small" onClick={() => setDiffOf({ from: prev, to: v })} data-testid="conv-diff-open">
            {t('conv.diff')}
          </Button>
        ) : null;
      },
    },
  ];
  const tabs = [
    {
      key: 'current',
      label: t('conv.tab.current'),
      children: adopted ? (
        <>
          <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('conv.col.adopted')}>{t('conv.versionNo', { n: adopted.versionNo })}</Descriptions.Item>
            <Descriptions.Item label={t('conv.adoptedOn')}>{adopted.adoptedOn ? fmtDate(adopted.adoptedOn) : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('conv.basis')}>
              <Basis v={adopted} />
            </Descriptions.Item>
          </Descriptions>
          <Articles articles={adopted.articles} testId="conv-articles" />
        </>
      ) : (
        <Empty description={t('conv.noAdopted')} />
      ),
    },
    { key: 'history', label: t('conv.tab.history'), children: <Table rowKey="id" size="small" pagination={false} columns={versionColumns} dataSource={c.versions} scroll={{ x: 800 }} data-testid="conv-versions" /> },
    {
      key: 'rules',
      label: t('conv.tab.rules'),
      children: (
        <>
          <Alert type="info" showIcon message={t('conv.rules.desc')} style={{ marginBottom: 12 }} action={<Link to="/points/rules">{t('conv.rules.open')}</Link>} />
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={c.pointsRules}
            locale={{ emptyText: t('conv.rules.empty') }}
            data-testid="conv-rules"
            columns={[
              { title: t('conv.rules.name'), dataIndex: 'name', ellipsis: true, render: (n: string) => <Link to="/points/rules">{n}</Link> },
              { title: t('conv.rules.points'), key: 'points', width: 90, render: (_, r) => (r.maxPoints > r.points ? `${r.points}–${r.maxPoints}` : String(r.points)) },
              { title: t('conv.rules.override'), dataIndex: 'overridesDistrict', width: 110, render: (b: boolean) => (b ? t('conv.yes') : t('conv.no')) },
              { title: t('conv.rules.linked'), key: 'linked', width: 120, render: (_, r) => (adopted?.pointsRuleIds.includes(r.id) ? <Tag color="success">{t('conv.yes')}</Tag> : t('conv.no')) },
            ]}
          />
        </>
      ),
    },
    ...(draft && c.allowedActions.includes('edit') ? [{ key: 'draft', label: `${t('conv.tab.draft')}（${t('conv.versionNo', { n: draft.versionNo })}）`, children: <DraftEditor key={draft.updatedAt} c={c} draft={draft} onSaved={res.reload} /> }] : []),
  ];
  return (
    <div className="gz-page" data-testid="convention-page">
      <PageHeader
        title={
          <Space wrap>
            <Button type="text" aria-label={t('conv.back')} icon={<ArrowLeftOutlined />} onClick={() => navigate('/conventions')} />
            <span data-testid="conv-title">{`${c.areaName ?? c.areaCode}${c.kindLabel}`}</span>
          </Space>
        }
        extra={
          <Space>
            {c.allowedActions.includes('draft') && (
              <Button loading={busy} onClick={newDraft} data-testid="conv-new-draft">
                {t('conv.openDraft')}
              </Button>
            )}
            {draft && c.allowedActions.includes('adopt') && (
              <Button type="primary" onClick={() => setAdopting(true)} data-testid="conv-adopt">
                {t('conv.adopt')}
              </Button>
            )}
          </Space>
        }
      />
      <Card className="gz-card" size="small">
        <Tabs activeKey={tab} onChange={setTab} items={tabs} />
      </Card>
      {diffOf && <DiffModal conventionId={c.id} from={diffOf.from} to={diffOf.to} onClose={() => setDiffOf(null)} />}
      {adopting && draft && (
        <AdoptModal
          c={c}
          draft={draft}
          onClose={() => setAdopting(false)}
          onDone={() => {
            setAdopting(false);
            setTab('current');
            res.reload();
          }}
        />
      )}
    </div>
  );
}
