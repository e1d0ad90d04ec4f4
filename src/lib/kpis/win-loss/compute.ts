// KPI 2 from the lead pass's counts of the leads closed in P.
import type { Passes } from '../../kpi/passes';
import { ratio } from '../../kpi/stats';
import type { WinLossResult } from './types';

export function computeWinLoss({ leads: p }: Passes): WinLossResult {
	return {
		won: p.won,
		lost: p.lost,
		ratio: ratio(p.won, p.lost),
		winRate: ratio(p.won, p.won + p.lost),
		wonValue: p.wonValue,
		lostValue: p.lostValue
	};
}
