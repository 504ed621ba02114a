/** Pinyin keys for search, computed at build time so the browser never loads a dictionary. */
import { pinyin } from 'pinyin-pro';

export interface PinyinKeys {
	/** First letters, e.g. 客户终生价值 -> khzsjz */
	initials: string;
	/** Full syllables without tones or spaces, e.g. kehuzhongshengjiazhi */
	full: string;
}

export function pinyinKeys(text: string): PinyinKeys {
	const han = text.replace(/[^\u4e00-\u9fff]/g, '');
	if (!han) return { initials: '', full: '' };
	const syllables = pinyin(han, { toneType: 'none', type: 'array', v: true });
	return {
		initials: syllables.map((s) => s[0] ?? '').join('').toLowerCase(),
		full: syllables.join('').toLowerCase()
	};
}
