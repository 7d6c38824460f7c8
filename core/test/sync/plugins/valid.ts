/** A plugin module as a workspace would list it in baton.json. */
import { testAds } from '../connector.ts';

export default { ...testAds, id: 'listed-ads', name: 'Listed Ads' };
