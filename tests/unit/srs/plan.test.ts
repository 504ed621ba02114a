import { describe, expect, it } from 'vitest';
import { buildPlan, describePlan, measureSecondsPerCard, planPriority, type PlanCard, type PlanInput } from '../../../src/lib/srs/plan';
import { Rating, Scheduler, State, type CardState, type ReviewEntry } from '../../../src/lib/srs/scheduler';
import { studyDayStart } from '../../../src/lib/srs/queue';
import type { CardSource } from '../../../src/lib/srs/cards';

const DAY = 86_400_000;
const day = { dayStartHour: 4, utcOffsetMinutes: 480 };
const now = Date.parse('2026-12-01T19:00:00+08:00');
const examIn = (days: number) => studyDayStart(now, day) + days * DAY;

/** A course of `n` cards over 10 chapters; every 5th is a cloze of an authored question, the last 10 % 教材拓展. */
function course(n: number): PlanCard[] {
	return Array.from({ length: n }, (_, i) => {
		const source: CardSource = i >= n * 0.9 ? 'extension' : i % 5 === 4 ? 'authored' : 'course';
		return { id: `c${i}`, chapter: `ch${Math.floor((i * 10) / n)}`, source };
	});
}

function input(over: Partial<PlanInput> = {}): PlanInput {
	return { ...day, cards: course(750), states: new Map(), reviews: [], now, examAt: examIn(14), minutesPerDay: 40, excluded: [], extraToday: 0, ...over };
}

describe('buildPlan', () => {
	it('covers the course when there is time: all seen before the review-only days', () => {
		const plan = buildPlan(input());
		expect(plan.daysLeft).toBe(14);
		expect(plan.fits).toBe(true);
		expect(plan.reviewDays).toBe(2);
		expect(plan.newPerDay).toBe(Math.ceil(750 / 12));
		expect(plan.newToday).toBe(plan.newPerDay);
		expect(plan.order).toHaveLength(750);
		expect(plan.allSeenBy).toBe(studyDayStart(now, day) + 11 * DAY);
		expect(plan.capacity).toBe(240);
		expect(plan.expectedMinutes).toBeLessThanOrEqual(40);
		expect(plan.leftOut).toEqual({ course: 0, authored: 0, extension: 0 });
	});

	it('says honestly when the time cannot cover the course, leaves out 教材拓展 first and names the minutes that would', () => {
		const plan = buildPlan(input({ examAt: examIn(3), minutesPerDay: 10 }));
		expect(plan.fits).toBe(false);
		expect(plan.order.length).toBeLessThan(750);
		const left = plan.leftOut.course + plan.leftOut.authored + plan.leftOut.extension;
		expect(left).toBe(750 - plan.order.length);
		expect(plan.leftOut.extension).toBe(75);
		expect(plan.minutesNeeded).toBeGreaterThan(10);
		// With the minutes it names, the same course fits.
		expect(buildPlan(input({ examAt: examIn(3), minutesPerDay: plan.minutesNeeded })).fits).toBe(true);
	});

	it('puts the course’s own cards first, then authored clozes, then 教材拓展, each in course order', () => {
		const order = planPriority(course(20)).map((c) => c.source);
		expect(order).toEqual([...Array(15).fill('course'), ...Array(3).fill('authored'), ...Array(2).fill('extension')]);
		const plan = buildPlan(input());
		expect(plan.order.slice(0, 3)).toEqual(['c0', 'c1', 'c2']);
		expect(plan.order.at(-1)).toBe('c749');
	});

	it('leaves out the chapters the learner excluded', () => {
		const plan = buildPlan(input({ excluded: ['ch0', 'ch1'] }));
		expect(plan.planned).toBe(600);
		expect(plan.order.every((id) => Number(id.slice(1)) >= 150)).toBe(true);
	});

	it('keeps today’s quota fixed as cards are met, and adds the extra cards asked for', () => {
		const scheduler = new Scheduler({ retention: 0.9 });
		const states = new Map<string, CardState>();
		const reviews: ReviewEntry[] = [];
		const first = buildPlan(input());
		for (let i = 0; i < 10; i++) {
			const { state, entry } = scheduler.rate(`c${i}`, null, Rating.Good, new Date(now + i * 10_000));
			states.set(`c${i}`, state);
			reviews.push(entry);
		}
		const later = buildPlan(input({ states, reviews, now: now + 120_000 }));
		expect(later.newPerDay).toBe(first.newPerDay);
		expect(later.newToday).toBe(first.newToday - 10);
		expect(buildPlan(input({ states, reviews, now: now + 120_000, extraToday: 20 })).newToday).toBe(first.newToday + 10);
	});

	it('has nothing to plan on the exam day', () => {
		const plan = buildPlan(input({ examAt: examIn(0) }));
		expect(plan.daysLeft).toBe(0);
		expect(plan.newToday).toBe(0);
	});
});

describe('measureSecondsPerCard', () => {
	const log = (gaps: number[]) => {
		let t = now;
		return [{ review: t, origin: 'flashcard' as const }, ...gaps.map((g) => ({ review: (t += g * 1000), origin: 'flashcard' as const }))];
	};

	it('is about 10 s a card before the learner has a history', () => {
		expect(measureSecondsPerCard(log([6, 6, 6]))).toEqual({ seconds: 10, measured: false });
	});

	it('takes the median gap between ratings, ignoring breaks', () => {
		const gaps = [...Array(30).fill(6), ...Array(5).fill(600), 7, 8];
		expect(measureSecondsPerCard(log(gaps))).toEqual({ seconds: 6, measured: true });
	});

	it('ignores quiz answers', () => {
		const quiz = Array.from({ length: 40 }, (_, i) => ({ review: now + i * 3000, origin: 'quiz' as const }));
		expect(measureSecondsPerCard(quiz).measured).toBe(false);
	});
});

describe('the plan with real states', () => {
	it('counts reviews already scheduled before the exam against the time', () => {
		const seen = (due: number) => {
			const states = new Map<string, CardState>();
			for (let i = 0; i < 700; i++) states.set(`c${i}`, { due, stability: 2, difficulty: 5, elapsed_days: 0, scheduled_days: 1, learning_steps: 0, reps: 1, lapses: 0, state: State.Review, last_review: now - DAY });
			return buildPlan(input({ examAt: examIn(4), minutesPerDay: 120, states }));
		};
		const dueTomorrow = seen(now + DAY);
		const dueAfterExam = seen(examIn(10));
		expect(dueTomorrow.seen).toBe(700);
		expect(dueTomorrow.order).toHaveLength(50);
		expect(dueTomorrow.minutesNeeded).toBeGreaterThan(dueAfterExam.minutesNeeded);
	});
});

describe('describePlan', () => {
	const date = (t: number) => new Date(t + 8 * 3_600_000).toISOString().slice(5, 10);

	it('says what to do today, by when everything is seen and that the time is enough', () => {
		const text = describePlan(buildPlan(input()), 40, date);
		expect(text.countdown).toBe('距考试还有 14 天');
		expect(text.lines[0]).toBe('今天学 63 张新卡；之后每天约 63 张。');
		expect(text.lines[1]).toContain('12-12 前看完计划内的全部 750 张卡片，之后 2 天只复习');
		expect(text.lines[2]).toContain('按每张约 10 秒估算');
		expect(text.ok).toBe(true);
	});

	it('says plainly what is left out and how many minutes would be enough', () => {
		const plan = buildPlan(input({ examAt: examIn(3), minutesPerDay: 10 }));
		const text = describePlan(plan, 10, date);
		expect(text.ok).toBe(false);
		expect(text.verdict).toContain('时间不够');
		expect(text.verdict).toContain(`教材拓展 75 张`);
		expect(text.verdict).toContain(`每天约 ${plan.minutesNeeded} 分钟才能覆盖全部`);
	});
});

describe('describePlan when time is short', () => {
	it('says by when the cards that fit are seen, not the whole course', () => {
		const plan = buildPlan(input({ examAt: examIn(14), minutesPerDay: 20 }));
		expect(plan.fits).toBe(false);
		const text = describePlan(plan, 20, (t) => String(t));
		expect(text.lines[1]).toContain(`时间排得下的 ${plan.order.length} 张卡片（共 750 张）`);
	});
});
