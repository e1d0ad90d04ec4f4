// RevoGrid 4.28 leaves two gaps that axe reports as critical: its column headers
// (role=columnheader) sit straight under <revogr-header>, which has no role, so they are not in a
// row; and the filter button in each header has only an icon, so a screen reader says "button".
// The grid re-creates header cells as columns scroll into view, so this watches the grid and
// repairs new headers as they appear. Attributes Stencil does not render itself survive its
// re-renders.

/** Gives header rows their role and filter buttons a name; returns a function that stops. */
export function repairGridAria(
	grid: HTMLElement,
	filterLabel: (column: string) => string
): () => void {
	const repair = () => {
		for (const header of grid.querySelectorAll('revogr-header')) {
			const hasHeaders = !!header.querySelector('[role="columnheader"]');
			// An empty header (no pinned columns) must not claim to be a row: a row needs cells.
			if (hasHeaders && header.getAttribute('role') !== 'row') header.setAttribute('role', 'row');
		}
		for (const button of grid.querySelectorAll('[role="columnheader"] button.rv-filter')) {
			const column = button.closest('[role="columnheader"]')?.textContent?.trim() ?? '';
			const label = filterLabel(column);
			if (button.getAttribute('aria-label') !== label) button.setAttribute('aria-label', label);
		}
	};
	repair();
	// Only added or removed nodes matter (not attributes), so the repair cannot trigger itself.
	const observer = new MutationObserver(repair);
	observer.observe(grid, { childList: true, subtree: true });
	return () => observer.disconnect();
}
