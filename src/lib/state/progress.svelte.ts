/** Loads what the progress page and the home summary show. The arithmetic is in $lib/stats. */
import { app } from './app.svelte';
import { studyDay } from './cards';
import { cardOverview } from './overview';
import type { ExamPlan } from '$lib/srs/plan';
import type { CardState, ReviewEntry } from '$lib/srs/scheduler';
import type { ChapterProgress } from '$lib/stats/progress';
import type { AttemptData } from '$lib/quiz/attempt';
import type { ChapterAccuracy, ScorePoint } from '$lib/stats/quiz';

export class ProgressData {
	states = $state.raw<Map<string, CardState>>(new Map());
	reviews = $state.raw<ReviewEntry[]>([]);
	attempts = $state.raw<AttemptData[]>([]);
	/** Mock-exam scores in time order, and accuracy per chapter (weakest first): only with `chapters`. */
	trend = $state.raw<ScorePoint[]>([]);
	accuracy = $state.raw<ChapterAccuracy[]>([]);
	/** The exam plan, or null without an exam date. */
	plan = $state.raw<ExamPlan | null>(null);
	/** Cards learned and mastered per chapter, in the order asked. */
	chapters = $state.raw<ChapterProgress[]>([]);
	loaded = $state(false);
	error = $state<string | null>(null);

	/**
	 * `chapters` (ids in course order) are for the progress page, which shows progress and quiz
	 * accuracy by chapter; the home page asks for neither, so it never loads the question bank.
	 */
	async load(chapters?: readonly string[]) {
		try {
			const store = await app.store();
			const { siftAttempts, siftCardStates, siftReviews } = await app.records();
			const [states, reviews, attempts] = await Promise.all([
				store.read((b) => b.getCardStates(), new Map<string, CardState>()),
				store.read((b) => b.getReviews(), [] as ReviewEntry[]),
				store.read((b) => b.getAttempts(), [])
			]);
			this.attempts = app.sifted(siftAttempts(attempts), '测验记录').map((a) => a.data);
			const sifted = { states: app.sifted(siftCardStates(states), '卡片记录'), reviews: app.sifted(siftReviews(reviews), '复习记录') };
			const now = Date.now();
			// The plan and the chapter counts walk every card: a worker makes them.
			const [overview, quiz] = await Promise.all([
				cardOverview({ ...sifted, now, day: studyDay(now), settings: $state.snapshot(app.settings), ...(chapters ? { chapters: [...chapters] } : {}) }),
				chapters ? this.#quizStats(this.attempts) : null
			]);
			if (quiz) {
				this.trend = quiz.trend;
				this.accuracy = quiz.accuracy;
			}
			this.states = sifted.states;
			this.reviews = sifted.reviews;
			this.plan = overview.plan;
			this.chapters = overview.chapters;
			this.loaded = true;
		} catch {
			this.error = '进度数据加载失败。请刷新本页；如果已离线，请先在联网时打开一次本页。';
		}
	}

	/** Marking answers per chapter needs the question bank and the marking code: loaded only here, and the bank only with attempts. */
	async #quizStats(attempts: AttemptData[]) {
		const { scoreTrend, weakestChapters } = await import('$lib/stats/quiz');
		const questions = attempts.length ? await import('./bank').then(({ bankIndex, fetchQuestions }) => fetchQuestions().then(bankIndex)) : new Map();
		return { trend: scoreTrend(attempts), accuracy: weakestChapters(attempts, questions) };
	}
}
