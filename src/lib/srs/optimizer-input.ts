/**
 * The learner's review log as the FSRS optimizer's training set, and the evaluation that
 * decides whether fitted parameters are worth using (log loss and RMSE over bins of the
 * predicted recall, as Anki's 评估 and fsrs-rs report them).
 *
 * FSRS conventions (fsrs-rs, which fsrs-browser runs): a card's history is its reviews in
 * time order, each with the rating (1–4) and delta_t, the number of whole study days since
 * the previous review (0 for the first review and for same-day learning or relearning
 * steps). Every review that comes at least a day after the previous one is one training item:
 * the history up to and including it, the outcome being "recalled" unless rated 重来.
 */
import { fsrs, State, type FSRSState } from 'ts-fsrs';
import type { ReviewEntry } from './scheduler';

/** Enough data for the fitted parameters to beat the defaults reliably (Anki asks for about as much). */
export const MIN_REVIEWS = 400;
export const MIN_DAYS = 7;

const DAY_MS = 86_400_000;

/** The study day a moment falls on: days roll over at `dayStartHour` local time, not at midnight. */
export function studyDay(ms: number, dayStartHour: number, utcOffsetMinutes: number): number {
	return Math.floor((ms + utcOffsetMinutes * 60_000 - dayStartHour * 3_600_000) / DAY_MS);
}

export interface DayReview {
	rating: number;
	day: number;
}

/**
 * Each card's reviews in time order, with study-day numbers. A card whose log does not start
 * with its first learning (a partial log) is left out: its memory state at the first logged
 * review is unknown, so it would only mislead the fit.
 */
export function reviewHistories(entries: readonly ReviewEntry[], dayStartHour: number, utcOffsetMinutes: number): DayReview[][] {
	const byCard = new Map<string, ReviewEntry[]>();
	for (const e of entries) {
		if (!Number.isInteger(e.rating) || e.rating < 1 || e.rating > 4 || !Number.isFinite(e.review)) continue;
		const list = byCard.get(e.cardId);
		if (list) list.push(e);
		else byCard.set(e.cardId, [e]);
	}
	const out: DayReview[][] = [];
	for (const list of byCard.values()) {
		list.sort((a, b) => a.review - b.review || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
		let first = -1;
		for (let i = list.length - 1; i >= 0; i--) {
			if (list[i]!.state === State.New) {
				first = i;
				break;
			}
		}
		if (first < 0) continue;
		out.push(list.slice(first).map((e) => ({ rating: e.rating, day: studyDay(e.review, dayStartHour, utcOffsetMinutes) })));
	}
	return out;
}

export interface FsrsReview {
	rating: number;
	delta_t: number;
}

/** The training items: every history prefix that ends in a review on a later day than the one before. */
export function trainingItems(histories: readonly DayReview[][]): FsrsReview[][] {
	const items: FsrsReview[][] = [];
	for (const h of histories) {
		const reviews = h.map((r, i) => ({ rating: r.rating, delta_t: i === 0 ? 0 : Math.max(0, r.day - h[i - 1]!.day) }));
		for (let i = 1; i < reviews.length; i++) {
			if (reviews[i]!.delta_t > 0) items.push(reviews.slice(0, i + 1));
		}
	}
	return items;
}

/** The flat arrays fsrs-browser's `computeParameters(ratings, delta_ts, lengths, …)` takes. */
export function packItems(items: readonly FsrsReview[][]): { ratings: Uint32Array; deltaTs: Uint32Array; lengths: Uint32Array } {
	const total = items.reduce((n, it) => n + it.length, 0);
	const ratings = new Uint32Array(total);
	const deltaTs = new Uint32Array(total);
	const lengths = new Uint32Array(items.length);
	let k = 0;
	items.forEach((it, i) => {
		lengths[i] = it.length;
		for (const r of it) {
			ratings[k] = r.rating;
			deltaTs[k] = r.delta_t;
			k++;
		}
	});
	return { ratings, deltaTs, lengths };
}

export interface Readiness {
	reviews: number;
	days: number;
	ready: boolean;
	/** How many more reviews and distinct study days are needed (0 when there are enough). */
	needReviews: number;
	needDays: number;
}

export function readiness(entries: readonly ReviewEntry[], dayStartHour: number, utcOffsetMinutes: number): Readiness {
	const days = new Set(entries.map((e) => studyDay(e.review, dayStartHour, utcOffsetMinutes))).size;
	const reviews = entries.length;
	const needReviews = Math.max(0, MIN_REVIEWS - reviews);
	const needDays = Math.max(0, MIN_DAYS - days);
	return { reviews, days, ready: needReviews === 0 && needDays === 0, needReviews, needDays };
}

export interface Evaluation {
	/** Mean binary cross-entropy of the predicted recall against what happened (lower is better). */
	logLoss: number;
	/** RMSE between mean predicted and actual recall over 20 bins of the prediction (lower is better). */
	rmseBins: number;
	/** Reviews evaluated: those at least a day after the card's previous review. */
	count: number;
}

/**
 * How well parameters predict this learner's own reviews: the memory state is replayed
 * through each card's history with ts-fsrs (the scheduler the app uses), and every review on
 * a later day is predicted from the state before it. `weights` null means the defaults.
 */
export function evaluate(histories: readonly DayReview[][], weights: readonly number[] | null): Evaluation {
	const model = fsrs({ enable_short_term: true, ...(weights ? { w: [...weights] } : {}) });
	const predicted: number[] = [];
	const actual: number[] = [];
	for (const h of histories) {
		let state: FSRSState | null = null;
		for (let i = 0; i < h.length; i++) {
			const r = h[i]!;
			const delta = i === 0 ? 0 : Math.max(0, r.day - h[i - 1]!.day);
			if (state && delta > 0) {
				predicted.push(model.forgetting_curve(delta, state.stability));
				actual.push(r.rating > 1 ? 1 : 0);
			}
			state = model.next_state(state, delta, r.rating);
		}
	}
	return { logLoss: logLoss(predicted, actual), rmseBins: rmseBins(predicted, actual), count: predicted.length };
}

export function logLoss(predicted: readonly number[], actual: readonly number[]): number {
	if (predicted.length === 0) return NaN;
	let sum = 0;
	predicted.forEach((p, i) => {
		const q = Math.min(1 - 1e-7, Math.max(1e-7, p));
		sum -= actual[i] ? Math.log(q) : Math.log(1 - q);
	});
	return sum / predicted.length;
}

/** fsrs-rs's calibration RMSE: predictions fall into 20 bins spaced finer towards 1, since most predictions are high. */
export function rmseBins(predicted: readonly number[], actual: readonly number[]): number {
	if (predicted.length === 0) return NaN;
	const bins = new Map<number, { p: number; y: number; n: number }>();
	const logBase = Math.log(21);
	predicted.forEach((p, i) => {
		const bin = Math.min(19, Math.max(0, Math.floor(Math.exp(p * logBase)) - 1));
		const b = bins.get(bin) ?? { p: 0, y: 0, n: 0 };
		b.p += p;
		b.y += actual[i]!;
		b.n += 1;
		bins.set(bin, b);
	});
	let sum = 0;
	for (const b of bins.values()) sum += ((b.p - b.y) / b.n) ** 2 * b.n;
	return Math.sqrt(sum / predicted.length);
}

/**
 * New parameters are used only if they predict this learner's reviews better: lower log loss
 * (what the optimizer minimises) without a worse calibration (RMSE).
 */
export function isBetter(before: Evaluation, after: Evaluation): boolean {
	return after.count > 0 && after.logLoss < before.logLoss && after.rmseBins <= before.rmseBins;
}

/** Float32 output of the optimizer, rounded so a stored value reads back exactly as evaluated. */
export function roundWeights(w: ArrayLike<number>): number[] {
	return Array.from(w, (x) => Math.round(x * 1e6) / 1e6);
}
