// Questionnaires for the 海门区 demo (docs/PARTICIPATION.md "Questionnaires"): a closed satisfaction
// survey of the 状元街 community party committee with 60 paper questionnaires collected door to door,
// so the results page has charts, and an open opinion collection the demo `resident` can answer.
import { findUserForLogin } from '../repositories/users.ts';
import { getMeta, setMeta } from '../repositories/meta.ts';
import * as repo from '../repositories/surveys.ts';
import type { AppContext } from '../services/context.ts';

const COMMUNITY = '320614103001';
const DAY = 86_400_000;

const SATISFACTION = {
  title: '2026年度状元街社区党委服务群众满意度测评',
  intro: '为了解社区党委履职和服务群众情况，请您根据实际感受作出评价。测评结果作为社区党组织考核的重要依据，满意率低于60%的将列入整顿。本问卷不记名。',
  questions: [
    { kind: 'rating', title: '您对社区党委服务群众工作的总体评价', required: true, choices: [], maxPicks: null },
    { kind: 'rating', title: '您对网格员“户户进、家家访”走访工作的评价', required: true, choices: [], maxPicks: null },
    { kind: 'rating', title: '您对党群服务中心办事效率的评价', required: true, choices: [], maxPicks: null },
    { kind: 'single', title: '今年您是否参加过社区党组织组织的活动', required: true, choices: ['经常参加', '偶尔参加', '没有参加过'], maxPicks: null },
    { kind: 'multiple', title: '您希望社区重点改进哪些服务（最多选 3 项）', required: false, choices: ['居家养老', '托育看护', '停车管理', '环境卫生', '矛盾调解', '文体活动'], maxPicks: 3 },
    { kind: 'text', title: '您对社区党委的其他意见和建议', required: false, choices: [], maxPicks: null },
  ],
} as const;

const ELEVATOR = {
  title: '老旧小区加装电梯意见征集',
  intro: '状元街社区拟在 1990 年代建成的多层住宅试点加装电梯，费用按楼层分摊并申请财政补贴。请您谈谈意见，征集结果将提交居民会议协商。',
  questions: [
    { kind: 'single', title: '您是否赞成本楼栋加装电梯', required: true, choices: ['赞成', '不赞成', '无所谓'], maxPicks: null },
    { kind: 'single', title: '您家住在几楼', required: true, choices: ['一楼', '二至三楼', '四楼及以上'], maxPicks: null },
    { kind: 'multiple', title: '您最关心的问题（可多选）', required: false, choices: ['费用分摊', '采光和噪音', '施工期间出行', '后期维护', '占用绿化'], maxPicks: null },
    { kind: 'text', title: '其他意见', required: false, choices: [], maxPicks: null },
  ],
} as const;

const TEXTS = ['希望党群服务中心周末也能开放', '楼道灯坏了很久，报了以后修得很快，点赞', '停车太难，希望规划一下临时停车位', '网格员小张很负责', '希望多组织老年人的文体活动', '垃圾分类点的气味需要处理'];

/** A fixed pseudo-random sequence, so every demo shows the same results. */
function sequence(seed: number) {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

/** Adds the demo's questionnaires once; a database that has them is left untouched. */
export async function seedSurveysDemo(ctx: AppContext): Promise<'created' | 'present'> {
  if (await getMeta(ctx.db, 'surveys_seed')) return 'present';
  const [secretary, community] = await Promise.all(['secretary', 'community'].map((u) => findUserForLogin(ctx.db, u)));
  if (!secretary || !community) return 'present';
  const now = Date.now();
  await ctx.db.transaction(async (tx) => {
    const closed = await repo.insertSurvey(tx, {
      title: SATISFACTION.title,
      purpose: 'satisfaction',
      intro: SATISFACTION.intro,
      areaCode: COMMUNITY,
      state: 'closed',
      anonymous: true,
      publicResults: true,
      createdBy: secretary.id,
      opensAt: new Date(now - 40 * DAY),
      closesAt: new Date(now - 10 * DAY),
      publishedAt: new Date(now - 40 * DAY),
      closedAt: new Date(now - 10 * DAY),
      createdAt: new Date(now - 42 * DAY),
      updatedAt: new Date(now - 10 * DAY),
    });
    await repo.replaceQuestions(tx, closed.id, SATISFACTION.questions.map((q) => ({ ...q, choices: [...q.choices] })));
    const qs = await repo.questionsOf(tx, closed.id);
    const rnd = sequence(2026);
    // Mostly satisfied, with a tail: about 80% 非常满意/满意.
    const rating = () => {
      const r = rnd();
      return r < 0.42 ? 5 : r < 0.8 ? 4 : r < 0.93 ? 3 : r < 0.98 ? 2 : 1;
    };
    for (let i = 0; i < 60; i++) {
      const at = new Date(now - (39 - Math.floor(i / 2)) * DAY + (i % 9) * 3600_000);
      const response = await repo.insertResponse(tx, { surveyId: closed.id, userId: null, channel: 'paper', areaCode: `${COMMUNITY}00${1 + (i % 3)}`, createdAt: at });
      const picks = [0, 1, 2, 3, 4, 5].filter(() => rnd() < 0.35).slice(0, 3);
      const answers = [
        { questionId: qs[0]!.id, rating: rating() },
        { questionId: qs[1]!.id, rating: rating() },
        { questionId: qs[2]!.id, rating: rating() },
        { questionId: qs[3]!.id, choices: [rnd() < 0.3 ? 0 : rnd() < 0.7 ? 1 : 2] },
        ...(picks.length ? [{ questionId: qs[4]!.id, choices: picks }] : []),
        ...(i % 7 === 0 ? [{ questionId: qs[5]!.id, text: TEXTS[(i / 7) % TEXTS.length]! }] : []),
      ];
      await repo.insertAnswers(
        tx,
        answers.map((a) => ({ responseId: response!.id, surveyId: closed.id, questionId: a.questionId, choices: 'choices' in a ? a.choices : null, rating: 'rating' in a ? a.rating : null, text: 'text' in a ? a.text : null })),
      );
    }
    const open = await repo.insertSurvey(tx, {
      title: ELEVATOR.title,
      purpose: 'opinion',
      intro: ELEVATOR.intro,
      areaCode: COMMUNITY,
      state: 'open',
      anonymous: false,
      publicResults: true,
      createdBy: community.id,
      opensAt: new Date(now - 3 * DAY),
      closesAt: new Date(now + 27 * DAY),
      publishedAt: new Date(now - 3 * DAY),
      createdAt: new Date(now - 4 * DAY),
      updatedAt: new Date(now - 3 * DAY),
    });
    await repo.replaceQuestions(tx, open.id, ELEVATOR.questions.map((q) => ({ ...q, choices: [...q.choices] })));
    await setMeta(tx, 'surveys_seed', { version: 1, at: new Date().toISOString() });
  });
  return 'created';
}
