import { INTAKE_EXAMPLES } from './examples.ts';
import { TextClassifier } from './model.ts';

export * from './features.ts';
export * from './model.ts';
export { INTAKE_EXAMPLES } from './examples.ts';

export interface SuggestType {
  code: string;
  name: string;
  leaf: boolean;
  keywords?: readonly string[] | null;
}

/** How much a type's name and each keyword count, in example reports. */
export const NAME_WEIGHT = 2;
export const KEYWORD_WEIGHT = 2;

/**
 * A classifier seeded from the catalogue alone: each leaf type's name, keywords and example
 * reports (`examples`, by default those shipped with the seeded catalogue).
 */
export function seedClassifier(types: readonly SuggestType[], examples: Readonly<Record<string, readonly string[]>> = INTAKE_EXAMPLES): TextClassifier {
  const model = new TextClassifier();
  for (const t of types) {
    if (!t.leaf) continue;
    model.learn(t.code, t.name, NAME_WEIGHT);
    for (const k of t.keywords ?? []) model.learn(t.code, k, KEYWORD_WEIGHT);
    for (const e of examples[t.code] ?? []) model.learn(t.code, e, 1);
  }
  return model;
}
