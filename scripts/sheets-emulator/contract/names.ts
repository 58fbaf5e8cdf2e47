/** Name helpers for Google's messages: proto field paths (snake_case) and enum type names. */

/** lowerCamel → snake_case, as ESF names fields in messages ("valueInputOption" → "value_input_option"). */
export function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** snake_case → lowerCamel, since the JSON parser accepts both spellings. */
export function camel(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function pascalFromUpper(constant: string): string {
  return constant
    .toLowerCase()
    .split('_')
    .map((part) => pascal(part))
    .join('');
}

/**
 * The proto type name Google prints for an enum, e.g. "google.apps.sheets.v4.Dimension". Discovery loses the
 * proto names, so this is a heuristic: a `FOO_UNSPECIFIED` first value names the type when it ends the field
 * name ("majorDimension" → Dimension), else the field name does ("valueInputOption" → ValueInputOption); an
 * enum used by only one schema is nested in it.
 */
export function enumTypeName(
  pkg: string,
  field: string,
  values: readonly string[],
  owner: string | undefined,
  shared: boolean,
): string {
  let name = pascal(field);
  const first = values[0] ?? '';
  if (first.endsWith('_UNSPECIFIED')) {
    const fromValue = pascalFromUpper(first.slice(0, -'_UNSPECIFIED'.length));
    if (fromValue.length > 0 && name.endsWith(fromValue)) name = fromValue;
  }
  return owner && !shared ? `${pkg}.${owner}.${name}` : `${pkg}.${name}`;
}

/** The proto package of each API, as it appears in type URLs. */
export const protoPackage = { sheets: 'google.apps.sheets.v4', drive: 'google.apps.drive.v3' } as const;
