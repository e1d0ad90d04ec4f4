import { describe, expect, it } from 'vitest';
import { formatBytes, isIos, shouldShowIosHint } from './platform';

const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15';
const IPAD_AS_MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15';
const ANDROID = 'Mozilla/5.0 (Linux; Android 15; Pixel 9) AppleWebKit/537.36 Chrome/156.0';

describe('iOS detection', () => {
	it('knows iPhones and iPads that pose as a Mac, but not a Mac or Android', () => {
		expect(isIos({ userAgent: IPHONE })).toBe(true);
		expect(isIos({ userAgent: IPAD_AS_MAC, maxTouchPoints: 5 })).toBe(true);
		expect(isIos({ userAgent: IPAD_AS_MAC, maxTouchPoints: 0 })).toBe(false);
		expect(isIos({ userAgent: ANDROID, maxTouchPoints: 5 })).toBe(false);
	});

	it('shows the hint only in Safari tabs, not in the installed app or after dismissal', () => {
		expect(shouldShowIosHint({ userAgent: IPHONE }, false, false)).toBe(true);
		expect(shouldShowIosHint({ userAgent: IPHONE, standalone: true }, false, false)).toBe(false);
		expect(shouldShowIosHint({ userAgent: IPHONE }, true, false)).toBe(false);
		expect(shouldShowIosHint({ userAgent: IPHONE }, false, true)).toBe(false);
		expect(shouldShowIosHint({ userAgent: ANDROID }, false, false)).toBe(false);
	});
});

describe('byte figures', () => {
	it('use decimal units like disks do, in the given language', () => {
		expect(formatBytes(0, 'en')).toBe('0 byte');
		expect(formatBytes(1_500, 'en')).toBe('1.5 kB');
		expect(formatBytes(12_400_000, 'en')).toBe('12 MB');
		expect(formatBytes(2_000_000_000, 'en')).toBe('2 GB');
		expect(formatBytes(1_250_000_000, 'da')).toBe('1,3 GB');
	});
});
