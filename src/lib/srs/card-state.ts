/**
 * ts-fsrs's card states and ratings as plain numbers, so that pages which only count, plan or
 * mark a quiz (home, progress, quiz) do not pull ts-fsrs into their first load. A unit test
 * keeps them equal to ts-fsrs's.
 */
export const State = { New: 0, Learning: 1, Review: 2, Relearning: 3 } as const;
export const Rating = { Again: 1, Hard: 2, Good: 3, Easy: 4 } as const;
