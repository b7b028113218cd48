import { useState } from 'react';
import { App, Button, Card, Col, Empty, Form, Input, Modal, Radio, Row, Space, Tag } from 'antd';
import { AuditOutlined } from '@ant-design/icons';
import { getAssessments, saveAssessment, type Assessment, type AssessmentGrade, type CaseDetail } from '../../../api/cases.ts';
import { useT } from '../../../i18n/index.tsx';
import { fmtTime } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { applyServerErrors } from '../../components/formErrors.ts';
import { RatingBadge } from './CaseTags.tsx';

const GRADES: AssessmentGrade[] = ['excellent', 'good', 'fair', 'poor'];
const GRADE_COLOUR: Record<AssessmentGrade, string> = { excellent: 'green', good: 'blue', fair: 'gold', poor: 'red' };
const ASPECTS = ['timeliness', 'quality', 'attitude'] as const;

/**
 * 双重评价 side by side: the reporter's satisfaction (their own, or recorded on a return visit) and the
 * centre's assessment of each unit the case was dispatched to (assessed by the owning centre once closed).
 */
export function CaseEvaluation({ c, onSaved }: { c: CaseDetail; onSaved: () => void }) {
  const t = useT();
  const res = useApi((signal) => getAssessments(c.id, signal), [c.id, c.timeline.length]);
  const [editing, setEditing] = useState<{ id: string; name: string; current?: Assessment; suggested: AssessmentGrade | null } | null>(null);
  const data = res.data;
  const units = data?.units ?? [];
  const assessed = new Map((data?.items ?? []).map((a) => [a.unit.id, a]));
  const pending = units.filter((u) => !assessed.has(u.id));
  const mayAssess = !!data?.allowedActions.includes('assess');
  return (
    <Card
      className="gz-card"
      size="small"
      data-testid="case-evaluation"
      title={
        <span>
          <AuditOutlined /> {t('as.title')}
        </span>
      }
    >
      <Row gutter={[16, 12]}>
        <Col xs={24} md={10}>
          <div className="gz-case-desc-title">{t('as.reporterSide')}</div>
          {c.rating ? (
            <Space direction="vertical" size={4} data-testid="evaluation-reporter">
              <RatingBadge rating={c.rating} />
              {c.ratedBy && <span className="gz-muted">{t(c.ratedBy === 'visit' ? 'case.ratedBy.visit' : 'case.ratedBy.reporter')}</span>}
              {c.ratingComment && <span className="gz-rating-comment">“{c.ratingComment}”</span>}
            </Space>
          ) : (
            <span className="gz-muted" data-testid="evaluation-reporter">
              {t('as.notRated')}
            </span>
          )}
        </Col>
        <Col xs={24} md={14} data-testid="evaluation-centre">
          <div className="gz-case-desc-title">{t('as.centreSide')}</div>
          {c.state !== 'closed' && !data?.items.length ? (
            <span className="gz-muted">{t('as.waitClosed')}</span>
          ) : (data?.items.length ?? 0) === 0 && pending.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={mayAssess ? t('as.noUnit') : t('as.notAssessed')} />
          ) : (
            <Space direction="vertical" size={10} style={{ width: '100%' }}>
              {(data?.items ?? []).map((a) => (
                <div key={a.unit.id} className="gz-assessment" data-testid="assessment-item">
                  <div className="gz-unit-line">
                    <span className="gz-unit-name">{a.unit.name}</span>
                    <Tag color="purple" data-testid="assessment-score">
                      {t('as.score', { n: a.score.toFixed(1) })}
                    </Tag>
                    {mayAssess && (
                      <Button size="small" onClick={() => setEditing({ id: a.unit.id, name: a.unit.name, current: a, suggested: null })} data-testid="assessment-correct">
                        {t('as.correct')}
                      </Button>
                    )}
                  </div>
                  <Space size={4} wrap>
                    {ASPECTS.map((k) => (
                      <Tag key={k} color={GRADE_COLOUR[a[k]]}>
                        {t(`as.${k}`)} {t(`as.grade.${a[k]}`)}
                      </Tag>
                    ))}
                  </Space>
                  {a.comment && <div className="gz-unit-note">{a.comment}</div>}
                  <div className="gz-muted gz-small">
                    {t('as.by', { who: a.assessedBy, at: fmtTime(a.assessedAt) })}
                    {a.revisions > 1 && ` · ${t('as.revised', { n: a.revisions - 1 })}`}
                  </div>
                </div>
              ))}
              {mayAssess &&
                pending.map((u) => (
                  <div key={u.id} className="gz-unit-line">
                    <span className="gz-unit-name">{u.name}</span>
                    <Tag>{t(u.role === 'lead' ? 'as.lead' : 'as.assist')}</Tag>
                    <Button type="primary" size="small" onClick={() => setEditing({ id: u.id, name: u.name, suggested: u.suggestedTimeliness })} data-testid="assessment-add">
                      {t('as.assess')}
                    </Button>
                  </div>
                ))}
            </Space>
          )}
        </Col>
      </Row>
      <AssessModal
        caseId={c.id}
        unit={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          res.reload();
          onSaved();
        }}
      />
    </Card>
  );
}

interface FormValues {
  timeliness: AssessmentGrade;
  quality: AssessmentGrade;
  attitude: AssessmentGrade;
  comment?: string;
}

const POINTS: Record<AssessmentGrade, number> = { excellent: 100, good: 80, fair: 60, poor: 40 };

function AssessModal({ caseId, unit, onClose, onSaved }: { caseId: string; unit: { id: string; name: string; current?: Assessment; suggested: AssessmentGrade | null } | null; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const values = Form.useWatch([], form) as Partial<FormValues> | undefined;
  const score = values?.timeliness && values.quality && values.attitude ? 0.4 * POINTS[values.timeliness] + 0.4 * POINTS[values.quality] + 0.2 * POINTS[values.attitude] : null;
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || !unit) return;
    setSaving(true);
    try {
      await saveAssessment(caseId, unit.id, { timeliness: v.timeliness, quality: v.quality, attitude: v.attitude, comment: v.comment?.trim() || null });
      message.success(t('as.saved'));
      onSaved();
    } catch (e) {
      applyServerErrors(form, e, message, ['timeliness', 'quality', 'attitude', 'comment']);
    } finally {
      setSaving(false);
    }
  };
  const initial: Partial<FormValues> = unit?.current
    ? { timeliness: unit.current.timeliness, quality: unit.current.quality, attitude: unit.current.attitude, comment: unit.current.comment ?? undefined }
    : { timeliness: unit?.suggested ?? undefined };
  return (
    <Modal
      title={unit ? t('as.modalTitle', { unit: unit.name }) : ''}
      open={!!unit}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'assessment-save' } as Record<string, string>}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" requiredMark={false} initialValues={initial} key={unit?.id}>
        {ASPECTS.map((k) => (
          <Form.Item
            key={k}
            name={k}
            label={t(`as.${k}`)}
            rules={[{ required: true, message: t('common.required', { field: t(`as.${k}`) }) }]}
            extra={k === 'timeliness' && unit?.suggested ? t('as.suggested', { grade: t(`as.grade.${unit.suggested}`) }) : undefined}
          >
            <Radio.Group optionType="button" buttonStyle="solid" options={GRADES.map((g) => ({ value: g, label: t(`as.grade.${g}`) }))} data-testid={`assessment-${k}`} />
          </Form.Item>
        ))}
        <Form.Item name="comment" label={t('as.comment')} rules={[{ max: 500 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} />
        </Form.Item>
        <div className="gz-muted gz-small">
          {t('as.scoreLabel')}：{score === null ? '—' : t('as.score', { n: score.toFixed(1) })}
          <br />
          {t('as.formula')}
        </div>
      </Form>
    </Modal>
  );
}
