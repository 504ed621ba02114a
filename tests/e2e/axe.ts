import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe's WCAG A/AA rules on the page as it stands, one line per violation (empty when it passes).
 * Besides WCAG, landmarks must be named apart (not among the WCAG tags): the calculators show
 * several worked solutions. Legacy mode runs axe in the page itself; the default mode opens a
 * blank page for every scan to merge frame results, which doubled the sweep's time, and the site
 * has no cross-origin frames for it to merge. Only violations are collected in full: axe then
 * stops at the first node for passes and inapplicable rules (about an eighth off each scan here).
 */
export async function axeViolations(page: Page): Promise<string[]> {
	const { violations } = await new AxeBuilder({ page })
		.setLegacyMode()
		.options({ runOnly: { type: 'tag', values: WCAG }, rules: { 'landmark-unique': { enabled: true } }, resultTypes: ['violations'] })
		.analyze();
	return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}
