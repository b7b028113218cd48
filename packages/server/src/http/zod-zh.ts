// Validation messages in Chinese. Every field of every route is checked by Zod; most name their own Chinese message,
// but a field that is missing altogether, or a check without a message, fell back to Zod's English ("Invalid input:
// expected string, received undefined"). Zod ships a zh-CN locale; a missing field reads 必填.
import { z } from 'zod';

z.config({
  ...z.locales.zhCN(),
  customError: (iss) => (iss.code === 'invalid_type' && iss.input === undefined ? '必填' : undefined),
});
