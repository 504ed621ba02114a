/**
 * The instructor's side: assignments they made and the classes they imported, kept in the
 * progress store until cleared. Grading and checks come from $lib/quiz and $lib/formats.
 */
import { app } from './app.svelte';
import { LOAD_ERROR, bankIndex, emptyIndex, fetchQuestions, type BankQuestion } from './quiz.svelte';
import { fetchQuestionIndex } from './question-index';
import type { PaperQuestion } from '$lib/quiz/paper';
import { decodeAssignment, encodeAssignment, extractCode, storedAssignmentSchema, type Assignment } from '$lib/formats/assignment-link';
import { readClassSettings, sift } from '$lib/formats/records';
import { classEntrySchema, sizeProblem } from '$lib/formats/result-file';
import { collectResults, type ClassEntry, type CollectOutcome } from '$lib/quiz/collect';
import type { RosterEntry } from '$lib/quiz/roster';

/** Per-assignment class settings, kept in the settings store under one key per assignment. */
export interface ClassSettings {
	/** Count students' self-marking of 名词解释/简答 until the teacher marks them. */
	selfMarks: boolean;
	roster: RosterEntry[];
}

export const DEFAULT_CLASS_SETTINGS: ClassSettings = { selfMarks: false, roster: [] };
const classKey = (assignmentId: string) => `teach.class.${assignmentId}`;

export interface SavedAssignment {
	id: string;
	code: string;
	createdAt: number;
	assignment: Assignment;
}

/** Random assignment id: short, URL-safe, and unlikely to repeat across a teacher's classes. */
export function newAssignmentId(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(6));
	return Array.from(bytes, (b) => 'abcdefghijklmnopqrstuvwxyz0123456789'[b % 36]).join('');
}

export class TeachData {
	/** The bank's index (ids, chapters, types, option keys: a twentieth of the bank), enough to draw a paper and total its marks. */
	index = $state.raw<PaperQuestion[]>([]);
	/** The whole bank, loaded only for what shows or grades questions (see loadBank). */
	questions = $state.raw<BankQuestion[]>([]);
	byId = $state.raw<Map<string, BankQuestion>>(emptyIndex());
	assignments = $state.raw<SavedAssignment[]>([]);
	loaded = $state(false);
	error = $state<string | null>(null);

	chapterIds: ReadonlySet<string> = new Set();

	/**
	 * Reads the saved assignments, with the bank's index (`withIndex`, for /teach). The bank itself
	 * (about 100 KB gz, and its parse a long task on a phone) waits until a page shows or grades
	 * questions: see loadBank().
	 */
	async load(chapterIds: ReadonlySet<string>, withIndex = true) {
		this.chapterIds = chapterIds;
		try {
			const [index, store] = await Promise.all([withIndex ? fetchQuestionIndex() : null, app.store()]);
			const saved = await store.read((b) => b.getAssignments(), []);
			if (index) this.index = index;
			this.assignments = app
				.sifted(sift(storedAssignmentSchema, saved, 'assignments'), '作业')
				.map((s) => ({ id: s.id, code: s.code, createdAt: s.createdAt, assignment: s.data }))
				.sort((a, b) => b.createdAt - a.createdAt);
			this.loaded = true;
		} catch {
			this.error = LOAD_ERROR;
		}
	}

	/** Fetches the bank if it is not here yet; false (and the error shown) when it cannot be had. */
	async loadBank(): Promise<boolean> {
		try {
			await this.requireBank();
			return true;
		} catch {
			this.error = LOAD_ERROR;
			return false;
		}
	}

	/** The bank, for a part of a page that can fail alone: throws, and leaves `error` alone. */
	async requireBank() {
		if (!this.byId.size) await this.setBank(await fetchQuestions());
	}

	private async setBank(questions: BankQuestion[]) {
		const byId = await bankIndex(questions);
		this.questions = questions;
		this.byId = byId;
	}

	get known() {
		return { questionIds: new Set(this.byId.keys()), chapterIds: this.chapterIds };
	}

	find(id: string | null): SavedAssignment | null {
		return this.assignments.find((a) => a.id === id) ?? null;
	}

	async save(assignment: Assignment, now = Date.now()): Promise<SavedAssignment> {
		const saved: SavedAssignment = { id: assignment.id, code: encodeAssignment(assignment), createdAt: now, assignment };
		this.assignments = [saved, ...this.assignments.filter((a) => a.id !== saved.id)];
		const store = await app.store();
		await store.write((b) => b.putAssignment({ id: saved.id, code: saved.code, createdAt: now, data: $state.snapshot(assignment) as Assignment }));
		return saved;
	}

	/** Adds an assignment from its link (made on another device); returns a message on failure. */
	async addByLink(text: string): Promise<{ ok: true; saved: SavedAssignment } | { ok: false; message: string }> {
		if (!(await this.loadBank())) return { ok: false, message: LOAD_ERROR };
		const code = extractCode(text);
		const decoded = decodeAssignment(code, this.known);
		if (!decoded.ok) return { ok: false, message: decoded.error.message };
		const existing = this.find(decoded.assignment.id);
		if (existing) return { ok: true, saved: existing };
		return { ok: true, saved: await this.save(decoded.assignment) };
	}

	/** Deletes the assignment and its imported class. */
	async remove(id: string) {
		this.assignments = this.assignments.filter((a) => a.id !== id);
		const store = await app.store();
		await store.write((b) => b.deleteAssignment(id));
	}

	async entries(assignmentId: string): Promise<ClassEntry[]> {
		const store = await app.store();
		return app.sifted(sift(classEntrySchema, await store.read((b) => b.getClassEntries(assignmentId), []), 'classResults'), '学生结果');
	}

	/** Checks the files and stores the good ones in one transaction; the rest are reported. */
	async importFiles(target: SavedAssignment, files: readonly File[], existing: readonly ClassEntry[], now = Date.now()): Promise<CollectOutcome> {
		// A file too big to be a result is judged by its size alone, without reading it.
		const texts = await Promise.all(
			files.map(async (f) => ({ name: f.name, size: f.size, text: sizeProblem(f.size) ? '' : await f.text().catch(() => '') }))
		);
		await this.loadBank();
		const known = new Map(this.assignments.map((a) => [a.id, a.assignment]));
		const outcome = collectResults(texts, target.assignment, known, existing, this.questions, now);
		if (outcome.accepted.length) {
			const store = await app.store();
			await store.write((b) => b.addClassEntries(outcome.accepted));
		}
		return outcome;
	}

	/** Saves one result with the teacher's marking of its 名词解释/简答. */
	async saveEntry(entry: ClassEntry) {
		const store = await app.store();
		await store.write((b) => b.addClassEntries([$state.snapshot(entry) as ClassEntry]));
	}

	/** Entries the teacher chose to import despite a name/number clash. */
	async acceptEntries(entries: readonly ClassEntry[]) {
		const store = await app.store();
		await store.write((b) => b.addClassEntries(entries.map((e) => $state.snapshot(e) as ClassEntry)));
	}

	/** Deletes one student's files from the class (marked removed, in one transaction); they can be imported again. */
	async removeEntries(entries: readonly ClassEntry[], now = Date.now()): Promise<ClassEntry[]> {
		const removed = entries.map((e) => ({ ...($state.snapshot(e) as ClassEntry), removedAt: now }));
		const store = await app.store();
		await store.write((b) => b.addClassEntries(removed));
		return removed;
	}

	async classSettings(assignmentId: string): Promise<ClassSettings> {
		const store = await app.store();
		const saved = await store.read((b) => b.getSetting<unknown>(classKey(assignmentId)), undefined);
		// Damaged fields fall back to the defaults (off, no roster); the other field is kept.
		return readClassSettings(saved);
	}

	async saveClassSettings(assignmentId: string, settings: ClassSettings) {
		const store = await app.store();
		await store.write((b) => b.putSetting(classKey(assignmentId), $state.snapshot(settings)));
	}

	async clearClass(assignmentId: string) {
		const store = await app.store();
		await store.write((b) => b.clearClass(assignmentId));
	}
}
