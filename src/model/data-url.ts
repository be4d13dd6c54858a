/**
 * Files travel as data URLs (`data:<type>;name=<name>;base64,…`, as in react-jsonschema-form).
 */

function decodeName(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded;
  }
}

/** What the review and the file list show of a data URL: its name and decoded size. */
export function describeDataUrl(dataUrl: string): { name: string; size: number; type: string } {
  const comma = dataUrl.indexOf(',');
  const header = dataUrl.slice(5, comma === -1 ? undefined : comma);
  const [type, ...params] = header.split(';');
  const nameParam = params.find((p) => p.startsWith('name='));
  const name = decodeName(nameParam?.slice(5) ?? '');
  const data = comma === -1 ? '' : dataUrl.slice(comma + 1);
  const padding = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0;
  const size = params.includes('base64')
    ? Math.max(0, Math.floor((data.length * 3) / 4) - padding)
    : data.length;
  return { name, size, type };
}
