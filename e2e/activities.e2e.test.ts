// Activities through the real UI in Chromium: the organiser (`community`) shows the rotating check-in
// code in the console; the resident signs up on the phone and checks in by opening the code's link (what
// the phone's camera does with the QR code); the organiser's list shows the check-in and the one
// confirmation records the attendance, a party member who signed up and did not come shows as a no-show
// (未到); then the organiser cancels another activity with a reason and the resident sees it cancelled in their
// own list on the phone. Screenshots go to `screenshots/`.
import { describe, expect, it } from 'vitest';
import { consoleLogin, desktop, openMenu, phone, phoneLogin, session, shot, useBrowserSession } from './browser.ts';

useBrowserSession();

const TITLE = `周六志愿服务：楼道清理 ${Date.now().toString(36).slice(-4)}`;
const CANCELLED = `文明直通车：防诈宣讲 ${Date.now().toString(36).slice(-4)}`;


describe('activity: sign up and check in on the phone, the organiser’s list in the console', () => {
  it('runs through the phone and the console', async () => {
    // ---- the organiser publishes an activity that is under way (the publish form is covered by the crawl)
    const org = await desktop();
    const op = org.page;
    await consoleLogin(op, 'community');
    const created = await op.evaluate(async (title) => {
      const res = await fetch('/api/activities', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          kind: 'volunteer',
          title,
          areaCode: '320614103001',
          place: '状元街社区东苑小区 3 号楼',
          startsAt: new Date(Date.now() - 10 * 60_000).toISOString(),
          endsAt: new Date(Date.now() + 2 * 3_600_000).toISOString(),
          capacity: 20,
          pointsMode: 'per-hour',
          points: 1,
        }),
      });
      return { status: res.status, body: (await res.json()) as { id: string } };
    }, TITLE);
    expect(created.status).toBe(201);
    const id = created.body.id;
    await openMenu(op, 'menu-activities');
    await op.getByTestId('activities-page').waitFor();
    await op.getByTestId('activity-row-title').filter({ hasText: TITLE }).waitFor();
    await shot(op, 'act01-console-activities');

    // ---- the resident signs up on the phone
    const res = await phone();
    const rp = res.page;
    await phoneLogin(rp, 'resident');
    await rp.getByTestId('m-activity-entry-list').click();
    await rp.getByTestId('m-activity-list-open').waitFor();
    await shot(rp, 'act02-m-activities');
    await rp.getByTestId('m-activity-card').filter({ hasText: TITLE }).click();
    await rp.getByTestId('m-activity-sign-up').click();
    await expect.poll(() => rp.getByTestId('m-activity-mine').innerText()).toContain('已报名');
    await shot(rp, 'act03-m-activity-signed-up', true);

    // ---- a party member signs up too (the sign-up screen is shown above) and will not come
    const member = await phone();
    await phoneLogin(member.page, 'party');
    const joined = await member.page.evaluate((path) => fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).then((r) => r.status), `/api/activities/${id}/sign-up`);
    expect(joined).toBe(200);

    // ---- the venue screen shows the code; the phone opens its link (as its camera would)
    await op.goto(`${session.url}/activities/${id}/code`);
    const qr = op.getByTestId('checkin-qr');
    await qr.waitFor();
    await expect.poll(async () => (await qr.locator('svg').count()) > 0).toBe(true);
    await shot(op, 'act04-console-code');
    const path = (await qr.getAttribute('data-path'))!;
    expect(path).toMatch(/^\/m\/activities\/.+\/check-in\?t=/);
    await rp.goto(`${session.url}${path}`);
    await expect.poll(() => rp.getByTestId('m-check-in-result').innerText()).toBe('签到成功');
    await shot(rp, 'act05-m-checked-in');
    // A forged code is refused with a clear message.
    await rp.goto(`${session.url}/m/activities/${id}/check-in?t=1.AAAAAAAAAAAAAAAA`);
    await expect.poll(() => rp.getByTestId('m-check-in-result').innerText()).toContain('签到码');

    // ---- the organiser's list shows the check-in; confirming records the attendance
    await op.goto(`${session.url}/activities/${id}`);
    await op.getByTestId('attendance-table').waitFor();
    await expect.poll(() => op.getByTestId('attendance-check-in').count()).toBe(1);
    await op.getByTestId('activity-confirm').click();
    await op.getByTestId('activity-confirm-ok').click();
    await expect.poll(() => op.getByTestId('attendance-outcome').filter({ hasText: '出席' }).count()).toBe(1);
    // The party member who signed up and did not come is a no-show, counted in the activity's figures.
    await expect.poll(() => op.getByTestId('attendance-outcome').filter({ hasText: '未到' }).count()).toBe(1);
    await expect.poll(() => op.getByTestId('activity-figures').innerText()).toContain('未到 1 人');
    await shot(op, 'act06-console-attendance-confirmed', true);
    // …and sees it on the phone.
    await member.page.goto(`${session.url}/m/activities/${id}`);
    await expect.poll(() => member.page.getByTestId('m-activity-mine').innerText()).toContain('未到');
    await shot(member.page, 'act07-m-no-show', true);
    await member.context.close();

    // ---- cancelling: the organiser publishes another activity, the resident signs up, the organiser cancels it
    const second = await op.evaluate(async (title) => {
      const r = await fetch('/api/activities', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          kind: 'train-civility',
          title,
          areaCode: '320614103001',
          place: '状元街社区党群服务中心',
          startsAt: new Date(Date.now() + 26 * 3_600_000).toISOString(),
          endsAt: new Date(Date.now() + 28 * 3_600_000).toISOString(),
          capacity: 50,
          points: 1,
        }),
      });
      return { status: r.status, body: (await r.json()) as { id: string } };
    }, CANCELLED);
    expect(second.status).toBe(201);
    const sid = second.body.id;
    expect(await rp.evaluate((path) => fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).then((r) => r.status), `/api/activities/${sid}/sign-up`)).toBe(200);
    await op.goto(`${session.url}/activities/${sid}`);
    await op.getByTestId('activity-cancel').click();
    await op.getByTestId('activity-cancel-ok').click(); // without a reason: refused on the form
    await op.getByText('请填写取消原因').waitFor();
    await op.getByTestId('activity-cancel-reason').fill('讲师临时有事，改期另行通知');
    await op.getByTestId('activity-cancel-ok').click();
    await expect.poll(() => op.getByTestId('activity-cancelled').innerText()).toContain('讲师临时有事');
    expect(await op.getByTestId('activity-code').count()).toBe(0);
    await shot(op, 'act08-console-cancelled', true);

    // The resident sees it cancelled, with the reason, in their own list, and can do nothing with it.
    await rp.goto(`${session.url}/m/activities?tab=mine`);
    const card = rp.getByTestId('m-activity-card').filter({ hasText: CANCELLED });
    await expect.poll(() => card.getByTestId('m-activity-card-cancelled').innerText()).toContain('讲师临时有事');
    await shot(rp, 'act09-m-mine-cancelled', true);
    await card.click();
    await expect.poll(() => rp.getByTestId('m-activity-cancelled').innerText()).toContain('活动已取消');
    expect(await rp.getByTestId('m-activity-sign-up').count()).toBe(0);
    expect(await rp.getByTestId('m-activity-cancel').count()).toBe(0);

    // ---- volunteer teams: the organiser creates a team on 志愿者名册
    const teamName = `楼道守望志愿服务队${Date.now().toString(36).slice(-4)}`;
    await openMenu(op, 'menu-volunteers');
    await op.getByTestId('volunteer-teams').waitFor();
    await op.getByTestId('volunteer-team-new').click();
    await op.getByTestId('volunteer-team-f-name').fill(teamName);
    await op.getByTestId('volunteer-team-f-leader').fill('张桂英');
    await op.getByTestId('volunteer-team-ok').click();
    await op.getByTestId('volunteer-team-name').filter({ hasText: teamName }).waitFor();
    await shot(op, 'act10-console-volunteer-teams', true);

    await res.context.close();
    await org.context.close();
  });
});
