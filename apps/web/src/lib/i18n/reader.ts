/** The reader's words (the CMO's view of a report). */
import { localized } from './index.ts';

export const reader = localized({
  en: {
    print: 'Print',
    downloadHtml: 'Download HTML',
    edit: 'Edit',
    updated: (time: string) => `Updated ${time}`,
    dataAsOf: (time: string) => `Data synced ${time}`,
    refreshing: 'Updating…',
    loading: 'Loading the report…',
    failedTitle: 'This report could not be shown',
    failedCells: (count: number) =>
      count === 1 ? '1 part of this report failed.' : `${count} parts of this report failed.`,
    retry: 'Try again',
    backHome: 'All notebooks',
    toolbar: 'Report actions',
  },
  fr: {
    print: 'Imprimer',
    downloadHtml: 'Télécharger en HTML',
    edit: 'Modifier',
    updated: (time: string) => `Mis à jour ${time}`,
    dataAsOf: (time: string) => `Données synchronisées ${time}`,
    refreshing: 'Mise à jour…',
    loading: 'Chargement du rapport…',
    failedTitle: 'Ce rapport ne peut pas être affiché',
    failedCells: (count: number) =>
      count === 1
        ? 'Une partie de ce rapport a échoué.'
        : `${count} parties de ce rapport ont échoué.`,
    retry: 'Réessayer',
    backHome: 'Tous les notebooks',
    toolbar: 'Actions du rapport',
  },
});
