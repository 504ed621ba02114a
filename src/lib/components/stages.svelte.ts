/**
 * Reveals a page's parts one task after another once `ready()` holds: part k renders k tasks
 * later. A long page (charts, tables) then builds in several short tasks instead of one that
 * keeps a cheap phone from answering a tap. Put the parts top to bottom, so that each one
 * appears below what is already on screen and nothing visible moves.
 */
export function staged(count: number, ready: () => boolean): { readonly shown: number } {
	let shown = $state(0);
	$effect(() => {
		if (!ready()) return;
		let timer: ReturnType<typeof setTimeout>;
		const next = () => {
			shown++;
			if (shown < count) timer = setTimeout(next, 0);
		};
		timer = setTimeout(next, 0);
		return () => clearTimeout(timer);
	});
	return {
		get shown() {
			return shown;
		}
	};
}
