/** Parses a text/event-stream body into its events: id, event name and JSON data. */
export function parseSse<Data = Record<string, unknown>>(
  body: string,
): { id: string; event: string; data: Data }[] {
  return body
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const fields: Record<string, string> = {};
      for (const line of block.split('\n')) {
        const colon = line.indexOf(':');
        fields[line.slice(0, colon)] = line.slice(colon + 1).trimStart();
      }
      return {
        id: fields.id ?? '',
        event: fields.event ?? '',
        data: JSON.parse(fields.data ?? 'null') as Data,
      };
    });
}
