/**
 * Merging two copies of a learner's data: a restore today, a sync between devices later.
 *
 * The review log is the truth. Reviews are united by id, and a card whose two logs differ on
 * both sides is rebuilt by replaying its reviews in time order; a card whose log on one side
 * already contains the other's keeps that side's state as it is (so restoring an old backup
 * changes nothing and a card is only recomputed when it has to be). Attempts and mistakes are
 * united by id, keeping the newer copy. Settings are newest-wins per field, by the timestamps
 * kept under SETTINGS_STAMPS. On a tie the local copy stays, so merge(x, x) is x.
 *
 * Pure: no clock, no storage. The replay is passed in, so the caller decides the scheduler.
 */
import type { BackupData } from '../formats/backup';
import type { CardState, Grade, ReviewEntry } from '../srs/scheduler';

/** The settings record that holds, per setting field, when it was last changed (ms). */
export const SETTINGS_STAMPS = 'settingsUpdatedAt';
/** The settings record whose fields are merged one by one (the study settings). */
export const FIELD_SETTINGS = ['study'] as const;

export type Stamps = Record<string, number>;

/** Rebuilds one card from its reviews (sorted by time): the final state and the rewritten log. */
export type Replay = (cardId: string, reviews: readonly ReviewEntry[]) => { state: CardState; reviews: ReviewEntry[] };

export interface MergeChanges {
	/** Reviews the result has that local did not. */
	reviewsAdded: number;
	/** Cards whose stored state differs from local's (new cards included). */
	cardsChanged: number;
	attemptsAdded: number;
	attemptsUpdated: number;
	mistakesAdded: number;
	mistakesUpdated: number;
	/** Setting fields that take the incoming value, e.g. "study.newPerDay" or "decks". */
	settingsChanged: string[];
}

export interface MergeResult {
	result: BackupData;
	changes: MergeChanges;
}

/** Anything with a `rate` like Scheduler's: enough to replay a log. */
export interface Rater {
	rate(cardId: string, prev: CardState | null, rating: Grade, now: Date, origin?: ReviewEntry['origin']): { state: CardState; entry: ReviewEntry };
}

const byTime = (a: ReviewEntry, b: ReviewEntry) => a.review - b.review || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Replays a card's reviews with a scheduler. The first review starts from the state it
 * recorded as `prev` (null for a new card), so a log that starts mid-way still replays; each
 * later review gets `prev` recomputed, so undo keeps restoring exactly the state before it.
 */
export function replayWith(rater: Rater): Replay {
	return (cardId, reviews) => {
		const sorted = [...reviews].sort(byTime);
		let state: CardState | null = sorted[0]?.prev ?? null;
		const out: ReviewEntry[] = [];
		for (const r of sorted) {
			const next = rater.rate(cardId, state, r.rating, new Date(r.review), r.origin);
			out.push({ ...next.entry, id: r.id, review: r.review, prev: state, origin: r.origin });
			state = next.state;
		}
		if (!state) throw new Error(`replay of ${cardId} needs at least one review`);
		return { state, reviews: out };
	};
}

/** Structural equality for plain JSON-like data (records read back from IndexedDB or a file). */
export function same(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	const ka = Object.keys(a);
	const kb = Object.keys(b);
	if (ka.length !== kb.length) return false;
	return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function stampsOf(settings: BackupData['settings']): Stamps {
	const v = settings.find((s) => s.key === SETTINGS_STAMPS)?.value;
	const out: Stamps = {};
	if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
		for (const [k, t] of Object.entries(v)) if (typeof t === 'number' && Number.isFinite(t)) out[k] = t;
	}
	return out;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Newest-wins per setting (per field for the study settings); local wins ties. */
function mergeSettings(local: BackupData['settings'], incoming: BackupData['settings']) {
	const ls = stampsOf(local);
	const is = stampsOf(incoming);
	const lmap = new Map(local.filter((s) => s.key !== SETTINGS_STAMPS).map((s) => [s.key, s.value]));
	const imap = new Map(incoming.filter((s) => s.key !== SETTINGS_STAMPS).map((s) => [s.key, s.value]));
	const changed: string[] = [];
	const stamps: Stamps = { ...ls };
	const out = new Map(lmap);
	const takeIncoming = (name: string, hasLocal: boolean) => {
		const li = ls[name] ?? 0;
		const ii = is[name] ?? 0;
		return !hasLocal || ii > li;
	};
	for (const [key, ivalue] of imap) {
		const fielded = (FIELD_SETTINGS as readonly string[]).includes(key);
		if (fielded && isRecord(ivalue)) {
			const lvalue = lmap.get(key);
			const merged: Record<string, unknown> = isRecord(lvalue) ? { ...lvalue } : {};
			for (const [field, v] of Object.entries(ivalue)) {
				const name = `${key}.${field}`;
				if (takeIncoming(name, Object.prototype.hasOwnProperty.call(merged, field))) {
					if (!same(merged[field], v)) changed.push(name);
					merged[field] = v;
					if (is[name] !== undefined) stamps[name] = Math.max(is[name]!, ls[name] ?? 0);
				}
			}
			out.set(key, merged);
		} else if (takeIncoming(key, lmap.has(key))) {
			if (!same(lmap.get(key), ivalue)) changed.push(key);
			out.set(key, ivalue);
			if (is[key] !== undefined) stamps[key] = Math.max(is[key]!, ls[key] ?? 0);
		}
	}
	const settings = [...out].map(([key, value]) => ({ key, value }));
	if (Object.keys(stamps).length) settings.push({ key: SETTINGS_STAMPS, value: stamps });
	return { settings, changed };
}

/** The moment a 错题本 entry last changed, when its data says so. */
function mistakeTime(m: { data: unknown }): number {
	const d = m.data;
	return isRecord(d) && typeof d.lastMissedAt === 'number' ? d.lastMissedAt : 0;
}

/** Unites two keyed lists; `newer(i, l)` says the incoming copy replaces the local one. */
function unite<T>(local: readonly T[], incoming: readonly T[], key: (x: T) => string, newer: (i: T, l: T) => boolean) {
	const out = new Map(local.map((x) => [key(x), x]));
	let added = 0;
	let updated = 0;
	for (const x of incoming) {
		const k = key(x);
		const l = out.get(k);
		if (l === undefined) {
			out.set(k, x);
			added++;
		} else if (newer(x, l) && !same(x, l)) {
			out.set(k, x);
			updated++;
		}
	}
	return { items: [...out.values()], added, updated };
}

/**
 * The merge as steps: yields how many cards are done out of how many, so a caller can show
 * progress and give the page a breath between chunks; returns the result.
 */
export function* mergeSteps(local: BackupData, incoming: BackupData, replay: Replay, chunk = 200): Generator<{ done: number; total: number }, MergeResult> {
	const group = (rs: readonly ReviewEntry[]) => {
		const m = new Map<string, Map<string, ReviewEntry>>();
		for (const r of rs) {
			let g = m.get(r.cardId);
			if (!g) m.set(r.cardId, (g = new Map()));
			g.set(r.id, r);
		}
		return m;
	};
	const lrev = group(local.reviews);
	const irev = group(incoming.reviews);
	const lcards = new Map(local.cards.map((c) => [c.id, c.state]));
	const icards = new Map(incoming.cards.map((c) => [c.id, c.state]));
	const ids = [...new Set([...lcards.keys(), ...icards.keys(), ...lrev.keys(), ...irev.keys()])];

	const cards: BackupData['cards'] = [];
	const reviews: ReviewEntry[] = [];
	let cardsChanged = 0;
	let reviewsAdded = 0;
	const newer = (a: CardState | undefined, b: CardState | undefined) => (a?.last_review ?? -Infinity) > (b?.last_review ?? -Infinity);

	for (let i = 0; i < ids.length; i++) {
		if (i > 0 && i % chunk === 0) yield { done: i, total: ids.length };
		const id = ids[i]!;
		const l = lrev.get(id) ?? new Map<string, ReviewEntry>();
		const inc = irev.get(id) ?? new Map<string, ReviewEntry>();
		const lstate = lcards.get(id);
		const istate = icards.get(id);
		const incomingHasAll = [...l.keys()].every((k) => inc.has(k));
		const localHasAll = [...inc.keys()].every((k) => l.has(k));
		let state: CardState | undefined;
		let log: ReviewEntry[];
		if (localHasAll && (lstate || l.size === 0) && !(l.size === 0 && newer(istate, lstate))) {
			// Nothing new for this card: local stays exactly as it is.
			state = lstate ?? istate;
			log = [...l.values()];
		} else if (incomingHasAll && (istate || inc.size === 0)) {
			state = istate ?? lstate;
			log = [...inc.values()];
		} else {
			// Local's copy of a review both sides have (same id, same event) wins the key.
			const united = new Map([...inc, ...l]);
			const replayed = replay(id, [...united.values()]);
			state = replayed.state;
			log = replayed.reviews;
		}
		if (state) {
			cards.push({ id, state });
			if (!lstate || !same(lstate, state)) cardsChanged++;
		}
		for (const r of log) {
			if (!l.has(r.id)) reviewsAdded++;
			reviews.push(r);
		}
	}

	const attempts = unite(local.attempts, incoming.attempts, (a) => a.id, (i, l) => i.updatedAt > l.updatedAt);
	const mistakes = unite(local.mistakes, incoming.mistakes, (m) => m.questionId, (i, l) => mistakeTime(i) > mistakeTime(l));
	const settings = mergeSettings(local.settings, incoming.settings);
	return {
		result: { cards, reviews, attempts: attempts.items, mistakes: mistakes.items, settings: settings.settings },
		changes: {
			reviewsAdded,
			cardsChanged,
			attemptsAdded: attempts.added,
			attemptsUpdated: attempts.updated,
			mistakesAdded: mistakes.added,
			mistakesUpdated: mistakes.updated,
			settingsChanged: settings.changed
		}
	};
}

/** The whole merge at once. */
export function merge(local: BackupData, incoming: BackupData, replay: Replay): MergeResult {
	const steps = mergeSteps(local, incoming, replay);
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}

/** The merge in chunks, pausing between them (`pause` yields to the page) and reporting progress. */
export async function mergeInChunks(
	local: BackupData,
	incoming: BackupData,
	replay: Replay,
	onProgress: (done: number, total: number) => void,
	pause: () => Promise<void>
): Promise<MergeResult> {
	const steps = mergeSteps(local, incoming, replay);
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
		onProgress(step.value.done, step.value.total);
		await pause();
	}
}

export function hasChanges(c: MergeChanges): boolean {
	return c.reviewsAdded + c.cardsChanged + c.attemptsAdded + c.attemptsUpdated + c.mistakesAdded + c.mistakesUpdated + c.settingsChanged.length > 0;
}

/** "将新增 120 条复习记录，3 张卡片状态将更新，…": what a restore will do, in words. */
export function describeChanges(c: MergeChanges): string {
	const parts: string[] = [];
	if (c.reviewsAdded) parts.push(`将新增 ${c.reviewsAdded} 条复习记录`);
	if (c.cardsChanged) parts.push(`${c.cardsChanged} 张卡片状态将更新`);
	if (c.attemptsAdded) parts.push(`将新增 ${c.attemptsAdded} 次测验`);
	if (c.attemptsUpdated) parts.push(`${c.attemptsUpdated} 次测验将更新为较新的记录`);
	if (c.mistakesAdded) parts.push(`错题本将新增 ${c.mistakesAdded} 道题`);
	if (c.mistakesUpdated) parts.push(`${c.mistakesUpdated} 道错题将更新`);
	if (c.settingsChanged.length) parts.push(`${c.settingsChanged.length} 项设置将采用备份中较新的值`);
	if (!parts.length) return '备份中的内容本机都已有，导入不会改变任何记录。';
	return `${parts.join('，')}。本机已有的记录不会丢失。`;
}
