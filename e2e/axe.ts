// The accessibility bar every browser test holds a page to: no serious or critical axe-core violation of
// WCAG 2.1 A and AA (what GB/T 37668 asks of web content).
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** axe rules switched off, each with its reason. Keep this short. */
const AXE_DISABLED: string[] = [];
/** Elements axe leaves out, each with its reason. */
const AXE_EXCLUDED: string[] = [];

/** The serious and critical violations of the page as it is now, one line each (at most three elements named). */
export async function axeProblems(page: Page): Promise<string[]> {
  // Only violations are collected: axe's other result types are what makes it slow on a large page.
  let axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).options({ resultTypes: ['violations'] }).disableRules(AXE_DISABLED);
  for (const selector of AXE_EXCLUDED) axe = axe.exclude(selector);
  const result = await axe.analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}
