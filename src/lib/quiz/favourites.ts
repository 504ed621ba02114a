// 收藏: questions a learner saved, with their own notes.

/** A 收藏 entry: when it was saved and the learner's own note. */
export interface Favourite {
	at: number;
	note: string;
}
export type Favourites = Record<string, Favourite>;

export const NOTE_MAX = 500;

export function toggleFavourite(f: Favourites, id: string, now: number): Favourites {
	const next = { ...f };
	if (next[id]) delete next[id];
	else next[id] = { at: now, note: '' };
	return next;
}

/** Saving a note also 收藏s the question, since a note is only found again through the list. */
export function setFavouriteNote(f: Favourites, id: string, note: string, now: number): Favourites {
	return { ...f, [id]: { at: f[id]?.at ?? now, note: note.slice(0, NOTE_MAX) } };
}
