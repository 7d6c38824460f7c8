/**
 * Questions the built-in engine must refuse even when it knows every other word: forecasts,
 * "why" questions, requests to act, and data the model does not hold. Each says why, in both
 * languages, and what to ask instead.
 */

export interface Blocker {
  id: string;
  /** Over the folded question. */
  pattern: RegExp;
  en: string;
  fr: string;
}

const word = (source: string): RegExp =>
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, 'u');

export const BLOCKERS: Blocker[] = [
  {
    id: 'forecast',
    pattern: word(
      'will|forecast|forecasts|forecasting|predict|predicted|prediction|projection|projected|expect|expected|going to|next (?:week|month|quarter|year|\\d+ days)|tomorrow|coming (?:week|month|weeks|months)|by the end of|prevision|previsions|prevoir|prevois|prevoit|prevu|prochaine?s?|demain|va|vont|allons|sera|seront|serons|estimer|estimation|projeter|projection|anticiper|d ici la fin',
    ),
    en: 'it asks about the future, and Baton only reports on data already synced',
    fr: 'elle porte sur l’avenir, et Baton ne rend compte que des données déjà synchronisées',
  },
  {
    id: 'why',
    pattern: word(
      'why|pourquoi|reason|reasons|raison|raisons|cause|causes|explain|explique|expliquer|expliquez',
    ),
    en: 'a “why” needs analysis, not one query: anomaly checks find root causes',
    fr: 'un « pourquoi » demande une analyse, pas une requête : les contrôles d’anomalies en cherchent les causes',
  },
  {
    id: 'advice',
    pattern: word(
      'should|shall|recommend|recommendation|recommendations|advise|advice|suggest|faut il|faudrait il|devrait|devrais|devrions|dois je|doit on|conseille|conseilles|conseillez|recommande|recommandes|recommandez|recommandation|recommandations',
    ),
    en: 'it asks for advice: recommendation cells propose actions, with the numbers behind them',
    fr: 'elle demande un conseil : les cellules de recommandation proposent des actions, chiffres à l’appui',
  },
  {
    id: 'action',
    pattern: word(
      '^(?:please |can you |could you |peux tu |pouvez vous |merci de )?(?:pause|stop|delete|remove|create|increase|raise|decrease|lower|cut|set|update|launch|enable|disable|turn off|turn on|move|shift|reallocate|allocate|add|drop|insert|duplicate|rename|send|export|mets|mettez|mettre|arrete|arretez|arreter|supprime|supprimez|supprimer|cree|creez|creer|augmente|augmentez|augmenter|baisse|baissez|baisser|diminue|diminuez|coupe|coupez|couper|lance|lancez|lancer|active|activez|activer|desactive|desactivez|modifie|modifiez|modifier|deplace|deplacez|transfere|transferez|reaffecte|ajoute|ajoutez|renomme|envoie|envoyez|exporte|exportez)',
    ),
    en: 'it asks Baton to act, and questions only read data: changes are made in the platforms',
    fr: 'elle demande d’agir, et une question ne fait que lire les données : les changements se font dans les plateformes',
  },
  {
    id: 'platform',
    pattern: word(
      'snapchat|snap ads|snap|pinterest|bing ads|bing|microsoft ads|microsoft advertising|twitter|x ads|amazon|amazon ads|reddit|criteo|taboola|outbrain|spotify|quora|yahoo|the trade desk|dv360|display video 360',
    ),
    en: 'Baton has no data from that platform (it has Google Ads, Meta, TikTok and LinkedIn)',
    fr: 'Baton n’a pas de données de cette plateforme (il a Google Ads, Meta, TikTok et LinkedIn)',
  },
  {
    id: 'non-additive',
    pattern: word(
      'frequency|frequence|reach|portee|couverture|unique users|(?<!new )users|(?<!nouveaux )utilisateurs|(?<!new )visitors|(?<!nouveaux )visiteurs',
    ),
    en: 'reach, frequency and users count people, who cannot be added up across days or campaigns; ask for impressions, clicks or sessions',
    fr: 'la portée, la fréquence et les utilisateurs comptent des personnes, qui ne s’additionnent pas d’un jour ou d’une campagne à l’autre ; demandez les impressions, les clics ou les sessions',
  },
  {
    id: 'metric',
    pattern: word(
      'bounce rates?|bounce|taux de rebond|rebond|profit|profits|profitable|profitability|margin|margins|marge|marges|rentable|rentables|rentabilite|benefice|benefices|ltv|lifetime value|customer lifetime|valeur vie client|roi|return on investment|retour sur investissement|aov|average order value|panier moyen|average basket|basket size|churn|retention|quality score|niveau de qualite|impression share|part d impressions|search impression share|time on site|temps passe|session duration|duree de session|duree des sessions|engagement rate|taux d engagement|cart|panier|add to cart|ajouts au panier|stock|inventory|inventaire|weather|meteo|temperature|followers|abonnes|likes|shares|partages|comments|commentaires|email opens|open rate|taux d ouverture|downloads|telechargements|installs|installations|cpi|cost per install|nps|satisfaction',
    ),
    en: 'the marketing model has no such measure',
    fr: 'le modèle marketing n’a pas cette mesure',
  },
  {
    id: 'dimension',
    pattern: word(
      'age|ages|age group|tranche d age|gender|genders|genre|sexe|hour|hours|hourly|heure|heures|horaire|time of day|moment de la journee|day of (?:the )?week|weekday|weekdays|jours? de la semaine(?! (?:derniere|passee|precedente|en cours|prochaine|d avant))|city|cities|ville|villes|region|regions|state|states|postal code|code postal|zip|language|langue|browser|navigateur|operating system|systeme d exploitation|placement|placements|audience|audiences|interest|interests|centres d interet|keyword match type|match type|type de correspondance|landing page experience|product|products|produit|produits|sku|brand vs non brand',
    ),
    en: 'the marketing model has no such breakdown',
    fr: 'le modèle marketing n’a pas cette ventilation',
  },
  {
    id: 'count',
    pattern: word(
      '(?:how many|number of|count of|nombre de|combien de|combien d) (?:(?:active|paused|removed|live|actives|en pause|supprimees) )?(?:campaigns?|ads?|ad groups?|ad sets?|accounts?|platforms?|campagnes?|annonces?|publicites?|groupes d annonces|comptes?|plateformes?|keywords?|queries|requetes|pages)',
    ),
    en: 'counting campaigns, ads or pages is not something the built-in engine does yet; ask for their spend, clicks or conversions by campaign (ad, page) instead',
    fr: 'compter des campagnes, des annonces ou des pages n’est pas encore à la portée du moteur intégré ; demandez plutôt leurs dépenses, clics ou conversions par campagne (annonce, page)',
  },
  {
    id: 'off-topic',
    pattern: word(
      'capital|weather forecast|recipe|recette|joke|blague|poem|poeme|translate|traduis|traduire|who are you|qui es tu|write a|ecris|ecrire|password|mot de passe|drop table|truncate|delete from|insert into|update set|alter table|grant|sql injection|ignore (?:all |the )?previous|ignore (?:les )?instructions',
    ),
    en: 'it is not a question about the marketing data',
    fr: 'ce n’est pas une question sur les données marketing',
  },
];
