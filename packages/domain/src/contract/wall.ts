// The public wall (民生小事小黑板, 回音壁): no login, no personal data.
import { z } from 'zod';
import { Rating, FileRef } from './cases.ts';
import { isoTime } from './common.ts';

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

/** A closed case on the public wall (回音壁): numbers that look like phone or ID numbers starred, no names. */
export const WallCase = z.object({
  code: z.string(),
  title: z.string().nullable(),
  description: z.string().nullable(),
  categoryName: z.string(),
  place: z.string(),
  answer: z.string().nullable(),
  rating: Rating.nullable(),
  ratingComment: z.string().nullable(),
  state: z.string(),
  reportedAt: isoTime,
  closedAt: isoTime.nullable(),
});
/** `GET /api/wall` */
export const CaseWall = z.object({ total: z.number().int().min(0), items: z.array(WallCase) });

/** `GET /api/public/areas/{code}`: what the QR report page shows of where it was scanned (names only). */
export const PublicArea = z.object({
  code: z.string(),
  name: z.string(),
  level: z.string(),
  path: z.array(z.object({ code: z.string(), name: z.string(), level: z.string() })),
});

/** `POST /api/files/upload-token` → 201: the QR report page's upload token. */
export const UploadToken = z.object({ token: z.string(), expiresAt: isoTime, maxFiles: z.number().int(), maxBytes: z.number().int() });

export type WallCase = z.infer<typeof WallCase>;
export type CaseWall = z.infer<typeof CaseWall>;
export type WallDecisions = z.infer<typeof WallDecisions>;
export type PublicArea = z.infer<typeof PublicArea>;
export type UploadToken = z.infer<typeof UploadToken>;

/** `POST /api/files` → 201: the stored file and its signed link. */
export const UploadedFile = FileRef.required();
export type UploadedFile = z.infer<typeof UploadedFile>;
