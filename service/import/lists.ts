/**
 * ';'-separated text lists, as the public data set writes seizing agencies
 * ("Singapore Customs; National Parks Board (NParks)"). Only ';' (and '|') separate: agency
 * names contain commas ("Directorate of Revenue Intelligence, Mumbai Zonal Unit").
 */

/** Splits a list cell on ';' or '|', trims each item and drops empty ones and repeats. */
export function splitList(raw: string): string[] {
  const items: string[] = [];
  for (const part of raw.split(/[;|]/)) {
    const item = part.trim();
    if (item && !items.includes(item)) items.push(item);
  }
  return items;
}
