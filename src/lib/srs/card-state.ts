/**
 * ts-fsrs's card states as plain numbers, so that pages which only count and plan (home,
 * progress) do not pull ts-fsrs into their first load. A unit test keeps them equal.
 */
export const State = { New: 0, Learning: 1, Review: 2, Relearning: 3 } as const;
