import type { Page } from '@playwright/test';

/** A question of the published bank, as the journeys read it to know the right answers. */
export interface BankQ {
	id: string;
	type: string;
	chapter: string;
	answer: unknown;
	options: { key: string; text: string }[];
}

export async function bank(page: Page): Promise<BankQ[]> {
	return (await (await page.request.get('/data/questions.json')).json()).questions;
}

/** The option label for a key, as the question shows it ("A." …). */
export function option(page: Page, key: string) {
	return page.locator('label.option').filter({ hasText: new RegExp(`^\\s*${key}\\.`) });
}
