import { describe, expect, it } from 'vitest';
import { ALL_DECK, chapterDecks } from '../../../src/lib/srs/decks';
import { overview } from '../../../src/lib/srs/overview';
import { deckQueue, examPlan, nextCard, type StudyCard } from '../../../src/lib/srs/session';
import { Rating, Scheduler, type CardState, type ReviewEntry } from '../../../src/lib/srs/scheduler';
import { studyDayStart } from '../../../src/lib/srs/queue';
import { DEFAULT_SETTINGS, localDate, type StudySettings } from '../../../src/lib/srs/settings';

const DAY = 86_400_000;
const day = { dayStartHour: 4, utcOffsetMinutes: 480 };
const now = Date.parse('2026-12-01T19:00:00+08:00');
const scheduler = new Scheduler({ retention: 0.9 });
const cards: StudyCard[] = Array.from({ length: 40 }, (_, i) => ({ id: `c${i}`, chapter: i < 20 ? 'a' : 'b', source: i % 8 === 7 ? 'extension' : 'course', kind: i % 5 === 4 ? 'reverse' : 'term', tags: [] }));
const decks = [ALL_DECK, ...chapterDecks([{ id: 'a', title: 'A', order: 1 }, { id: 'b', title: 'B', order: 2 }])];
const examDate = localDate(studyDayStart(now, day) + 6 * DAY + 12 * 3_600_000, 480);

/** A week of study: cards met on the days before today, rated 良好, and five more today. */
function history() {
	const states = new Map<string, CardState>();
	const reviews: ReviewEntry[] = [];
	cards.slice(0, 25).forEach((card, i) => {
		const at = i < 20 ? now - (7 - (i % 7)) * DAY : now - 3_600_000 + i * 1000;
		const { state, entry } = scheduler.rate(card.id, null, Rating.Good, new Date(at));
		states.set(card.id, state);
		reviews.push(entry);
	});
	return { states, reviews };
}

describe('overview', () => {
	const settingsCases: [string, StudySettings][] = [
		['no exam date', { ...DEFAULT_SETTINGS, newPerDay: 6 }],
		['an exam in six days', { ...DEFAULT_SETTINGS, examDate, minutesPerDay: 10 }],
		['course only, reverse cards on', { ...DEFAULT_SETTINGS, examDate, minutesPerDay: 3, courseOnly: true, reverseCards: true }]
	];

	it.each(settingsCases)('with %s, each deck counts what its review session is given', (_, settings) => {
		const { states, reviews } = history();
		const o = overview(cards, { states, reviews, now, day, settings, decks, chapters: ['a', 'b'] });
		const ctx = { ...day, cards, states, reviews, now, settings, scheduler };
		const plan = examPlan(ctx);
		expect(o.plan).toEqual(plan);
		expect(o.decks.map(([id]) => id)).toEqual(decks.map((d) => d.id));
		for (const [i, deck] of decks.entries()) {
			const dq = deckQueue(ctx, deck, plan);
			const [, counts] = o.decks[i]!;
			expect(counts.counts).toEqual(dq.queue.counts);
			expect(counts.todo).toBe(dq.queue.due.length + dq.queue.fresh.length + dq.queue.exam.length + dq.queue.ahead.length);
			// A deck shown with nothing to do offers no card, and one with work offers one.
			expect(nextCard(dq) !== null).toBe(counts.todo > 0);
		}
	});

	it('counts every card of a chapter, and those met as learned', () => {
		const { states, reviews } = history();
		const o = overview(cards, { states, reviews, now, day, settings: DEFAULT_SETTINGS, chapters: ['b', 'a'] });
		expect(o.chapters.map((c) => [c.chapter, c.total, c.learned])).toEqual([
			['b', 20, 5],
			['a', 20, 20]
		]);
		expect(o.decks).toEqual([]);
		expect(o.plan).toBeNull();
	});
});
