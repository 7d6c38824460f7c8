/**
 * The words of recommended actions, shared by a report's action cards and the editor's: what
 * each action is called, what its figure measures, and the phrases around it. Plain data, so
 * the browser imports it too (`@baton/core/report/action-words`).
 */
import type { ReportLocale } from './messages.ts';

export const ACTION_NAMES: Record<ReportLocale, Record<string, string>> = {
  en: {
    pause_campaign: 'Pause',
    cut_budget: 'Cut the budget',
    raise_budget: 'Raise the budget',
    shift_budget: 'Shift budget',
    refresh_creative: 'Refresh the creative',
    fix_tracking: 'Fix tracking',
    investigate_anomaly: 'Investigate',
  },
  fr: {
    pause_campaign: 'Mettre en pause',
    cut_budget: 'Baisser le budget',
    raise_budget: 'Augmenter le budget',
    shift_budget: 'Déplacer du budget',
    refresh_creative: 'Renouveler la création',
    fix_tracking: 'Réparer le suivi',
    investigate_anomaly: 'Enquêter',
  },
};

export const IMPACT_WORDS: Record<ReportLocale, Record<string, string>> = {
  en: { conversions: 'conversions', revenue: 'revenue', spend: 'spend saved' },
  fr: { conversions: 'conversions', revenue: 'chiffre d’affaires', spend: 'dépenses économisées' },
};
/** What an investigation's figure is: money at stake, not a saving. */
export const STAKE_WORDS: Record<ReportLocale, Record<string, string>> = {
  en: { conversions: 'conversions', revenue: 'revenue', spend: '' },
  fr: { conversions: 'conversions', revenue: 'chiffre d’affaires', spend: '' },
};

export const ACTION_PHRASES = {
  en: {
    impact: (range: string, days: string) => `Expected: ${range} over ${days} days`,
    atStake: (range: string, days: string) => `At stake: ${range} over ${days} days`,
    unrecorded: (range: string, days: string) => `Unrecorded: ${range} over ${days} days`,
    confidence: (value: string) => `confidence ${value}`,
    none: 'No action to recommend: nothing stands out in the data.',
  },
  fr: {
    impact: (range: string, days: string) => `Attendu : ${range} sur ${days} jours`,
    atStake: (range: string, days: string) => `En jeu : ${range} sur ${days} jours`,
    unrecorded: (range: string, days: string) => `Non enregistré : ${range} sur ${days} jours`,
    confidence: (value: string) => `confiance ${value}`,
    none: 'Aucune action à recommander : rien ne ressort des données.',
  },
};
