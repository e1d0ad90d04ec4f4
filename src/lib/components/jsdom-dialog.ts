// For component tests: jsdom has no modal dialogs. The open flag and the close event are all
// confirm-dialog.svelte needs (Escape and focus trapping are covered in Chromium by e2e).
// Import it for its effect, before rendering a dialog.
if (typeof HTMLDialogElement !== 'undefined' && !HTMLDialogElement.prototype.showModal) {
	Object.assign(HTMLDialogElement.prototype, {
		showModal(this: HTMLDialogElement) {
			this.open = true;
		},
		close(this: HTMLDialogElement) {
			if (!this.open) return;
			this.open = false;
			this.dispatchEvent(new Event('close'));
		}
	});
}
