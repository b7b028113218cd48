// The public wall (民生小事小黑板, 回音壁): no login, no personal data.
import { z } from 'zod';

/** `GET /api/wall/decisions`: decided deliberations of an area. */
export const WallDecisions = z
  .object({
    total: z.number().int().min(0),
    items: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        description: z.string(),
        place: z.string(),
        bodyName: z.string(),
        held: z.boolean(),
        passed: z.boolean(),
        /** The result in words with the vote counts (wallResultOf). */
        result: z.string(),
        decidedAt: z.string().nullable(),
      }),
    ),
  })
  .meta({
    example: {
      total: 1,
      items: [
        {
          id: '0b6f0c1e-3f7a-4c1e-9a43-5b1d2f0c9e11',
          title: '小区东门加装非机动车充电棚',
          description: '在东门空地建设带计量的充电棚，费用由公共收益列支。',
          place: '湖滨街道 状元街社区',
          bodyName: '居民会议',
          held: true,
          passed: true,
          result: '表决通过：同意 62 票、反对 10 票、弃权 8 票；到会人数 80/120（66.6%），超过半数；赞成票占到会人员 62/80（77.5%），超过半数',
          decidedAt: '2026-11-20T15:30:00+08:00',
        },
      ],
    },
  });
