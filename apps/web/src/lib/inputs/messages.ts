/** The inputs bar's words, in the language its `locale` prop names. */
import type { Locale } from '../preferences.svelte.ts';
import type { DateRangePreset } from './presets.ts';

export interface InputsMessages {
  presets: Record<DateRangePreset, string>;
  custom: string;
  start: string;
  end: string;
  period: string;
  invalidRange: string;
  all: string;
  none: string;
  selected: (count: number, total: number) => string;
  inputs: string;
}

export const inputsMessages: Record<Locale, InputsMessages> = {
  en: {
    presets: {
      last_7_days: 'Last 7 days',
      last_28_days: 'Last 28 days',
      last_30_days: 'Last 30 days',
      last_90_days: 'Last 90 days',
      last_month: 'Last month',
      month_to_date: 'Month to date',
      year_to_date: 'Year to date',
      last_year: 'Last year',
    },
    custom: 'Custom',
    start: 'From',
    end: 'To',
    period: 'Period',
    invalidRange: 'The start date must be on or before the end date.',
    all: 'All',
    none: 'None',
    selected: (count, total) => (count === total ? 'All' : `${count} of ${total}`),
    inputs: 'Report inputs',
  },
  fr: {
    presets: {
      last_7_days: '7 derniers jours',
      last_28_days: '28 derniers jours',
      last_30_days: '30 derniers jours',
      last_90_days: '90 derniers jours',
      last_month: 'Mois dernier',
      month_to_date: 'Mois en cours',
      year_to_date: 'Année en cours',
      last_year: 'Année dernière',
    },
    custom: 'Personnalisée',
    start: 'Du',
    end: 'Au',
    period: 'Période',
    invalidRange: 'La date de début doit précéder la date de fin.',
    all: 'Tous',
    none: 'Aucun',
    selected: (count, total) => (count === total ? 'Tous' : `${count} sur ${total}`),
    inputs: 'Paramètres du rapport',
  },
};

/** `campaign_type` → `Campaign type`, for inputs without a label. */
export function humanizeName(name: string): string {
  const words = name.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
