import type { FormInstance } from 'antd';
import { ApiError } from '../../api/client.ts';

interface MessageApi {
  error: (content: string) => unknown;
}

/**
 * Puts the server's field errors (`details.field` / `details.issues`) under the matching form fields
 * (`fields` lists the form's field names); whatever cannot be placed is shown as a message.
 */
export function applyServerErrors<T>(form: FormInstance<T>, e: unknown, message: MessageApi, fields: readonly string[]): void {
  if (!(e instanceof ApiError)) {
    message.error(e instanceof Error ? e.message : String(e));
    return;
  }
  const known = new Set(fields);
  const placed = new Map<string, string[]>();
  for (const issue of e.fieldErrors) {
    const name = issue.field.split('.')[0] ?? issue.field;
    if (known.has(name)) placed.set(name, [...(placed.get(name) ?? []), issue.message]);
  }
  if (placed.size) {
    form.setFields([...placed].map(([name, errors]) => ({ name, errors })) as Parameters<FormInstance<T>['setFields']>[0]);
    return;
  }
  message.error(e.message);
}
