/** The checks pages run on what they read from the store. */
import { describe, expect, it } from 'vitest';
import { readClassSettings, readSetting, readStudySettings, settingsNotice, siftAttempts, siftCardStates, siftMistakes, siftReviews, skippedNotice } from '../../../src/lib/formats/records';
import { DEFAULT_SETTINGS } from '../../../src/lib/srs/settings';
import { sampleData } from './samples';

const good = sampleData();

describe('stored records', () => {
	it('skips damaged reviews, attempts and mistakes, keeps the rest in order, and counts them', () => {
		const reviews = siftReviews([{ toString: 0 }, ...good.reviews, { ...good.reviews[0], rating: 9 }]);
		expect(reviews.valid).toEqual(good.reviews);
		expect(reviews.skipped).toBe(2);
		expect(reviews.firstProblem).toBe('缺少 reviews[0].id');
		const attempts = siftAttempts([{ ...good.attempts[0], data: {} }, good.attempts[0], null]);
		expect(attempts.valid).toEqual(good.attempts);
		expect(attempts.skipped).toBe(2);
		const mistakes = siftMistakes([{ questionId: 'q', data: null }, ...good.mistakes, { questionId: 'other', data: good.mistakes[0]!.data }]);
		expect(mistakes.valid).toEqual(good.mistakes);
		expect(mistakes.skipped).toBe(2);
		expect(siftReviews('not a list')).toMatchObject({ valid: [], skipped: 1 });
	});

	it('skips damaged card states by id', () => {
		const states = new Map<string, unknown>([
			['ok', good.cards[0]!.state],
			['bad', { ...good.cards[0]!.state, due: '明天' }],
			['worse', null]
		]);
		const r = siftCardStates(states);
		expect([...r.valid.keys()]).toEqual(['ok']);
		expect(r.skipped).toBe(2);
	});

	it('study settings: a damaged field falls back to its default, the others are kept', () => {
		const r = readStudySettings({ retention: 5, examDate: 20261225, newPerDay: 35, reverseCards: true, planExcluded: ['a', 7], minutesPerDay: 45, toString: 0 });
		expect(r.settings).toEqual({ ...DEFAULT_SETTINGS, newPerDay: 35, reverseCards: true, minutesPerDay: 45 });
		expect(r.bad).toEqual(['retention', 'examDate', 'planExcluded']);
		expect(readStudySettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, bad: [] });
		expect(readStudySettings('x').bad).toEqual(['study']);
		// Settings saved before a field existed simply lack it.
		expect(readStudySettings({ retention: 0.8 })).toEqual({ settings: { ...DEFAULT_SETTINGS, retention: 0.8 }, bad: [] });
	});

	it('other settings: damaged means never set', () => {
		expect(readSetting('decks', 'my decks')).toEqual({ value: undefined, damaged: true });
		expect(readSetting('decks', [{}]).damaged).toBe(true);
		expect(readSetting('decks', undefined)).toEqual({ value: undefined, damaged: false });
		expect(readSetting('mistakesClearAfter', 3)).toEqual({ value: 3, damaged: false });
		expect(readSetting('mistakesClearAfter', { toString: 0 }).damaged).toBe(true);
		expect(readSetting('practiceResume', { 'single|a': -1 }).damaged).toBe(true);
	});

	it('says how many were skipped and where to recover them', () => {
		expect(skippedNotice(2, '测验记录')).toMatch(/^有 2 条测验记录已损坏，已跳过/);
		expect(settingsNotice(['retention', 'examDate'])).toMatch(/^学习设置中有 2 项已损坏（目标记忆保持率、考试日期），已恢复为默认值/);
	});
});

describe('a class’s settings on the teacher’s side', () => {
	it('keeps good fields and falls back field by field when one is damaged', () => {
		const roster = [{ number: '2024001', name: '张三' }];
		expect(readClassSettings({ selfMarks: true, roster })).toEqual({ selfMarks: true, roster });
		expect(readClassSettings({ selfMarks: 'yes', roster })).toEqual({ selfMarks: false, roster });
		expect(readClassSettings({ selfMarks: true, roster: [{ number: 1, name: '张三' }] })).toEqual({ selfMarks: true, roster: [] });
		expect(readClassSettings(undefined)).toEqual({ selfMarks: false, roster: [] });
		expect(readClassSettings('garbage')).toEqual({ selfMarks: false, roster: [] });
	});
});
