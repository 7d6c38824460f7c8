/** A plugin module whose stream is malformed (merge without a primary key). */
import { testAds } from '../connector.ts';

export default {
  ...testAds,
  id: 'broken-ads',
  streams: [{ ...testAds.streams[0]!, primaryKey: [], writeMode: 'merge' }],
};
