// 民情日记: the caller's visits and patrols of a month, day by day.
import { useState } from 'react';
import { NavBar, Tag } from 'antd-mobile';
import { phoneIcon } from '../../icon.tsx';
import LeftOutlinedSvg from '@ant-design/icons-svg/es/asn/LeftOutlined';
import RightOutlinedSvg from '@ant-design/icons-svg/es/asn/RightOutlined';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { get } from '../../../api/client.ts';
import type { PartyDiary as Diary } from '@gongzhi/domain/contract';
import { useT } from '../../../i18n/index.tsx';
import { fmtTime } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { MError, MLoading } from '../../components.tsx';

const LeftOutlined = phoneIcon(LeftOutlinedSvg);
const RightOutlined = phoneIcon(RightOutlinedSvg);

export function MDiary() {
  const t = useT();
  const navigate = useNavigate();
  const [month, setMonth] = useState(dayjs().format('YYYY-MM'));
  const d = useApi((signal) => get<Diary>('/api/party/diary', { month }, signal), [month]);
  const shift = (n: number) => setMonth(dayjs(`${month}-01`).add(n, 'month').format('YYYY-MM'));
  const isCurrent = month === dayjs().format('YYYY-MM');
  return (
    <div className="m-page" data-testid="m-party-diary">
      <NavBar className="m-navbar" onBack={() => navigate('/m')}>
        {t('party.m.diary')}
      </NavBar>
      <div className="m-party-month">
        <button type="button" onClick={() => shift(-1)} aria-label="prev">
          <LeftOutlined />
        </button>
        <span>{t('party.diary.month', { y: month.slice(0, 4), m: Number(month.slice(5)) })}</span>
        <button type="button" onClick={() => shift(1)} disabled={isCurrent} aria-label="next">
          <RightOutlined />
        </button>
      </div>
      {d.error ? (
        <MError error={d.error} />
      ) : !d.data ? (
        <MLoading />
      ) : (
        <>
          <div className="m-party-diary-stats">
            <div>
              <b data-testid="m-party-diary-visits">{d.data.visits}</b>
              <span>{t('party.diary.visits')}</span>
            </div>
            <div>
              <b>{d.data.households}</b>
              <span>{t('party.diary.households')}</span>
            </div>
            <div>
              <b>{d.data.patrols}</b>
              <span>{t('party.diary.patrols')}</span>
            </div>
          </div>
          {d.data.days.length === 0 && <div className="m-card m-muted">{t('party.diary.empty')}</div>}
          {d.data.days.map((day) => (
            <div key={day.day} className="m-card m-party-day" data-testid="m-party-diary-day">
              <div className="m-party-day-head">
                {dayjs(day.day).format('M月D日')} <span className="m-muted">{t(`party.weekday.${dayjs(day.day).day()}` as 'party.weekday.0')}</span>
              </div>
              {day.patrols.map((p) => (
                <div key={p.id} className="m-party-entry-line">
                  <Tag color="primary" fill="outline">
                    {t('party.diary.patrol')}
                  </Tag>
                  <span className="m-party-visit-addr">
                    {fmtTime(p.at).slice(11)} {p.building?.name ?? p.grid.name}
                  </span>
                </div>
              ))}
              {day.visits.map((v) => (
                <div key={v.id} className="m-party-entry-line m-party-visit-line">
                  <div>
                    <Tag color="danger" fill="outline">
                      {t('party.diary.visit')}
                    </Tag>
                    <span className="m-party-visit-addr">{v.household.address}</span>
                  </div>
                  <div className="m-party-duties">
                    {v.duties.map((x) => (
                      <Tag key={x.code} color="default" fill="outline">
                        {t(`party.duty.${x.code}`)}
                      </Tag>
                    ))}
                    {v.followups.map((f) => (
                      <Tag key={f.id} color={f.state === 'converted' ? 'success' : 'warning'}>
                        {f.kind === 'case' ? t('party.visit.followupCase') : t('party.visit.followupWish')}：{f.title}
                      </Tag>
                    ))}
                  </div>
                  {v.notes && <div className="m-party-notes">{v.notes}</div>}
                </div>
              ))}
            </div>
          ))}
        </>
      )}
    </div>
  );
}
