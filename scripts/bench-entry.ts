// Runs inside Chromium (bundled by scripts/bench.js): times the hot paths of a review session.
import { buildQueue } from '../src/lib/srs/queue';
import { Rating, Scheduler, State, newCardState, type CardState } from '../src/lib/srs/scheduler';
import { IdbBackend } from '../src/lib/storage/store';
import { createRng } from '../src/lib/random';

function stats(samples: number[]) {
	const s = [...samples].sort((a, b) => a - b);
	const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
	return { runs: s.length, median: at(0.5), p95: at(0.95), max: s[s.length - 1]! };
}

async function main() {
	const rng = createRng(42);
	const now = Date.parse('2026-06-01T08:00:00+08:00');
	const ids: string[] = [];
	const states = new Map<string, CardState>();
	for (let i = 0; i < 10_000; i++) {
		const id = `concept-${i}:card`;
		ids.push(id);
		if (rng() < 0.2) continue; // 20 % new
		const due = now + (rng() - 0.3) * 30 * 86_400_000;
		states.set(id, { ...newCardState(new Date(now)), state: State.Review, due, stability: 1 + rng() * 60, difficulty: 1 + rng() * 9, reps: 3, last_review: Math.min(now - 86_400_000, due - 10 * 86_400_000), scheduled_days: 10 });
	}
	const scheduler = new Scheduler({ retention: 0.9 });
	const input = { cardIds: ids, states, now, newPerDay: 20, newSeenToday: 0, dayStartHour: 4, utcOffsetMinutes: 480, retention: 0.9, scheduler, examDate: now + 14 * 86_400_000 };

	for (let i = 0; i < 5; i++) buildQueue(input); // warm-up
	const queueTimes: number[] = [];
	let last = buildQueue(input);
	for (let i = 0; i < 50; i++) {
		const t = performance.now();
		last = buildQueue(input);
		queueTimes.push(performance.now() - t);
	}

	const backend = await IdbBackend.open(() => {}, `bench-${Date.now()}`);
	const rateTimes: number[] = [];
	for (let i = 0; i < 120; i++) {
		const id = ids[i]!;
		const t = performance.now();
		const { state, entry } = scheduler.rate(id, states.get(id) ?? null, Rating.Good, new Date(now + i * 1000));
		await backend.saveReview(state, entry);
		if (i >= 20) rateTimes.push(performance.now() - t);
	}
	backend.close();
	return { queue: stats(queueTimes), rate: stats(rateTimes), due: last.due.length, exam: last.exam.length };
}

(window as unknown as { __bench: Promise<unknown> }).__bench = main();
