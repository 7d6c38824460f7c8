/**
 * The names in the workspace (campaigns, ads), so a question can name one without quotes:
 * "spend on black friday campaigns" filters on names containing "black friday".
 */
import type { Warehouse } from '../../engine/index.ts';
import { fold } from './text.ts';

/** A name as the engine compares it: folded, every run of non-alphanumerics one space. */
export function nameKey(name: string): string {
  return fold(name)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The SQL twin of `nameKey`, over a column. */
export function nameKeySql(column: string): string {
  return `trim(regexp_replace(lower(strip_accents(${column})), '[^a-z0-9]+', ' ', 'g'))`;
}

/** GA4's channel groups, sources and mediums, longest first ("Paid Social" before "Social"). */
export type WebValues = [column: 'channel_group' | 'source' | 'medium', values: string[]][];

export class Catalog {
  readonly #campaigns: string[];
  readonly #ads: string[];
  readonly #web: WebValues;

  constructor(
    campaignNames: readonly string[],
    adNames: readonly string[] = [],
    web: WebValues = [],
  ) {
    this.#campaigns = campaignNames.map((name) => ` ${nameKey(name)} `);
    this.#ads = adNames.map((name) => ` ${nameKey(name)} `);
    this.#web = web.map(([column, values]) => [
      column,
      [...values].sort((a, b) => b.length - a.length),
    ]);
  }

  webValues(): WebValues {
    return this.#web;
  }

  static empty(): Catalog {
    return new Catalog([]);
  }

  /** Reads the names of the model: campaigns, ads, GA4's channel groups, sources and mediums. */
  static async read(warehouse: Pick<Warehouse, 'query'>): Promise<Catalog> {
    const names = async (sql: string): Promise<string[]> => {
      const result = await warehouse.query(sql);
      return (result.data[0] ?? []).filter((name): name is string => typeof name === 'string');
    };
    const web = (column: string) =>
      names(`select distinct ${column} from web_traffic_daily where ${column} not like '(%'`);
    return new Catalog(
      await names(
        'select distinct campaign_name from campaigns union select distinct campaign_name from campaign_daily',
      ),
      await names('select distinct ad_name from ad_daily'),
      [
        ['channel_group', await web('channel_group')],
        ['source', await web('source')],
        ['medium', await web('medium')],
      ],
    );
  }

  /**
   * Whether the words (folded) appear, whole, in a campaign's name; several words also match
   * written together (`black friday` in `TT_FR_BlackFriday_2025`).
   */
  hasCampaignWords(phrase: string): boolean {
    const key = ` ${phrase} `;
    const compact = phrase.includes(' ') ? phrase.replace(/ /g, '') : undefined;
    return this.#campaigns.some(
      (name) =>
        name.includes(key) || (compact !== undefined && name.replace(/ /g, '').includes(compact)),
    );
  }

  hasAdWords(phrase: string): boolean {
    const key = ` ${phrase} `;
    return this.#ads.some((name) => name.includes(key));
  }
}
