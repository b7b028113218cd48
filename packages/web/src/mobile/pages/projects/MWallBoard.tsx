// 民生小事小黑板 on the phone's wall: the area's decided deliberations (topic, result in words, date)
// and its governance projects with progress and milestone photos, beside the closed cases. Public,
// no names (docs/PARTICIPATION.md).
import { ProgressBar } from 'antd-mobile';
import { phoneIcon } from '../../icon.tsx';
import AuditOutlinedSvg from '@ant-design/icons-svg/es/asn/AuditOutlined';
import ProjectOutlinedSvg from '@ant-design/icons-svg/es/asn/ProjectOutlined';
import { get } from '../../../api/client.ts';
import { preloadedFor } from '../../../api/preload.ts';
import { BOARD_SHOWN, wallBoardRequests } from '../cases/wallRequests.ts';
import type { ProjectWall } from '../../../api/projects.ts';
import type { WallDecisions } from '@gongzhi/domain/contract';
import { useT } from '../../../i18n/index.tsx';
import { fmtDate } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { MPhotoGrid } from '../cases/MPhotos.tsx';

const AuditOutlined = phoneIcon(AuditOutlinedSvg);
const ProjectOutlined = phoneIcon(ProjectOutlinedSvg);

export function MWallBoard({ area }: { area: string | undefined }) {
  const t = useT();
  const req = wallBoardRequests(area);
  const decisions = useApi((s) => get<WallDecisions>(req.decisions.path, req.decisions.query, s), [area], preloadedFor<WallDecisions>(req.decisions));
  const projects = useApi(req.projects ? (s) => get<ProjectWall>(req.projects!.path, req.projects!.query, s) : null, [area], preloadedFor<ProjectWall>(req.projects));
  const ds = decisions.data?.items ?? [];
  const ps = (projects.data?.items ?? []).slice(0, BOARD_SHOWN);
  if (ds.length === 0 && ps.length === 0) return null;
  return (
    <div className="m-wall-board" data-testid="m-wall-board">
      {ds.length > 0 && (
        <section>
          <div className="m-wall-section">
            <AuditOutlined /> {t('proj.wall.decisions')}
          </div>
          {ds.map((d) => (
            <div key={d.id} className="m-card m-wall-card" data-testid="m-wall-decision">
              <div className="m-wall-head">
                <span className="m-wall-cat">{d.bodyName}</span>
                <span className={d.passed ? 'm-wall-state' : 'm-wall-state m-wall-state-no'}>{d.passed ? t('proj.wall.passed') : d.held ? t('proj.wall.notPassed') : t('proj.wall.noQuorum')}</span>
              </div>
              <div className="m-wall-title">{d.title}</div>
              <div className="m-wall-meta">
                {d.place || '—'}
                <span className="m-dot">·</span>
                {t('proj.wall.decidedOn', { d: fmtDate(d.decidedAt) })}
              </div>
              {d.description && <div className="m-wall-desc">{d.description}</div>}
              <div className="m-wall-answer" data-testid="m-wall-decision-result">
                {d.result}
              </div>
            </div>
          ))}
        </section>
      )}
      {ps.length > 0 && (
        <section>
          <div className="m-wall-section">
            <ProjectOutlined /> {t('proj.wall.projects')}
          </div>
          {ps.map((p) => (
            <div key={p.id} className="m-card m-wall-card" data-testid="m-wall-project">
              <div className="m-wall-head">
                <span className="m-wall-cat">{p.areaName}</span>
                <span className="m-wall-state">{p.stateLabel.zh}</span>
              </div>
              <div className="m-wall-title">{p.title}</div>
              <ProgressBar percent={p.percent} text style={{ '--fill-color': '#c41d1d' } as React.CSSProperties} />
              <div className="m-wall-meta" style={{ marginTop: 4 }}>
                {t('proj.wall.signed', { n: p.supervisors.signed, total: p.supervisors.total })}
                {p.dueDate && (
                  <>
                    <span className="m-dot">·</span>
                    {t('proj.wall.due', { d: fmtDate(p.dueDate) })}
                  </>
                )}
              </div>
              <MPhotoGrid files={p.photos} testId="m-wall-project-photos" />
            </div>
          ))}
        </section>
      )}
      <div className="m-wall-section">{t('proj.wall.cases')}</div>
    </div>
  );
}
