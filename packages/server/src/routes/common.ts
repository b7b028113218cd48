import { z } from 'zod';

export const areaCodeParam = z.object({
  code: z.string().max(40).describe('区划代码'),
});
export const uuidParam = z.object({ id: z.uuid({ message: '应为 UUID' }) });

export const paging = {
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

/** A text field that refuses control characters (hostile strings stay data, never markup or SQL). */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, '不能为空')
    .max(max, `不能超过 ${max} 个字符`)
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), '包含非法控制字符');
