import { useState } from 'react';
import { Card, Empty, List, Space, Tag } from 'antd';
import { CommentOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { get } from '../../../api/client.ts';
import type { CaseWall, WallItem } from '../../../api/cases.ts';
import { useT } from '../../../i18n/index.tsx';
import { fmtDate, fmtNumber } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { AreaTreeSelect } from '../../components/AreaTreeSelect.tsx';
import { LoadError } from '../../components/ErrorResult.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RatingBadge } from './CaseTags.tsx';
import { PAGE_HEADS } from '../../pageHeads.ts';

/** Its heading, which the server also draws into the page's outline. */
const HEAD = PAGE_HEADS['/wall'];

/** 回音壁: closed cases whose reporters agreed to publish them, as the public sees them. */
export default function WallPage() {
  const t = useT();
  const [area, setArea] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const pageSize = 10;
  const res = useApi((signal) => get<CaseWall>('/api/wall', { area, page, pageSize }, signal), [area, page]);

  return (
    <div className="gz-page" data-testid="wall-page">
      <PageHeader
        title={t(HEAD.title)}
        description={t(HEAD.desc)}
        testId="wall-title"
        extra={
          <AreaTreeSelect
            value={area}
            onChange={(v) => {
              setArea(v);
              setPage(1);
            }}
            aria-label={t('case.wall.area')} placeholder={t('case.wall.area')}
            style={{ width: 240 }}
            testId="wall-area"
          />
        }
      />
      {res.error && !res.loading ? (
        <LoadError error={res.error} onRetry={res.reload} />
      ) : (
        <Card className="gz-card" size="small">
          <List<WallItem>
            loading={res.loading}
            dataSource={res.data?.items ?? []}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('case.wall.empty')} /> }}
            pagination={{
              current: page,
              pageSize,
              total: res.data?.total ?? 0,
              onChange: setPage,
              showTotal: (n) => t('common.total', { n: fmtNumber(n) }),
              hideOnSinglePage: true,
            }}
            renderItem={(w) => (
              <List.Item key={w.code} className="gz-wall-item" data-testid="wall-item" data-code={w.code}>
                <div className="gz-wall-main">
                  <div className="gz-wall-head">
                    <Tag color="red" variant="outlined">
                      {w.categoryName}
                    </Tag>
                    <span className="gz-wall-title">{w.title}</span>
                    <Tag color="green">{w.state}</Tag>
                  </div>
                  <Space size={12} className="gz-wall-meta">
                    <span>
                      <EnvironmentOutlined /> {w.place || '—'}
                    </span>
                    <span>
                      {t('case.wall.reported')} {fmtDate(w.reportedAt)}
                    </span>
                    <span>
                      {t('case.wall.closed')} {fmtDate(w.closedAt)}
                    </span>
                    <span className="gz-mono-soft">{w.code}</span>
                  </Space>
                  <div className="gz-wall-desc">{w.description}</div>
                  {w.answer && (
                    <div className="gz-wall-answer">
                      <span className="gz-wall-answer-label">
                        <CommentOutlined /> {t('case.wall.answer')}
                      </span>
                      {w.answer}
                    </div>
                  )}
                </div>
                <div className="gz-wall-side">
                  {w.rating ? <RatingBadge rating={w.rating} /> : <span className="gz-muted">{t('case.wall.notRated')}</span>}
                  {w.ratingComment && <div className="gz-wall-comment">“{w.ratingComment}”</div>}
                </div>
              </List.Item>
            )}
          />
        </Card>
      )}
    </div>
  );
}
