// Registry import (人口信息导入) and case suggestions (智能分派): API-CONTRACT "Registry import" and "Case suggestions",
// docs/REGISTRY.md and docs/SMART-INTAKE.md.
import { z } from 'zod';
import { LocationInput } from './cases.ts';
import { areaCodeInput, optionalText } from './input.ts';

/** `POST /api/imports/people` → 200: what became of each row; a refused row names the column in its Chinese reason. */
export const PeopleImportResult = z
  .object({
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    refused: z.array(z.object({ row: z.number().int(), reason: z.string() })),
  })
  .meta({
    example: {
      created: 118,
      updated: 4,
      unchanged: 0,
      refused: [
        { row: 7, reason: '公民身份号码：校验码不正确' },
        { row: 15, reason: '联系电话：不是有效的手机号码或固定电话号码' },
      ],
    },
  });

/** `POST /api/imports/hotline` → 200: the 12345 hotline orders of a file, row by row. */
export const HotlineImportReport = z.object({
  fileName: z.string(),
  total: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  refused: z.number().int(),
  rows: z.array(
    z.object({
      row: z.number().int(),
      orderNo: z.string().nullable(),
      status: z.enum(['created', 'updated', 'unchanged', 'refused']),
      caseId: z.string().optional(),
      caseCode: z.string().optional(),
      /** The column a refusal is about. */
      field: z.string().optional(),
      message: z.string(),
    }),
  ),
});

/** The words of the report that speak most for a suggestion, strongest first. */
const words = z.array(z.string());

/** `POST /api/cases/suggest` → 200: at most 5 of each, best first, `score` in 0..1. */
export const CaseSuggestions = z
  .object({
    /** Leaf types of the catalogue. */
    categories: z.array(z.object({ code: z.string(), name: z.string(), score: z.number(), words })),
    /** Units the case could be dispatched to; `type` is the likely type that leads to the unit. */
    units: z.array(z.object({ id: z.string(), name: z.string(), score: z.number(), type: z.object({ code: z.string(), name: z.string() }), words })),
    /** Open cases in the caller's scope that report the same at the same place; `[]` without an account. */
    similar: z.array(z.object({ id: z.string(), code: z.string(), title: z.string(), score: z.number() })),
  })
  .meta({
    example: {
      categories: [
        { code: 'B0110', name: '路灯', score: 0.82, words: ['路灯', '不亮'] },
        { code: 'B0201', name: '交通信号灯', score: 0.07, words: ['不亮'] },
      ],
      units: [{ id: '6c5b4a39-2817-4f6e-9d5c-4b3a29180f7e', name: '海门区城市管理局', score: 0.9, type: { code: 'B0110', name: '路灯' }, words: ['路灯', '不亮'] }],
      similar: [{ id: '8e7d6c5b-4a39-4281-9f0e-1d2c3b4a5968', code: 'HM20261121000042', title: '状元街3幢门口路灯不亮', score: 0.74 }],
    },
  });

export type PeopleImportResult = z.infer<typeof PeopleImportResult>;
export type HotlineImportReport = z.infer<typeof HotlineImportReport>;
export type CaseSuggestions = z.infer<typeof CaseSuggestions>;

/** `POST /api/cases/suggest`: what the report form holds so far (without a session, `areaCode` is needed). */
export const SuggestBody = z.object({
  title: optionalText(100).optional(),
  description: optionalText(2000).optional(),
  areaCode: areaCodeInput.optional(),
  location: LocationInput.optional(),
});
