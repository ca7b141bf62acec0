/** The zones to choose from: those the browser knows, with the one in force added when it is missing, sorted. */
export function zoneChoices(known: readonly string[], current: string | null): string[] {
  const zones = new Set(known);
  if (current) zones.add(current);
  return [...zones].sort((a, b) => a.localeCompare(b, 'en'));
}

/** The zones the browser knows, or none when it cannot list them. */
export function knownZones(): string[] {
  return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
}
