// Duplicate group of a case (docs/SMART-INTAKE.md "Duplicate groups"): its members the caller may
// see, a one-action merge into the primary, and unmerge of a merged member.
import { useState } from 'react';
import { App, Button, Card, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { errorMessage, get, post } from '../../../api/client.ts';
import type { CaseGroup } from '../../../api/cases.ts';
import { useT } from '../../../i18n/index.tsx';
import { useApi } from '../../../lib/useApi.ts';
import { StateTag } from './CaseTags.tsx';

const ROLE_COLOUR = { primary: 'blue', candidate: 'orange', merged: 'default' } as const;

export function CaseGroupCard({ caseId, onChanged }: { caseId: string; onChanged: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const res = useApi((signal) => get<CaseGroup>(`/api/cases/${caseId}/group`, undefined, signal), [caseId]);
  const [busy, setBusy] = useState(false);
  const g = res.data;
  if (!g || g.members.length < 2) return null;
  const primary = g.members.find((m) => m.id === g.primaryId);
  const candidates = g.members.filter((m) => m.allowedActions.includes('merge'));

  const run = async (fn: () => Promise<unknown>, ok: string) => {
    setBusy(true);
    try {
      await fn();
      message.success(ok);
      res.reload();
      onChanged();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      className="gz-card"
      size="small"
      title={t('case.group.title', { n: g.members.length })}
      data-testid="case-group"
      extra={
        g.allowedActions.includes('merge') && (
          <Popconfirm
            title={t('case.group.mergeConfirm', { n: candidates.length, code: primary?.code ?? '' })}
            onConfirm={() => run(() => post(`/api/cases/${caseId}/group/merge`, {}), t('case.group.mergedOk', { n: candidates.length }))}
          >
            <Button type="primary" size="small" loading={busy} data-testid="case-group-merge">
              {t('case.group.merge')}
            </Button>
          </Popconfirm>
        )
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('case.group.hint')}
      </Typography.Paragraph>
      <List
        size="small"
        dataSource={g.members}
        renderItem={(m) => (
          <List.Item
            data-testid="case-group-member"
            data-role={m.role}
            actions={
              m.allowedActions.includes('unmerge')
                ? [
                    <Button key="u" size="small" type="link" disabled={busy} onClick={() => void run(() => post(`/api/cases/${m.id}/actions/unmerge`, {}), t('case.group.unmergedOk'))}>
                      {t('case.group.unmerge')}
                    </Button>,
                  ]
                : []
            }
          >
            <Space direction="vertical" size={0}>
              <Space size={4} wrap>
                <Tag color={ROLE_COLOUR[m.role]}>{t(`case.group.${m.role}`)}</Tag>
                {m.id === caseId ? <Typography.Text strong>{m.code}</Typography.Text> : <Link to={`/cases/${m.id}`}>{m.code}</Link>}
                <StateTag state={m.state} />
              </Space>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {m.title} · {m.createdAt.slice(0, 16).replace('T', ' ')}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
