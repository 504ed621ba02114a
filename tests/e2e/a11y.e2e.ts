import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './axe';
import { ROUTES, slices } from './routes';

async function scan(page: Page, path: string): Promise<string[]> {
	await page.goto(path);
	await page.waitForLoadState('networkidle');
	return (await axeViolations(page)).map((v) => `${path} ${v}`);
}

// Besides every route, a 教材拓展 concept page: its 拓展 badge and its note to the learner.
const PATHS = [...ROUTES, '/concepts/kano-model'];

// axe over every route, twice: minutes on a busy 2-core machine, so each sweep is split in two.
slices(2, PATHS).forEach((paths, part) => {
	test(`no WCAG A/AA violations, light, desktop (part ${part + 1})`, async ({ page }) => {
		test.setTimeout(300_000);
		const found: string[] = [];
		for (const path of paths) found.push(...(await scan(page, path)));
		expect(found, found.join('\n')).toEqual([]);
	});

	test.describe('on a phone', () => {
		test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, colorScheme: 'dark' });

		test(`no WCAG A/AA violations and no sideways scrolling, dark, empty store (part ${part + 1})`, async ({ page }) => {
			test.setTimeout(300_000);
			const found: string[] = [];
			for (const path of paths) {
				found.push(...(await scan(page, path)));
				const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
				if (widths.scroll > widths.inner) found.push(`${path}: scrollWidth ${widths.scroll} > innerWidth ${widths.inner}`);
			}
			expect(found, found.join('\n')).toEqual([]);
		});
	});
});
