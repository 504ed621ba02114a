/**
 * Property tests: hostile JSON at every parser of user-supplied data. Whatever arrives, the
 * parser returns (never throws), a rejection carries a Chinese message, a bad field is named,
 * and whatever a parser accepts can be read back by every page's record checks.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { decodeAssignment, extractCode, validateAssignment } from '../../../src/lib/formats/assignment-link';
import { parseBackup } from '../../../src/lib/formats/backup';
import { readSetting, readStudySettings, siftAttempts, siftCardStates, siftMistakes, siftReviews, sift, storedCardSchema, storedSettingSchema } from '../../../src/lib/formats/records';
import { parseResultFile } from '../../../src/lib/formats/result-file';
import { IdbBackend } from '../../../src/lib/storage/store';
import { smallBank } from '../fixtures';
import { CHINESE, HOSTILE, paths, replaced, sampleAssignment, sampleBackup, sampleData, samplePositional, sampleResult, signedCode } from './samples';

const bank = smallBank();
const known = { questionIds: new Set(bank.map((q) => q.id)), chapterIds: new Set(['a', 'b', 'c']) };

const NASTY_KEYS = ['toString', 'valueOf', '__proto__', 'constructor', 'hasOwnProperty', 'format', 'version', 'cards', 'reviews', 'attempts', 'mistakes', 'settings', 'data', 'key', 'value', 'type', 'state', 'v'];

/** JSON with the keys that trip naive code, and the values that do. */
const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
	value: fc.oneof(
		{ depthSize: 'small', withCrossShrink: true },
		fc.constantFrom(...HOSTILE),
		fc.jsonValue({ maxDepth: 2 }),
		fc.array(tie('value'), { maxLength: 4 }),
		fc.dictionary(fc.oneof(fc.constantFrom(...NASTY_KEYS), fc.string()), tie('value'), { maxKeys: 5 })
	)
})).value;

/** A JSON text as a file would hold it: hostile JSON, or a well-formed file with a hostile part. */
const asText = (x: unknown) => JSON.stringify(x) ?? 'null';
const deep = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const huge = (n: number) => `[${Array.from({ length: n }, () => '{"toString":0}').join(',')}]`;

function rejects(r: { ok: boolean; message?: string; error?: { message: string } }): string {
	expect(r.ok).toBe(false);
	const message = r.message ?? r.error?.message ?? '';
	expect(message).toMatch(CHINESE);
	return message;
}

/** Everything a page reads after a restore of this backup must pass that page's checks. */
function readableByEveryPage(data: ReturnType<typeof sampleData>) {
	expect(sift(storedCardSchema, data.cards, 'cards').skipped).toBe(0);
	expect(siftCardStates(new Map(data.cards.map((c) => [c.id, c.state]))).skipped).toBe(0);
	expect(siftReviews(data.reviews).skipped).toBe(0);
	expect(siftAttempts(data.attempts).skipped).toBe(0);
	expect(siftMistakes(data.mistakes).skipped).toBe(0);
	expect(sift(storedSettingSchema, data.settings, 'settings').skipped).toBe(0);
	for (const s of data.settings) {
		if (s.key === 'study') expect(readStudySettings(s.value).bad).toEqual([]);
		else if (s.key === 'decks' || s.key === 'mistakesClearAfter' || s.key === 'practiceResume' || s.key === 'mockSetup') expect(readSetting(s.key, s.value).damaged).toBe(false);
	}
}

describe('backup files against hostile input', () => {
	it('arbitrary JSON never throws and is refused in Chinese', () => {
		fc.assert(
			fc.property(hostileJson, (x) => {
				rejects(parseBackup(asText(x), 'x.json'));
			}),
			{ numRuns: 400 }
		);
	});

	it('a valid file with any hostile value in any section is refused or readable by every page', () => {
		fc.assert(
			fc.property(fc.constantFrom('cards', 'reviews', 'attempts', 'mistakes', 'settings'), hostileJson, (section, x) => {
				const file = { ...sampleBackup(), [section]: [...sampleBackup()[section], x] };
				const r = parseBackup(asText(file), 'x.json');
				if (r.ok) readableByEveryPage(r.backup);
				else expect(r.message).toMatch(new RegExp(`${section}\\[`));
			}),
			{ numRuns: 300 }
		);
	});

	it('every field of a valid file, replaced by each hostile value: no throw, the field named', () => {
		const file = sampleBackup();
		let refused = 0;
		for (const path of paths(file)) {
			if (path.length === 1 && (path[0] === 'format' || path[0] === 'version')) continue;
			for (const bad of HOSTILE) {
				const r = parseBackup(asText(replaced(file, path, bad)), 'x.json');
				if (r.ok) {
					readableByEveryPage(r.backup);
					continue;
				}
				refused++;
				// The message names the deepest field that is wrong: the one replaced, or one inside it.
				const named = path.filter((k) => k !== 'value' || path.length < 3).map((k) => (typeof k === 'number' ? `[${k}]` : k));
				for (const part of named) expect(r.message, `${path.join('.')} ← ${asText(bad)}`).toContain(part);
				expect(r.message).toMatch(/原有的学习进度没有改动/);
			}
		}
		expect(refused).toBeGreaterThan(500);
	}, 120_000);

	it('huge arrays and deep nesting are refused quickly', () => {
		const file = asText(sampleBackup());
		const texts = [
			deep(100_000),
			file.replace('"reviews":[', `"reviews":[${deep(5000)},`),
			file.replace('"attempts":[', `"attempts":${huge(100_000).slice(0, -1)},`),
			file.replace('"exportedAt":', `"junk":${deep(10_000)},"exportedAt":`).replace('"cards":[', '"cards":[{"id":"x","state":' + deep(3000) + '},')
		];
		for (const t of texts) {
			const started = performance.now();
			let r: ReturnType<typeof parseBackup> | undefined;
			try {
				r = parseBackup(t, 'x.json');
			} catch (e) {
				// JSON.parse itself may run out of stack on absurd nesting; that must still be a message.
				throw new Error(`threw ${String(e)}`);
			}
			rejects(r);
			expect(performance.now() - started).toBeLessThan(2000);
		}
	});

	describe('a refused restore leaves the store exactly as it was', () => {
		beforeEach(() => {
			globalThis.indexedDB = new IDBFactory();
		});

		it('for arbitrary hostile files', async () => {
			const backend = await IdbBackend.open(() => {}, 'restore-prop');
			await backend.importAll(sampleData());
			const before = await backend.exportAll();
			await fc.assert(
				fc.asyncProperty(hostileJson, fc.constantFrom(...paths(sampleBackup())), async (bad, path) => {
					for (const text of [asText(bad), asText(replaced(sampleBackup(), path, bad))]) {
						// What the 设置 page does: only a file that parses is written.
						const parsed = parseBackup(text, 'x.json');
						if (parsed.ok) continue;
						expect(parsed.message).toMatch(CHINESE);
					}
					expect(await backend.exportAll()).toEqual(before);
				}),
				{ numRuns: 60 }
			);
			backend.close();
		});
	});
});

describe('result files against hostile input', () => {
	it('arbitrary JSON never throws and is refused in Chinese', () => {
		fc.assert(
			fc.property(hostileJson, (x) => {
				rejects(parseResultFile(asText(x), 'r.json'));
				rejects(parseResultFile(asText({ format: 'crm-study-result', version: 1, checksum: 'ab', ...(typeof x === 'object' && x && !Array.isArray(x) ? x : { x }) }), 'r.json'));
			}),
			{ numRuns: 400 }
		);
	});

	it('every field of a valid file, replaced by each hostile value: no throw, refused', () => {
		const file = sampleResult();
		for (const path of paths(file)) {
			for (const bad of HOSTILE) {
				const changed = replaced(file, path, bad);
				if (asText(changed) === asText(file)) continue;
				const r = parseResultFile(asText(changed), 'r.json');
				if (r.ok) throw new Error(`accepted ${path.join('.')} ← ${asText(bad)}`);
				expect(r.error.message).toMatch(CHINESE);
				if (r.error.kind === 'malformed' && path[0] !== 'assignment') {
					const last = path.at(-1)!;
					expect(r.error.message, path.join('.')).toContain(typeof last === 'number' ? `[${last}]` : last);
				}
			}
		}
	});

	it('says a file is too large before reading it as JSON', () => {
		const r = parseResultFile(' '.repeat(5 * 1024 * 1024), 'big.json');
		expect(r.ok || r.error.kind).toBe('too-large');
		if (!r.ok) expect(r.error.message).toContain('文件太大（5.0 MB），结果文件通常小于 100 KB，请确认选对了文件');
	});
});

describe('assignment links against hostile input', () => {
	it('any raw text, percent signs included, never throws', () => {
		const raw = fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom('%', 'E', '0', 'A', '4', '.', '1', '?', 'a', '=', '&', '#') }));
		fc.assert(
			fc.property(raw, (t) => {
				for (const input of [t, `https://x.test/assignment?a=${t}`, `?a=${t}`]) {
					const code = extractCode(input);
					const r = decodeAssignment(code, known);
					if (!r.ok) expect(r.error.message).toMatch(CHINESE);
				}
			}),
			{ numRuns: 500 }
		);
	});

	it('any signed payload never throws and is refused in Chinese', () => {
		fc.assert(
			fc.property(hostileJson, (x) => {
				rejects(decodeAssignment(signedCode(x), known));
				expect(validateAssignment(x)).toMatch(CHINESE);
			}),
			{ numRuns: 400 }
		);
	});

	it('each position of a valid payload, replaced by each hostile value: no throw, refused', () => {
		expect(decodeAssignment(signedCode(samplePositional()), known)).toEqual({ ok: true, assignment: sampleAssignment });
		let refused = 0;
		for (const path of paths(samplePositional())) {
			for (const bad of HOSTILE) {
				const r = decodeAssignment(signedCode(replaced(samplePositional(), path, bad)), known);
				// Some replacements are valid ('x' is a fine id, null a fine time limit or seed).
				if (r.ok) expect(validateAssignment(r.assignment)).toBeNull();
				else {
					refused++;
					expect(r.error.message).toMatch(CHINESE);
				}
			}
		}
		expect(refused).toBeGreaterThan(150);
	});
});

describe('stored-record checks against hostile records', () => {
	it('never throw, and keep exactly the good records', () => {
		const good = sampleData();
		fc.assert(
			fc.property(fc.array(hostileJson, { maxLength: 5 }), (junk) => {
				const mix = <T,>(xs: T[]) => [...junk, ...xs, ...junk];
				expect(siftReviews(mix(good.reviews)).valid).toEqual(good.reviews);
				expect(siftAttempts(mix(good.attempts)).valid).toEqual(good.attempts);
				expect(siftMistakes(mix(good.mistakes)).valid).toEqual(good.mistakes);
				expect(siftCardStates(new Map(junk.map((j, i) => [`junk${i}`, j]))).valid.size).toBe(0);
				for (const j of junk) {
					const s = readStudySettings(j);
					expect(s.settings.retention).toBeGreaterThanOrEqual(0.7);
					for (const key of ['decks', 'mistakesClearAfter', 'practiceResume', 'mockSetup'] as const) readSetting(key, j);
				}
			}),
			{ numRuns: 300 }
		);
	});
});
