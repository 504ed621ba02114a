/**
 * Offers text to the user as a downloaded file. The link is attached while clicked (Firefox
 * ignores clicks on detached links) and the object URL is released a moment later, after the
 * browser has started the download.
 */
export function saveFile(name: string, text: string, type: string): void {
	const a = document.createElement('a');
	a.href = URL.createObjectURL(new Blob([text], { type }));
	a.download = name;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
