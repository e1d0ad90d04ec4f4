// The smallest bench module: proves the harness loads project code in the page.
import { parseInstant } from '$lib/domain/time';

export function ping(): number {
	return parseInstant('2026-01-01', 'UTC');
}
